namespace Luoshi.Features.Shared;

/// <summary>The kernel every feature uses: the bureau's clock and the gate on heavy inputs. The background-job scheduler comes with the first feature job (<see cref="Jobs.JobRegistration"/>).</summary>
internal static class SharedFeature
{
    /// <summary>Everything the feature needs from the container: services, options, 待办 sources, jobs.</summary>
    public static IServiceCollection AddShared(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(TimeProvider.System);
        services.Configure<ClockOptions>(config.GetSection("Clock"));
        services.AddSingleton<BureauClock>();
        services.Configure<HeavyInputOptions>(config.GetSection("HeavyInput"));
        services.AddSingleton<HeavyInputGate>();
        return services;
    }
}
