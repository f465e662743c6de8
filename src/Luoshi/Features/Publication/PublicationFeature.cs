using System.Threading.RateLimiting;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Luoshi.Features.Publication;

/// <summary>公开承诺: the tasks the bureau makes public, published as reviewed editions for anyone to read.</summary>
internal static class PublicationFeature
{
    public const string RateLimitPolicy = "public-progress";

    /// <summary>Everything the feature needs from the container: services, options, the menu link and the public pages' rate limit.</summary>
    public static IServiceCollection AddPublication(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<PublicationOptions>(config.GetSection("Publication"));
        services.AddScoped<PublicationDesk>();
        services.AddSingleton<PublicAddress>();
        services.AddScoped<IMenuLink, PublicationMenuLink>();
        // Reading is what the public does: limited per address, generously, so one scraper cannot hold the server.
        services.AddRateLimiter(o => o.AddPolicy(RateLimitPolicy, context =>
        {
            var settings = context.RequestServices.GetRequiredService<IOptions<PublicationOptions>>().Value;
            return RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "local", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = settings.PermitPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
            });
        }));
        return services;
    }
}

/// <summary>公开承诺 in the office's 督查 menu.</summary>
internal sealed class PublicationMenuLink : IMenuLink
{
    public int Order => 50;

    public Task<(string Text, string Href)?> ForAsync(Viewer viewer, CancellationToken ct = default) =>
        Task.FromResult<(string, string)?>(viewer.IsAdmin ? ("公开承诺", "/Publication") : null);
}
