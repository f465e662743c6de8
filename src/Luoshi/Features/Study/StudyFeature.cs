namespace Luoshi.Features.Study;

/// <summary>The study ledger (学习贯彻).</summary>
internal static class StudyFeature
{
    /// <summary>Everything the feature needs from the container: services, options, 待办 sources, jobs.</summary>
    public static IServiceCollection AddStudy(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<StudyLedger>();
        services.AddScoped<StudyEditor>();
        services.AddScoped<Reviews.IReviewSection, StudyReviewSection>();
        return services;
    }
}
