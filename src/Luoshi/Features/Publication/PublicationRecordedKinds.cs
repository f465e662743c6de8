using System.Globalization;
using Luoshi.Data;
using Luoshi.Features.Record;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Publication;

/// <summary>
/// What the tamper-evident record holds of the public commitments: each published edition with every
/// item as the public read it, so what was promised and reported on a date can always be shown and
/// checked. The canonical content must not change once entries exist. Found by <see cref="RecordedSources"/>.
/// </summary>
internal static class PublicationRecordedKinds
{
    public static readonly RecordedSource Edition = new("public-edition", o => o is PublicEdition e ? e.Id : null, EditionsAsync,
        (db, u, from, ct) => db.PublicEditions.Where(e => e.UnitId == u && e.Id >= from).Select(e => (long)e.Id).ToListAsync(ct));

    private static async Task<Dictionary<long, string>> EditionsAsync(LuoshiDb db, int unitId, List<long> ids, CancellationToken ct)
    {
        var editions = await db.PublicEditions.AsNoTracking().Include(e => e.Items)
            .Where(e => e.UnitId == unitId && ids.Contains((long)e.Id)).ToListAsync(ct);
        return editions.ToDictionary(e => (long)e.Id, e => CanonicalJson.Object(
            ("id", e.Id), ("number", e.Number), ("publishedOn", e.PublishedOn), ("publishedAt", e.PublishedAt), ("publishedBy", e.PublishedById), ("note", e.Note),
            ("items", e.Items.OrderBy(i => i.SortOrder).Select(i => new (string, object?)[]
            {
                ("task", i.TaskId), ("order", i.SortOrder), ("plan", i.PlanTitle), ("area", i.Area), ("title", i.Title), ("narrative", i.Narrative),
                ("progress", i.ProgressPercent), ("status", i.Status), ("dueDate", i.DueDate), ("completedOn", i.CompletedOn),
                ("leadSection", i.LeadSection), ("responsible", i.Responsible), ("problems", i.Problems),
            }).ToList())));
    }
}
