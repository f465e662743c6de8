using Luoshi.Features.Shared.Jobs;

namespace Luoshi.Features.Record;

/// <summary>The tamper-evident record: its anchors, the sealing that runs on every poll, and the full re-checks the offices queue.</summary>
internal static class RecordFeature
{
    /// <summary>Everything the feature needs from the container: services, options, 待办 sources, jobs.</summary>
    public static IServiceCollection AddRecord(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton<RecordAnchorer>();
        services.AddSingleton<UnitSigner>();
        services.AddPolledJob<RecordSealingJob>();
        services.AddPolledJob<RecordFullCheckJob>();
        return services;
    }
}
