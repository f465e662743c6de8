using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using System.Threading.RateLimiting;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Luoshi.Features.PublicForms;

internal sealed class PublicFormOptions
{
    /// <summary>Submissions per address per window.</summary>
    public int PermitLimit { get; set; } = 5;

    public int WindowMinutes { get; set; } = 10;

    /// <summary>A person needs at least this long to fill the form; a script does not.</summary>
    public int MinFillSeconds { get; set; } = 3;
}

/// <summary>
/// The guard of the public forms (no login, no captcha): a per-address rate limit on posts, a
/// honeypot field people never see, a signed time stamp that says when the form was served (too
/// fast or forged is refused), and no links or HTML in the text. The text is kept as plain text
/// and Razor escapes it wherever it is shown.
/// </summary>
internal sealed partial class PublicFormGuard(IDataProtectionProvider protection, TimeProvider time, IOptions<PublicFormOptions> options)
{
    public const string RateLimitPolicy = "public-forms";
    public const string Refused = "提交未被接受，请稍后重新填写后再提交";

    private readonly IDataProtector _protector = protection.CreateProtector("Luoshi.PublicForm.Stamp.v1");

    /// <summary>Stamps already posted, with when: a stamp counts once, so a script must fetch the form
    /// for every post instead of replaying one good stamp. Kept in memory for the day a stamp is valid
    /// (per instance; behind several, a replay can reach each instance once).</summary>
    private readonly ConcurrentDictionary<string, DateTimeOffset> _used = new(StringComparer.Ordinal);

    public string Stamp() => StampAt(time.GetUtcNow());

    public string StampAt(DateTimeOffset servedAt) => _protector.Protect(servedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds a message when the submission looks automated; the honeypot and the stamp get
    /// the same vague words, so a script learns nothing about which check it failed.</summary>
    public void Check(string? honeypot, string? stamp, FieldErrors problems, params (string Field, string? Text)[] texts)
    {
        if (!string.IsNullOrEmpty(honeypot) || !StampIsOld(stamp) || !FirstUse(stamp!))
        {
            problems.Add("", Refused);
        }

        foreach (var (field, text) in texts)
        {
            if (text is not null && MarkupOrLink().IsMatch(text))
            {
                problems.Add(field, "请不要填写网址链接或网页代码");
            }
        }
    }

    private bool FirstUse(string stamp)
    {
        var now = time.GetUtcNow();
        if (_used.Count > 1000)
        {
            foreach (var (old, at) in _used)
            {
                if (now - at > TimeSpan.FromDays(1))
                {
                    _used.TryRemove(old, out _);
                }
            }
        }

        return _used.TryAdd(stamp, now);
    }

    private bool StampIsOld(string? stamp)
    {
        if (string.IsNullOrEmpty(stamp))
        {
            return false;
        }

        try
        {
            var served = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(_protector.Unprotect(stamp), CultureInfo.InvariantCulture));
            var elapsed = time.GetUtcNow() - served;
            return elapsed >= TimeSpan.FromSeconds(options.Value.MinFillSeconds) && elapsed <= TimeSpan.FromDays(1);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    /// <summary>A random code of the given length from digits and upper-case letters without the
    /// ones people confuse (0/O, 1/I).</summary>
    public static string RandomCode(int length) => RandomNumberGenerator.GetString("23456789ABCDEFGHJKLMNPQRSTUVWXYZ", length);

    public static void AddRateLimit(IServiceCollection services) =>
        services.AddRateLimiter(o =>
        {
            TooManyRequests.Configure(o);
            // Only posts count: reading the form is free. Behind no proxy (or in tests) the address
            // may be missing; those requests share one partition.
            o.AddPolicy(RateLimitPolicy, context =>
            {
                if (!HttpMethods.IsPost(context.Request.Method))
                {
                    return RateLimitPartition.GetNoLimiter("read");
                }

                var settings = context.RequestServices.GetRequiredService<IOptions<PublicFormOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "local", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = settings.PermitLimit,
                    Window = TimeSpan.FromMinutes(settings.WindowMinutes),
                    QueueLimit = 0,
                });
            });
        });

    [GeneratedRegex(@"https?://|www\.|<\s*[a-zA-Z!/?]|&#|javascript:", RegexOptions.IgnoreCase)]
    private static partial Regex MarkupOrLink();
}
