using Luoshi.Features.Shared.Jobs;

namespace Luoshi.Features.Reviews;

/// <summary>The period reviews (盘点), and their generation once a period is over.</summary>
internal static class ReviewsFeature
{
    /// <summary>Everything the feature needs from the container: services, options, 待办 sources, jobs.</summary>
    public static IServiceCollection AddReviews(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<ReviewData>();
        services.AddScoped<BulletinIssuer>();
        services.AddScoped<BulletinNotices>();
        services.AddScoped<ScheduledReviews>();
        services.AddSingleton<Record.RecordSignatureCheck>(_ => BulletinSignatures.CheckAsync);
        services.AddDailyJob<ScheduledReviewsJob>();
        return services;
    }
}
