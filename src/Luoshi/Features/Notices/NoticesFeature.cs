using Luoshi.Features.Notices.Channels;
using Luoshi.Features.Shared.Jobs;

namespace Luoshi.Features.Notices;

/// <summary>The inbox, the outbox and its channels, and the sender that runs on every poll.</summary>
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
        services.AddPolledJob<OutboxJob>();
        return services;
    }
}
