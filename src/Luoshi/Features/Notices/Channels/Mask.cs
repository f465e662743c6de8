namespace Luoshi.Features.Notices.Channels;

/// <summary>Credentials as a page may show them: enough to tell two robots apart, not enough to post.</summary>
internal static class Mask
{
    /// <summary>The URL with its token cut to the first six characters.</summary>
    public static string Url(string url)
    {
        var at = url.IndexOf('=', StringComparison.Ordinal);
        return at < 0 ? url : url[..Math.Min(url.Length, at + 7)] + "******";
    }

    public static string? Secret(string? secret) => secret is null ? null : secret[..Math.Min(3, secret.Length)] + "******" + secret[^Math.Min(4, secret.Length)..];
}
