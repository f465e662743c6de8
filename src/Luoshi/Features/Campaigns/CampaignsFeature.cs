namespace Luoshi.Features.Campaigns;

/// <summary>Campaigns (专项行动) and their reports.</summary>
internal static class CampaignsFeature
{
    /// <summary>Everything the feature needs from the container: services, options, 待办 sources, jobs.</summary>
    public static IServiceCollection AddCampaigns(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<CampaignReports>();
        services.AddScoped<Reviews.IReviewSection, CampaignReviewSection>();
        return services;
    }
}
