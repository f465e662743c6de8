using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Luoshi.Features.Supervision;

/// <summary>
/// Where a page of the 督办台账 starts: after (下一页) or before (上一页) a sheet's id, and the page's
/// number for the heading. The register is ordered by id, newest first: a sheet's id is given when it
/// is raised, so id order is raise order, unique and stable, and the (unit, step, id) index serves
/// page 1000 as it serves page 1.
/// </summary>
internal sealed record RegisterCursor(bool Backward, long Id, int Page);

/// <summary>Cursors travel in the query string sealed with the data-protection keys: a cursor that was
/// edited or made up is refused, not read as some position.</summary>
internal sealed class RegisterCursors(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Luoshi.Supervision.RegisterCursor.v1");

    public string Seal(RegisterCursor cursor) =>
        _protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{(cursor.Backward ? 'b' : 'a')}:{cursor.Id}:{cursor.Page}"));

    /// <summary>The cursor, or null when the text is not one this server sealed.</summary>
    public RegisterCursor? Open(string text)
    {
        string plain;
        try
        {
            plain = _protector.Unprotect(text);
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }

        var parts = plain.Split(':');
        return parts.Length == 3 && parts[0] is "a" or "b"
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page >= 1
            ? new RegisterCursor(parts[0] == "b", id, page)
            : null;
    }
}
