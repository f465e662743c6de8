using Luoshi.Features.Notices.Channels;
using Luoshi.Features.Shared.Jobs;

namespace Luoshi.Features.Notices;

/// <summary>The inbox and its unread counts, the outbox and its channels, the sender that runs on
/// every poll and the daily check of the counts.</summary>
internal static class NoticesFeature
{
    /// <summary>Everything the feature needs from the container: services, options, 待办 sources, jobs.</summary>
    public static IServiceCollection AddNotices(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<NoticeOptions>(config.GetSection("Notices"));
        services.AddScoped<Inbox>();
        services.AddScoped<Shared.IHeaderCount, InboxHeaderCount>();
        services.AddScoped<NoticeOutbox>();
        services.AddScoped<NoticeDispatcher>();
        services.AddScoped<PersonNotices>();
        services.AddNoticeChannels(config);
        // 消息必达, quiet hours, the daily digest and each person's choices (Arrival/).
        services.Configure<Arrival.MustArriveOptions>(config.GetSection("Notices:MustArrive"));
        services.Configure<Arrival.QuietHoursOptions>(config.GetSection("Notices:QuietHours"));
        services.AddScoped<Arrival.NoticeChoices>();
        services.AddScoped<Arrival.QuietDeliveries>();
        services.AddScoped<Arrival.MustArrive>();
        services.AddScoped<Arrival.DailyDigest>();
        services.AddPolledJob<Arrival.MustArriveJob>();
        services.AddDailyJob<Arrival.DailyDigestJob>();
        services.AddPolledJob<OutboxJob>();
        // The unread counts checked against the notices at start-up and every day.
        services.AddDailyJob<NoticeCountRepair>();
        return services;
    }
}
