using Luoshi.Data;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Publication;

internal sealed record EditionSummary(int Number, DateOnly PublishedOn, DateTime PublishedAt, string? Note, int Items, int Done, int Behind);

/// <summary>
/// What anyone may read: the published editions of a unit, never the office's draft. Queries name the
/// unit themselves, since the public pages run without a signed-in unit (see <c>Data/CurrentUnit</c>).
/// </summary>
internal static class PublicEditions
{
    public static Task<string?> UnitNameAsync(LuoshiDb db, int unitId, CancellationToken ct) =>
        db.Units.Where(u => u.Id == unitId).Select(u => u.Name).FirstOrDefaultAsync(ct);

    public static Task<List<EditionSummary>> ListAsync(LuoshiDb db, int unitId, CancellationToken ct) =>
        db.PublicEditions.Where(e => e.UnitId == unitId).OrderByDescending(e => e.Number)
            .Select(e => new EditionSummary(e.Number, e.PublishedOn, e.PublishedAt, e.Note, e.Items.Count, e.Items.Count(i => i.Status == PublicStatus.Done), e.Items.Count(i => i.Status == PublicStatus.Behind)))
            .ToListAsync(ct);

    /// <summary>The edition of that number, or the latest when none is given; null when there is none.</summary>
    public static async Task<PublicEdition?> FindAsync(LuoshiDb db, int unitId, int? number, CancellationToken ct)
    {
        var editions = db.PublicEditions.AsNoTracking().Where(e => e.UnitId == unitId);
        var edition = number is { } n
            ? await editions.FirstOrDefaultAsync(e => e.Number == n, ct)
            : await editions.OrderByDescending(e => e.Number).FirstOrDefaultAsync(ct);
        if (edition is not null)
        {
            edition.Items = await db.PublicEditionItems.AsNoTracking().Where(i => i.UnitId == unitId && i.EditionId == edition.Id).OrderBy(i => i.SortOrder).ToListAsync(ct);
        }

        return edition;
    }
}
