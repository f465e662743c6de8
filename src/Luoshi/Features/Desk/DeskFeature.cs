namespace Luoshi.Features.Desk;

/// <summary>The 待办 box: counts over every feature's <see cref="IToDoSource"/> (each feature registers its own).</summary>
internal static class DeskFeature
{
    /// <summary>Everything the feature needs from the container: services, options, 待办 sources, jobs.</summary>
    public static IServiceCollection AddDesk(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<DeskCounts>();
        services.AddScoped<Shared.IHeaderCount, DeskHeaderCount>();
        return services;
    }
}
