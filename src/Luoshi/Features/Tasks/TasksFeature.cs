namespace Luoshi.Features.Tasks;

/// <summary>The task editor every kind of work item goes through.</summary>
internal static class TasksFeature
{
    /// <summary>Everything the feature needs from the container: services, options, 待办 sources, jobs.</summary>
    public static IServiceCollection AddTasks(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<TaskEditor>();
        services.AddSingleton<TaskTotals>();
        services.AddScoped<Organisation.IViewerFacts, RestrictedFacts>();
        return services;
    }
}
