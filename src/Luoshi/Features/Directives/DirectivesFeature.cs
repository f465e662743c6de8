namespace Luoshi.Features.Directives;

/// <summary>领导批示件: registered by the office, handled and reported by the lead section, closed by the leader.</summary>
internal static class DirectivesFeature
{
    /// <summary>Everything the feature needs from the container: services, options, 待办 sources, jobs.</summary>
    public static IServiceCollection AddDirectives(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<DirectiveDesk>();
        services.AddSingleton<WorkItems.ILedgerKind, DirectiveLedgerKind>();
        services.AddScoped<Desk.IToDoSource, DirectivesToReportSource>();
        services.AddScoped<Desk.IToDoSource, DirectivesToPresentSource>();
        return services;
    }
}
