using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Luoshi.Features.Shared;

/// <summary>
/// How every rate-limiter policy of the app answers a request it turns away: 429 with Retry-After,
/// ProblemDetails in Chinese on <c>/api</c>, and on a page an empty 429 that the status-code pages turn
/// into the Chinese error page (<c>/Error?code=429</c>). The logins are limited in <c>LoginCheck</c>
/// instead, so that the login page itself can show the message.
/// </summary>
internal static class TooManyRequests
{
    public static void Configure(RateLimiterOptions options)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = async (context, ct) =>
        {
            var http = context.HttpContext;
            var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            if (http.Request.Path.StartsWithSegments("/api"))
            {
                await Results.Problem($"提交过于频繁，请{Math.Max(1, Math.Ceiling(wait.TotalMinutes))}分钟后再试", statusCode: StatusCodes.Status429TooManyRequests, title: ChineseProblems.TitleFor(429))
                    .ExecuteAsync(http);
            }
        };
    }
}
