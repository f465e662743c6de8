using System.Text.Json.Serialization;
using Luoshi.Data;
using Luoshi.Features.Account;
using Luoshi.Features.Appeals;
using Luoshi.Features.Assessment;
using Luoshi.Features.Assignment;
using Luoshi.Features.Dispatch;
using Luoshi.Features.Audit;
using Luoshi.Features.Benchmarks;
using Luoshi.Features.Calendar;
using Luoshi.Features.Campaigns;
using Luoshi.Features.Dashboard;
using Luoshi.Features.Desk;
using Luoshi.Features.Directives;
using Luoshi.Features.DirectorySync;
using Luoshi.Features.Messengers;
using Luoshi.Features.Events;
using Luoshi.Features.Idempotency;
using Luoshi.Features.Imports;
using Luoshi.Features.Instructions;
using Luoshi.Features.Ldap;
using Luoshi.Features.Lights;
using Luoshi.Features.Meetings;
using Luoshi.Features.Notices;
using Luoshi.Features.Organisation;
using Luoshi.Features.Plans;
using Luoshi.Features.Projects;
using Luoshi.Features.Publication;
using Luoshi.Features.PublicForms;
using Luoshi.Features.Record;
using Luoshi.Features.Rectification;
using Luoshi.Features.Recheck;
using Luoshi.Features.Proposals;
using Luoshi.Features.Research;
using Luoshi.Features.Reports;
using Luoshi.Features.Requests;
using Luoshi.Features.Reviews;
using Luoshi.Features.Shared;
using Luoshi.Features.Study;
using Luoshi.Features.Supervision;
using Luoshi.Features.Tasks;
using Luoshi.Features.WorkItems;
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
        services.AddMemoryCache();
        services.AddHttpContextAccessor();

        services.Configure<Microsoft.AspNetCore.Builder.ForwardedHeadersOptions>(o => ProxyHeaders.Configure(o, config));
        // Sign-in, sessions and the Admin/Auditor policies: before the features, so that a feature may rely on them.
        services.AddLuoshiIdentity(config);
        var keysEncrypted = KeyProtection.Apply(
            KeyStore.Persist(services.AddDataProtection(), config, contentRoot).SetApplicationName("Luoshi"), config);

        // One line per feature: its services, options, 待办 sources and background jobs are in the
        // feature's own XFeature.cs (AddX). A new service goes there, not here. Daily jobs run in the
        // order they are added, so the features are listed kernel first: Reports' cleanup, then
        // Supervision's escalation, then Reviews (a review sees the day's escalation).
        services.AddShared(config);
        services.AddOrganisation(config);
        services.AddCalendar(config);
        services.AddLights(config);
        services.AddPlans(config);
        services.AddTasks(config);
        services.AddWorkItems(config);
        services.AddReports(config);
        services.AddRequests(config);
        services.AddAssignment(config);
        services.AddDispatch(config);
        services.AddImports(config);
        services.AddNotices(config);
        services.AddRecord(config);
        services.AddSupervision(config);
        services.AddReviews(config);
        services.AddAssessment(config);
        services.AddBenchmarks(config);
        services.AddInstructions(config);
        services.AddStudy(config);
        services.AddCampaigns(config);
        services.AddProjects(config);
        services.AddResearch(config);
        services.AddRecheck(config);
        services.AddDirectives(config);
        services.AddMeetings(config);
        services.AddProposals(config);
        services.AddEvents(config);
        services.AddRectification(config);
        services.AddAppeals(config);
        services.AddPublicForms(config);
        services.AddPublication(config);
        services.AddDesk(config);
        services.AddIdempotency(config);
        services.AddAudit(config);
        services.AddLdap(config);
        services.AddDirectorySync(config);
        services.AddMessengers(config);

        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
            // Admin pages live in the features they serve, under /Admin URLs; each says [Authorize(Policy = AdminOnly.Policy)].
            o.Conventions.AuthorizeFolder("/Audit", Luoshi.Features.Audit.AuditorOnly.Policy);
            o.Conventions.AllowAnonymousToPage("/Account/Login");
            o.Conventions.AllowAnonymousToPage("/Account/LoginCode");
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
        // One line per feature, as above (a feature with several APIs maps them in its XFeature.cs).
        api.MapTokenApi();
        api.MapOrganisationApi();
        api.MapPlansApi();
        api.MapTasksApi();
        api.MapReportsApi();
        api.MapDashboardApi();
        api.MapDocumentsApi();
        api.MapAssessmentApi();
        api.MapProjectsApi();
        api.MapResearchApi();
        api.MapRecheckApi();
        api.MapDirectivesApi();
        api.MapMeetingsApi();
        api.MapProposalsApi();
        api.MapEventsApi();
        api.MapRequestsApi();
        api.MapAssignmentApi();
        api.MapDispatchApi();
        api.MapNoticesApi();
        api.MapSupervisionApis();
        api.MapStudyApi();
        api.MapCampaignsApi();
        api.MapRectificationApi();
        api.MapAppealsApi();
        api.MapAuditApi();
        api.MapReviewsApi();
        api.MapPublicationApi();
        app.MapRazorPages();
        return app;
    }
}
