using System.Collections.Concurrent;

namespace Luoshi.Features.Account;

/// <summary>
/// Authenticator codes already used to sign in. Identity accepts a code for about 90 seconds either
/// side of its step and does not remember it, so a code seen over someone's shoulder would sign in
/// again; here each code signs a login in once. Kept in memory (one app instance), for longer than
/// Identity's window.
/// </summary>
internal sealed class UsedCodes(TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(4);

    private readonly ConcurrentDictionary<(int UserId, string Code), DateTimeOffset> _used = new();

    /// <summary>True the first time the login's code is used within the window; false after.</summary>
    public bool TryUse(int userId, string code)
    {
        var now = time.GetUtcNow();
        foreach (var old in _used.Where(e => now - e.Value > Window))
        {
            _used.TryRemove(old);
        }

        return _used.TryAdd((userId, code), now);
    }
}
