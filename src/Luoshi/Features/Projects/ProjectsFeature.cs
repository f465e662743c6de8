namespace Luoshi.Features.Projects;

/// <summary>The project pipeline (项目).</summary>
internal static class ProjectsFeature
{
    /// <summary>Everything the feature needs from the container: services, options, 待办 sources, jobs.</summary>
    public static IServiceCollection AddProjects(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<ProjectPipeline>();
        services.AddSingleton<WorkItems.ILedgerKind, ProjectLedgerKind>();
        services.AddScoped<Reviews.IReviewSection, ProjectReviewSection>();
        return services;
    }
}
