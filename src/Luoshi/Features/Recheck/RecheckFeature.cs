using Luoshi.Features.Shared.Jobs;

namespace Luoshi.Features.Recheck;

/// <summary>回头看: re-checks of closed work, started by a daily job and concluded by the office.</summary>
internal static class RecheckFeature
{
    /// <summary>Everything the feature needs from the container: services, options, 待办 sources, jobs.</summary>
    public static IServiceCollection AddRecheck(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<RecheckOptions>(config.GetSection("Recheck"));
        services.AddScoped<Rechecks>();
        services.AddSingleton<WorkItems.ILedgerKind, RecheckLedgerKind>();
        services.AddScoped<RecheckPanel>();
        services.AddScoped<Tasks.ITaskPagePanel>(sp => sp.GetRequiredService<RecheckPanel>());
        services.AddDailyJob<RecheckJob>();
        return services;
    }
}
