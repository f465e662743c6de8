using System.Security.Cryptography;
using System.Text;
using Luoshi.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Notices.Channels;

/// <summary>
/// A robot's URL (which carries its token) and signing secret are stored protected with the app's
/// data-protection keys, so a copy of the database alone cannot post to the bureau's groups. They are
/// read in the clear only to send. A stored value is known as protected by its prefix; rows written
/// before are converted at start (<see cref="ProtectStoredAsync"/>).
/// </summary>
internal sealed class RobotSecrets(IDataProtectionProvider provider)
{
    public const string Prefix = "dp1:";

    private readonly IDataProtector _protector = provider.CreateProtector("Luoshi.Channels");

    public string Protect(string plain) => Prefix + _protector.Protect(plain);

    public string Reveal(string stored) => IsProtected(stored) ? _protector.Unprotect(stored[Prefix.Length..]) : stored;

    public static bool IsProtected(string stored) => stored.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>What makes the same robot recognisable though its protected URL differs on every write.</summary>
    public static string Key(string normalUrl) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalUrl)));

    /// <summary>Protects the rows stored in plain text (before this was done); returns how many.</summary>
    public async Task<int> ProtectStoredAsync(LuoshiDb db, CancellationToken ct = default)
    {
        var plain = await db.RobotWebhooks
            .Where(r => !r.Url.StartsWith(Prefix) || (r.Secret != null && !r.Secret.StartsWith(Prefix)) || r.UrlKey == null)
            .ToListAsync(ct);
        foreach (var robot in plain)
        {
            var url = Reveal(robot.Url);
            robot.UrlKey = Key(url);
            robot.Url = IsProtected(robot.Url) ? robot.Url : Protect(url);
            robot.Secret = robot.Secret is null || IsProtected(robot.Secret) ? robot.Secret : Protect(robot.Secret);
        }

        await db.SaveChangesAsync(ct);
        return plain.Count;
    }
}
