namespace Luoshi.Features.Idempotency;

/// <summary>Keyed requests; their answers are forgotten after a day (the middleware is placed in App.cs).</summary>
internal static class IdempotencyFeature
{
    /// <summary>Everything the feature needs from the container: services, options, 待办 sources, jobs.</summary>
    public static IServiceCollection AddIdempotency(this IServiceCollection services, IConfiguration config)
    {
        services.AddHostedService<IdempotencyCleanup>();
        return services;
    }
}
