namespace Luoshi.Features.Imports;

/// <summary>Documents read into plans.</summary>
internal static class ImportsFeature
{
    /// <summary>Everything the feature needs from the container: services, options, 待办 sources, jobs.</summary>
    public static IServiceCollection AddImports(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<DocumentUpload>();
        services.AddScoped<PlanImport>();
        return services;
    }
}
