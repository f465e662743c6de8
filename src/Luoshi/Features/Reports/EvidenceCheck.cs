using Luoshi.Data;
using Luoshi.Features.Record;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Reports;

/// <summary>Verify's look at the evidence files: each stored file is hashed and compared with the
/// SHA-256 taken at upload (which a report's entry also holds). Reads every file, so the command can
/// skip it with <c>--no-files</c> on a large store.</summary>
internal static class EvidenceCheck
{
    /// <summary>The check <see cref="Verifier.VerifyAsync"/> runs after the chains.</summary>
    public static RecordFileCheck For(IEvidenceStore store) => (db, onlyUnit, broken, ct) => CheckAsync(db, store, onlyUnit, broken, ct);

    public static async Task CheckAsync(LuoshiDb db, IEvidenceStore store, int? onlyUnit, List<BrokenEntry> broken, CancellationToken ct)
    {
        var lastId = 0L;
        while (true)
        {
            // In pages, so a large store is not held in memory at once.
            var page = await db.Evidence.AsNoTracking().Where(e => e.Id > lastId && (onlyUnit == null || e.UnitId == onlyUnit))
                .OrderBy(e => e.Id).Take(500).ToListAsync(ct);
            if (page.Count == 0)
            {
                return;
            }

            foreach (var evidence in page)
            {
                if (await EvidenceIntegrity.ProblemAsync(store, evidence, ct) is { } problem)
                {
                    broken.Add(new BrokenEntry(evidence.UnitId, null, "evidence", $"evidence:{evidence.Id}", $"{evidence.FileName}：{problem}"));
                }
            }

            lastId = page[^1].Id;
        }
    }
}
