using Microsoft.Extensions.Options;

namespace Luoshi.Features.Notices.Channels;

internal static class NoticeChannels
{
    /// <summary>The channels (each also as <see cref="INoticeChannel"/>, to be picked by name), their
    /// configuration, the robots' HTTP client, and the admin's and dispatcher's helpers. Scoped,
    /// because the robot channels read the robot's row at send time.</summary>
    public static IServiceCollection AddNoticeChannels(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<SmtpOptions>(config.GetSection("Notices:Smtp"));
        services.Configure<WebhookOptions>(config.GetSection("Notices:Webhooks"));
        services.AddHttpClient(RobotPost.ClientName, (sp, client) =>
            client.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<WebhookOptions>>().Value.TimeoutSeconds));

        services.AddScoped<EmailChannel>();
        services.AddScoped<DingTalkChannel>();
        services.AddScoped<WeComChannel>();
        services.AddScoped<INoticeChannel>(sp => sp.GetRequiredService<EmailChannel>());
        services.AddScoped<INoticeChannel>(sp => sp.GetRequiredService<DingTalkChannel>());
        services.AddScoped<INoticeChannel>(sp => sp.GetRequiredService<WeComChannel>());
        services.AddScoped<NoticeTargets>();
        services.AddScoped<RobotWebhooks>();
        services.AddSingleton<RobotSecrets>();
        return services;
    }
}
