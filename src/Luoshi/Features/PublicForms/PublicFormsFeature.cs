namespace Luoshi.Features.PublicForms;

/// <summary>The public forms: their settings, guard and rate limit.</summary>
internal static class PublicFormsFeature
{
    /// <summary>Everything the feature needs from the container: services, options, 待办 sources, jobs.</summary>
    public static IServiceCollection AddPublicForms(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<PublicFormOptions>(config.GetSection("PublicForms"));
        services.AddSingleton<PublicFormGuard>();
        PublicFormGuard.AddRateLimit(services);
        return services;
    }
}
