namespace Luoshi.Features.Organisation;

/// <summary>Who is asking: the viewer of the request.</summary>
internal static class OrganisationFeature
{
    /// <summary>Everything the feature needs from the container: services, options, 待办 sources, jobs.</summary>
    public static IServiceCollection AddOrganisation(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<CurrentViewer>();
        services.AddSingleton<ViewerCache>();
        return services;
    }
}
