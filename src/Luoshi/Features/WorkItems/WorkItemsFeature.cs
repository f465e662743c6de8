namespace Luoshi.Features.WorkItems;

/// <summary>The one creation path for work items of every kind; ledgers add their <see cref="ILedgerKind"/>.</summary>
internal static class WorkItemsFeature
{
    /// <summary>Everything the feature needs from the container: services, options, 待办 sources, jobs.</summary>
    public static IServiceCollection AddWorkItems(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<WorkItemCreator>();
        return services;
    }
}
