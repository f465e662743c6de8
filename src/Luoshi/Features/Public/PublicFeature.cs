namespace Luoshi.Features.Public;

/// <summary>The public forms: their settings, guard and rate limit.</summary>
internal static class PublicFeature
{
    /// <summary>Everything the feature needs from the container: services, options, 待办 sources, jobs.</summary>
    public static IServiceCollection AddPublic(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<PublicFormOptions>(config.GetSection("PublicForms"));
        services.AddSingleton<PublicFormGuard>();
        PublicFormGuard.AddRateLimit(services);
        return services;
    }
}
