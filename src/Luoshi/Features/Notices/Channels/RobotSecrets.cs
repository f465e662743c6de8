using System.Security.Cryptography;
using System.Text;
using Luoshi.Data;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Notices.Channels;

/// <summary>
/// A robot's URL (which carries its token) and signing secret are stored encrypted by the
/// <see cref="SecretBox"/> (SM4 with 国密 on, else the data-protection keys), so a copy of the database
/// alone cannot post to the bureau's groups. They are read in the clear only to send. Rows stored in
/// plain text before, or under the other setting, are converted at start (<see cref="ProtectStoredAsync"/>).
/// </summary>
internal sealed class RobotSecrets(SecretBox box)
{
    /// <summary>The data-protection purpose the robots have always used, so their old values still open.</summary>
    private const string Purpose = "Luoshi.Channels";

    public string Protect(string plain) => box.Protect(Purpose, plain);

    public string Reveal(string stored) => IsProtected(stored) ? box.Unprotect(Purpose, stored) : stored;

    public static bool IsProtected(string stored) => SecretBox.IsProtected(stored);

    /// <summary>What makes the same robot recognisable though its protected URL differs on every write.</summary>
    public static string Key(string normalUrl) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalUrl)));

    /// <summary>Protects the rows stored in plain text (before this was done) or under the other setting;
    /// returns how many.</summary>
    public async Task<int> ProtectStoredAsync(LuoshiDb db, CancellationToken ct = default)
    {
        var prefix = box.CurrentPrefix;
        var stale = await db.RobotWebhooks
            .Where(r => !r.Url.StartsWith(prefix) || (r.Secret != null && !r.Secret.StartsWith(prefix)) || r.UrlKey == null)
            .ToListAsync(ct);
        foreach (var robot in stale)
        {
            var url = Reveal(robot.Url);
            robot.UrlKey = Key(url);
            robot.Url = box.IsCurrent(robot.Url) ? robot.Url : Protect(url);
            robot.Secret = robot.Secret is null || box.IsCurrent(robot.Secret) ? robot.Secret : Protect(Reveal(robot.Secret));
        }

        await db.SaveChangesAsync(ct);
        return stale.Count;
    }
}
