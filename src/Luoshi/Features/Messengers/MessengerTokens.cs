using System.Collections.Concurrent;

namespace Luoshi.Features.Messengers;

/// <summary>
/// The apps' access tokens, kept until shortly before they expire (both APIs give 7200 s and ask
/// callers to cache rather than fetch one per call: fetching is rate limited). Per app instance: a
/// second instance fetches its own, which both APIs allow (a new token does not end the old one early).
/// </summary>
internal sealed class MessengerTokens(TimeProvider time)
{
    /// <summary>Renewed this long before the stated expiry, so a call never goes out with a token about to lapse.</summary>
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, (string Token, DateTimeOffset Until)> _tokens = new();

    public async Task<string> GetAsync(MessengerAccess access, Func<Task<(string Token, int ExpiresIn)>> fetch)
    {
        var now = time.GetUtcNow();
        if (_tokens.TryGetValue(access.CacheKey, out var held) && held.Until > now)
        {
            return held.Token;
        }

        var (token, expiresIn) = await fetch();
        _tokens[access.CacheKey] = (token, now + TimeSpan.FromSeconds(Math.Max(expiresIn, 60)) - Margin);
        return token;
    }

    /// <summary>The API said the token is expired or invalid: the next call fetches a new one (unless
    /// another call already did).</summary>
    public void Forget(MessengerAccess access, string token)
    {
        if (_tokens.TryGetValue(access.CacheKey, out var held) && held.Token == token)
        {
            _tokens.TryRemove(KeyValuePair.Create(access.CacheKey, held));
        }
    }
}
