namespace Luoshi.Features.Rectification;

/// <summary>Rectification (整改).</summary>
internal static class RectificationFeature
{
    /// <summary>Everything the feature needs from the container: services, options, 待办 sources, jobs.</summary>
    public static IServiceCollection AddRectification(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<Rectifications>();
        services.AddSingleton<WorkItems.ILedgerKind, RectificationLedgerKind>();
        services.AddScoped<Reviews.IReviewSection, RectificationReviewSection>();
        return services;
    }
}
