namespace Luoshi.Features.Meetings;

/// <summary>会议议定事项: a meeting's decisions, one work item each, registered on a form or from the minutes.</summary>
internal static class MeetingsFeature
{
    /// <summary>Everything the feature needs from the container: services, options, 待办 sources, jobs.</summary>
    public static IServiceCollection AddMeetings(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<MeetingDesk>();
        services.AddSingleton<WorkItems.ILedgerKind, MeetingLedgerKind>();
        services.AddScoped<Desk.IToDoSource, DecisionsDueSource>();
        return services;
    }
}
