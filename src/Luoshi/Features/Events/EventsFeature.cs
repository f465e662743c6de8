namespace Luoshi.Features.Events;

/// <summary>The event ledger (活动).</summary>
internal static class EventsFeature
{
    /// <summary>Everything the feature needs from the container: services, options, 待办 sources, jobs.</summary>
    public static IServiceCollection AddEvents(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<EventLedger>();
        return services;
    }
}
