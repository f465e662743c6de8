using Luoshi.Features.Desk;
using Luoshi.Features.Shared.Jobs;

namespace Luoshi.Features.Supervision;

/// <summary>Escalation (催办、督办), sheets and their replies, sign-off, and the daily escalation run.</summary>
internal static class SupervisionFeature
{
    /// <summary>Everything the feature needs from the container: services, options, 待办 sources, jobs.</summary>
    public static IServiceCollection AddSupervision(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<SupervisionOptions>(config.GetSection("Supervision"));
        services.AddScoped<EscalationRun>();
        services.AddScoped<ManualEscalation>();
        services.AddScoped<BulkUrge>();
        services.AddScoped<TaskSigning>();
        services.AddScoped<SheetNotices>();
        services.AddScoped<SheetReplies>();
        services.AddScoped<SheetRegister>();
        // The 督办台账 page and its Excel read through the read context (the replica when there is one), the
        // sheets and their readers (已读/未读) alike, so that a page is consistent with itself.
        services.AddKeyedScoped<SheetRegister>(Data.ReadDb.Key, (sp, _) =>
        {
            var db = sp.GetRequiredService<Data.ReadDb>();
            return ActivatorUtilities.CreateInstance<SheetRegister>(sp, db, new SheetArrival(db));
        });
        // 消息必达: who has read a sheet, and its re-sends on the task's history.
        services.AddScoped<SheetArrival>();
        services.AddScoped<Notices.Arrival.INoticeResent, ResendHistory>();
        services.AddSingleton<RegisterCursors>();
        services.AddScoped<HeldSheets>();
        services.AddScoped<IToDoSource, HeldSheetsSource>();
        services.AddScoped<IToDoSource, SignToDo>();
        services.AddScoped<IToDoSource, SheetsToReplySource>();
        services.AddScoped<IToDoSource, RepliesToReviewSource>();
        services.AddDailyJob<EscalationJob>();
        return services;
    }

    /// <summary>The feature's two APIs: escalations of a task, and the sheets (督办单) with their replies and instructions.</summary>
    public static IEndpointRouteBuilder MapSupervisionApis(this IEndpointRouteBuilder app) =>
        app.MapSupervisionApi().MapSheetsApi();
}
