using Luoshi.Features.Notices;
using Luoshi.Features.Notices.Channels;
using Luoshi.Features.Shared.Jobs;

namespace Luoshi.Features.Messengers;

/// <summary>政务钉钉 / 企业微信: the unit's app in each (settings on /Admin/Messengers), the address-book
/// sync into the directory sync, 免登 (/Account/DingTalk, /Account/WeCom) and work notices to a person.</summary>
internal static class MessengersFeature
{
    public static IServiceCollection AddMessengers(this IServiceCollection services, IConfiguration config)
    {
        services.AddHttpClient(MessengerCall.ClientName, client => client.Timeout = TimeSpan.FromSeconds(config.GetValue("Messengers:TimeoutSeconds", 20)));
        services.AddSingleton<MessengerTokens>();
        services.AddSingleton<MessengerCall>();
        services.AddSingleton<IMessengerApi, DingTalkApi>();
        services.AddSingleton<IMessengerApi, WeComApi>();
        services.AddSingleton<MessengerSecrets>();
        services.AddScoped<MessengerSyncer>();
        services.AddScoped<SignOnState>();
        services.AddPolledJob<MessengerSyncJob>();
        services.AddScoped<IPersonChannels, WorkNoticeTargets>();
        services.AddScoped<INoticeChannel>(sp => ActivatorUtilities.CreateInstance<WorkNoticeChannel>(sp, MessengerKind.DingTalk));
        services.AddScoped<INoticeChannel>(sp => ActivatorUtilities.CreateInstance<WorkNoticeChannel>(sp, MessengerKind.WeCom));
        return services;
    }
}
