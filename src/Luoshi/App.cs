using System.Text.Json.Serialization;
using Luoshi.Data;
using Luoshi.Features.Account;
using Luoshi.Features.Assessment;
using Luoshi.Features.Audit;
using Luoshi.Features.Benchmarks;
using Luoshi.Features.Calendar;
using Luoshi.Features.Dashboard;
using Luoshi.Features.Imports;
using Luoshi.Features.Lights;
using Luoshi.Features.Notices.Channels;
using Luoshi.Features.Organisation;
using Luoshi.Features.Plans;
using Luoshi.Features.Reports;
using Luoshi.Features.Shared;
using Luoshi.Features.Tasks;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Features;

namespace Luoshi;

/// <summary>The web application's composition, top to bottom.</summary>
internal static class App
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = ContentRoot.Choose(args, Environment.CurrentDirectory, AppContext.BaseDirectory),
        });
        var services = builder.Services;
        var config = builder.Configuration;

        var contentRoot = builder.Environment.ContentRootPath;
        services.AddLuoshiDb(config, contentRoot);
        services.AddSingleton(TimeProvider.System);
        services.Configure<ClockOptions>(config.GetSection("Clock"));
        services.Configure<LightOptions>(config.GetSection("Lights"));
        services.Configure<EvidenceOptions>(config.GetSection("Evidence"));
        services.PostConfigure<EvidenceOptions>(o => o.Folder = DataPaths.Resolve(contentRoot, o.Folder));
        services.AddSingleton<BureauClock>();
        services.AddMemoryCache();
        services.AddHttpContextAccessor();

        services.Configure<Microsoft.AspNetCore.Builder.ForwardedHeadersOptions>(o => ProxyHeaders.Configure(o, config));
        services.AddLuoshiIdentity(config);
        var keysEncrypted = KeyProtection.Apply(
            services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(DataPaths.KeysFolder(config, contentRoot))).SetApplicationName("Luoshi"), config);

        // Feature code shared by pages and API.
        services.AddScoped<CurrentViewer>();
        services.AddSingleton<WorkingCalendars>();
        services.AddSingleton<PlanCache>();
        services.AddScoped<TaskLights>();
        services.AddScoped<TaskEditor>();
        services.AddScoped<PlanEditor>();
        services.AddScoped<ReportSubmitter>();
        services.AddScoped<EvidenceFiles>();
        services.AddScoped<EvidenceAccess>();
        services.AddScoped<DocumentUpload>();
        services.AddScoped<PlanImport>();
        services.AddScoped<ScoreboardStore>();
        services.AddScoped<GapTasks>();
        services.AddScoped<Luoshi.Features.Requests.TaskRequests>();
        services.AddScoped<ReportReturner>();
        services.AddScoped<Luoshi.Features.Assignment.Reassigner>();
        services.AddScoped<Luoshi.Features.Assignment.TaskReturns>();
        services.AddScoped<Luoshi.Features.Assignment.BulkReassign>();
        services.AddScoped<Luoshi.Features.Assignment.SelectedReassign>();
        services.AddScoped<Luoshi.Features.Supervision.BulkUrge>();
        services.AddScoped<Luoshi.Features.Desk.IToDoSource, RedoReportsSource>();
        services.AddScoped<Luoshi.Features.Desk.IToDoSource, Luoshi.Features.Assignment.PendingReturnsSource>();
        services.AddScoped<Luoshi.Features.Reviews.ReviewData>();
        services.AddScoped<AssessmentData>();
        services.AddScoped<AssessmentEditor>();
        services.AddScoped<Luoshi.Features.Study.StudyLedger>();
        services.AddScoped<Luoshi.Features.Study.StudyEditor>();
        services.AddScoped<Luoshi.Features.Campaigns.CampaignReports>();
        services.AddScoped<Luoshi.Features.Projects.ProjectPipeline>();
        services.AddScoped<Luoshi.Features.Events.EventLedger>();
        services.AddScoped<Luoshi.Features.Rectification.Rectifications>();
        services.AddScoped<Luoshi.Features.Appeals.Appeals>();
        services.Configure<Luoshi.Features.Appeals.AppealOptions>(config.GetSection("Appeals"));
        services.Configure<Luoshi.Features.Public.PublicFormOptions>(config.GetSection("PublicForms"));
        services.AddSingleton<Luoshi.Features.Public.PublicFormGuard>();
        services.Configure<HeavyInputOptions>(config.GetSection("HeavyInput"));
        services.AddSingleton<HeavyInputGate>();
        Luoshi.Features.Public.PublicFormGuard.AddRateLimit(services);
        services.AddSingleton<IEvidenceStore, FolderEvidenceStore>();
        services.Configure<Luoshi.Features.Notices.NoticeOptions>(config.GetSection("Notices"));
        services.Configure<Luoshi.Features.Supervision.SchedulerOptions>(config.GetSection("Scheduler"));
        services.AddScoped<Luoshi.Features.Notices.Inbox>();
        services.AddScoped<Luoshi.Features.Notices.NoticeOutbox>();
        services.AddScoped<Luoshi.Features.Notices.NoticeDispatcher>();
        services.AddScoped<Luoshi.Features.Supervision.EscalationRun>();
        services.AddScoped<Luoshi.Features.Supervision.TaskSigning>();
        services.Configure<Luoshi.Features.Supervision.SupervisionOptions>(config.GetSection("Supervision"));
        services.AddScoped<Luoshi.Features.Supervision.SheetNotices>();
        services.AddScoped<Luoshi.Features.Supervision.ManualEscalation>();
        services.AddScoped<Luoshi.Features.Supervision.SheetReplies>();
        services.AddScoped<Luoshi.Features.Supervision.SheetRegister>();
        services.AddScoped<Luoshi.Features.Instructions.Instructions>();
        services.AddScoped<Luoshi.Features.Desk.IToDoSource, Luoshi.Features.Supervision.SheetsToReplySource>();
        services.AddScoped<Luoshi.Features.Desk.IToDoSource, Luoshi.Features.Supervision.RepliesToReviewSource>();
        services.AddScoped<Luoshi.Features.Desk.IToDoSource, Luoshi.Features.Instructions.InstructionsToAcknowledgeSource>();
        services.AddScoped<Luoshi.Features.Reviews.ScheduledReviews>();
        services.AddSingleton<Luoshi.Features.Record.RecordAnchorer>();
        services.AddSingleton<Luoshi.Features.Supervision.SupervisionScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<Luoshi.Features.Supervision.SupervisionScheduler>());
        services.AddSingleton<DailyLightRefresh>();
        services.AddHostedService(sp => sp.GetRequiredService<DailyLightRefresh>());
        services.AddNoticeChannels(config);
        services.AddScoped<Luoshi.Features.Notices.PersonNotices>();

        // The 待办 box: each feature that makes a person wait adds its source here.
        services.AddScoped<Luoshi.Features.Desk.DeskCounts>();
        services.AddScoped<IHeaderCount, Luoshi.Features.Desk.DeskHeaderCount>();
        services.AddScoped<IHeaderCount, Luoshi.Features.Notices.InboxHeaderCount>();
        services.AddSingleton<Luoshi.Features.Reports.ReportWindows>();
        services.AddScoped<Luoshi.Features.Reports.ReportsOwed>();
        services.AddScoped<Luoshi.Features.Desk.IToDoSource, Luoshi.Features.Supervision.SignToDo>();
        services.AddScoped<Luoshi.Features.Desk.IToDoSource, Luoshi.Features.Reports.ReportDueToDo>();
        services.AddScoped<Luoshi.Features.Desk.IToDoSource, Luoshi.Features.Reports.ReportLateToDo>();
        services.AddScoped<Luoshi.Features.Desk.IToDoSource, Luoshi.Features.Requests.ExtensionToDo>();
        services.AddScoped<Luoshi.Features.Desk.IToDoSource, Luoshi.Features.Requests.CompletionToDo>();
        services.AddScoped<Luoshi.Features.Desk.IToDoSource, Luoshi.Features.Appeals.AppealReplyToDo>();
        services.AddScoped<Luoshi.Features.Desk.IToDoSource, Luoshi.Features.Appeals.AppealIntakeToDo>();
        services.AddHostedService<Luoshi.Features.Idempotency.IdempotencyCleanup>();
        services.AddScoped<Luoshi.Features.Audit.AuditLog>();
        services.AddOptions<Luoshi.Features.Audit.AuditOptions>().Bind(config.GetSection("Audit")).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<Luoshi.Features.Audit.AuditOptions>, Luoshi.Features.Audit.AuditOptionsCheck>();
        services.AddHostedService<Luoshi.Features.Audit.AuditCleanup>();

        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
            o.Conventions.AuthorizeFolder("/Admin", AdminOnly.Policy);
            o.Conventions.AuthorizeFolder("/Audit", Luoshi.Features.Audit.AuditorOnly.Policy);
            o.Conventions.AllowAnonymousToPage("/Account/Login");
            o.Conventions.AllowAnonymousToPage("/Account/LoginCode");
            o.Conventions.AllowAnonymousToFolder("/Public");
        }).AddMvcOptions(o =>
        {
            o.Filters.Add<PasswordFirst>();
            o.Filters.Add<BoundedQuery>();
            // Required fields say so with [Required] and a Chinese message; nothing is implied.
            o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
            ChineseValidationMetadata.Use(o);
        });
        // No client-side validation script is loaded: the data-val-* attributes would only carry English.
        services.Configure<Microsoft.AspNetCore.Mvc.MvcViewOptions>(o => o.HtmlHelperOptions.ClientValidationEnabled = false);
        // Chinese text goes out as text, not as &#x...; entities (a third of the page otherwise).
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ChineseProblems.Customize);
        services.AddExceptionHandler<ErrorHandler>();
        services.AddValidation();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddOpenApi(o => o.AddDocumentTransformer<BearerSecurity>());

        var evidenceLimit = config.GetValue<long?>("Evidence:MaxBytes") ?? new EvidenceOptions().MaxBytes;
        var maxFiles = config.GetValue<int?>("Evidence:MaxFilesPerReport") ?? new EvidenceOptions().MaxFilesPerReport;
        // Let oversized uploads through the server so the app can say in words what is wrong.
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = (evidenceLimit * (maxFiles + 1)) + (1 << 20));
        services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = (evidenceLimit * (maxFiles + 1)) + (1 << 20));

        var app = builder.Build();
        if (!keysEncrypted && app.Environment.IsProduction())
        {
            app.Logger.LogWarning(KeyProtection.Unprotected);
        }

        // First, so that everything after sees the client's address and scheme (ProxyHeaders).
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), pages => pages.UseStatusCodePagesWithReExecute("/Error", "?code={0}"));
        app.UseStaticFiles();
        // Routing after the status-code pages, so a re-executed /Error request is routed again.
        app.UseRouting();
        app.UseBodyLimit();
        app.UseAuthentication();
        app.UseSessionCheck();
        app.UseAuditorFence();
        app.UseAuthorization();
        app.UseRateLimiter();
        // After the rate limiter: a request it turned away (429) is not kept as the key's answer.
        app.UseMiddleware<Luoshi.Features.Idempotency.IdempotencyMiddleware>();
        app.UseAntiforgery();

        app.MapApiDocs();
        // Every API endpoint: bounded arguments and a small body unless the endpoint takes uploads.
        var api = app.MapGroup("").AddEndpointFilterFactory(BoundedInput.Filter)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(BoundedInput.MaxJsonBody));
        api.MapTokenApi();
        api.MapOrganisationApi();
        api.MapPlansApi();
        api.MapTasksApi();
        api.MapReportsApi();
        api.MapDashboardApi();
        api.MapDocumentsApi();
        api.MapAssessmentApi();
        Luoshi.Features.Projects.ProjectsApi.MapProjectsApi(api);
        Luoshi.Features.Events.EventsApi.MapEventsApi(api);
        Luoshi.Features.Requests.RequestsApi.MapRequestsApi(api);
        Luoshi.Features.Assignment.AssignmentApi.MapAssignmentApi(api);
        Luoshi.Features.Notices.NoticesApi.MapNoticesApi(api);
        Luoshi.Features.Supervision.SupervisionApi.MapSupervisionApi(api);
        Luoshi.Features.Supervision.SheetsApi.MapSheetsApi(api);
        Luoshi.Features.Study.StudyApi.MapStudyApi(api);
        Luoshi.Features.Campaigns.CampaignsApi.MapCampaignsApi(api);
        Luoshi.Features.Rectification.RectificationApi.MapRectificationApi(api);
        Luoshi.Features.Appeals.AppealsApi.MapAppealsApi(api);
        api.MapAuditApi();
        app.MapRazorPages();
        return app;
    }
}
