using Luoshi.Features.Shared.Jobs;

namespace Luoshi.Features.Reviews;

/// <summary>The period reviews (盘点), and their generation once a period is over.</summary>
internal static class ReviewsFeature
{
    /// <summary>Everything the feature needs from the container: services, options, 待办 sources, jobs.</summary>
    public static IServiceCollection AddReviews(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<ReviewData>();
        // The review page and its downloads read through the read context (the replica when there is
        // one); issuing a bulletin and the scheduled reviews read the primary they write to.
        services.AddKeyedScoped<ReviewData>(Data.ReadDb.Key, (sp, _) =>
        {
            var db = sp.GetRequiredService<Data.ReadDb>();
            var ledgers = sp.GetServices<IReviewSection>().Select(l => (IReviewSection)ActivatorUtilities.CreateInstance(sp, l.GetType(), db)).ToList();
            return ActivatorUtilities.CreateInstance<ReviewData>(sp, db, ledgers);
        });
        services.AddScoped<BulletinIssuer>();
        services.AddScoped<BulletinNotices>();
        services.AddScoped<ScheduledReviews>();
        services.AddSingleton<Record.RecordSignatureCheck>(_ => BulletinSignatures.CheckAsync);
        services.AddDailyJob<ScheduledReviewsJob>();
        return services;
    }
}
