namespace Luoshi.Features.Research;

/// <summary>专题调研: topics, field work, reports and the use of their findings.</summary>
internal static class ResearchFeature
{
    /// <summary>Everything the feature needs from the container: services, options, 待办 sources, jobs.</summary>
    public static IServiceCollection AddResearch(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<ResearchDesk>();
        services.AddScoped<ResearchFiles>();
        services.AddSingleton<WorkItems.ILedgerKind, ResearchLedgerKind>();
        services.AddScoped<Desk.IToDoSource, ReportsToReviewSource>();
        services.AddScoped<Desk.IToDoSource, ReportsToReviseSource>();
        return services;
    }
}
