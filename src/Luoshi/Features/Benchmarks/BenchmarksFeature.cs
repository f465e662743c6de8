namespace Luoshi.Features.Benchmarks;

/// <summary>The 对标 scoreboards and the tasks made from their gaps.</summary>
internal static class BenchmarksFeature
{
    /// <summary>Everything the feature needs from the container: services, options, 待办 sources, jobs.</summary>
    public static IServiceCollection AddBenchmarks(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<ScoreboardStore>();
        services.AddScoped<GapTasks>();
        return services;
    }
}
