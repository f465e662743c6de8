using Microsoft.Extensions.Options;

namespace Luoshi.Features.Audit;

/// <summary>The audit log, its retention (checked at start) and its daily cleanup.</summary>
internal static class AuditFeature
{
    /// <summary>Everything the feature needs from the container: services, options, 待办 sources, jobs.</summary>
    public static IServiceCollection AddAudit(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<AuditLog>();
        services.AddOptions<AuditOptions>().Bind(config.GetSection("Audit")).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuditOptions>, AuditOptionsCheck>();
        services.AddHostedService<AuditCleanup>();
        return services;
    }
}
