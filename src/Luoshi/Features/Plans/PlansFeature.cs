namespace Luoshi.Features.Plans;

/// <summary>Plans and their cache.</summary>
internal static class PlansFeature
{
    /// <summary>Everything the feature needs from the container: services, options, 待办 sources, jobs.</summary>
    public static IServiceCollection AddPlans(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton<PlanCache>();
        services.AddScoped<PlanEditor>();
        return services;
    }
}
