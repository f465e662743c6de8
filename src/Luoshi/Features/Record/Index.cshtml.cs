using Luoshi.Data;
using Luoshi.Features.Desk;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Record;

/// <summary>The office's view of its unit's tamper-evident record: the latest entries, a check of what
/// was sealed since the last intact check (in the request), and the full re-check (queued as a job).</summary>
[Authorize(Policy = AdminOnly.Policy)]
internal sealed class RecordModel(LuoshiDb db, CurrentViewer current, BureauClock clock, UnitSigner signer, TimeProvider time) : PageModel
{
    /// <summary>Breaks listed on the page; the command line lists as many.</summary>
    public const int MaxShown = 100;

    public long Length { get; private set; }
    public List<RecordEntry> Latest { get; private set; } = [];
    public Verification? Result { get; private set; }

    /// <summary>Where the check in the request started: the last point found intact (none: the first entry).</summary>
    public RecordCheckpoint? Since { get; private set; }

    /// <summary>The furthest point found intact so far.</summary>
    public RecordCheckpoint? Checkpoint { get; private set; }

    /// <summary>The unit's latest full re-checks.</summary>
    public List<RecordCheck> Checks { get; private set; } = [];

    /// <summary>The chain end as a short hash to write down; <c>verify --anchor</c> checks it later.</summary>
    public Anchor? Head { get; private set; }

    /// <summary>The unit's SM2 public key (国密), once it has signed anything.</summary>
    public string? PublicKey { get; private set; }

    /// <summary>Whether new entries are hashed with SM3 and signed (<c>Crypto:Guomi</c>).</summary>
    public bool Guomi => signer.Enabled;

    /// <summary>Entries are stored in UTC; the office reads them in the bureau's time.</summary>
    public string Local(DateTime utc) => clock.ToLocal(utc).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The same in the page's sentences (the last check, the full checks), as prose writes a moment; the table keeps <see cref="Local"/>.</summary>
    public string Formal(DateTime utc) => DeskDates.Formal(clock.ToLocal(utc));

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task OnPostVerifyAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        Since = await RecordCheckpoints.LatestAsync(db, viewer.UnitId, ct);
        Result = await Verifier.VerifySinceAsync(db, viewer.UnitId, Since?.Point ?? ChainPoint.Start, ct);
        if (Result.Intact && Result.Reached is { } reached)
        {
            RecordCheckpoints.Note(db, viewer.UnitId, reached, viewer.PersonId, time.GetUtcNow().UtcDateTime, full: false);
            await db.SaveChangesAsync(ct);
        }

        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostFullCheckAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var (id, _) = await RecordFullChecks.QueueAsync(db, viewer.UnitId, viewer.PersonId, time.GetUtcNow().UtcDateTime, ct);
        return Redirect($"/Admin/Record/Checks/{id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var entries = db.RecordEntries.AsNoTracking().Where(e => e.UnitId == viewer.UnitId);
        Latest = await entries.OrderByDescending(e => e.Id).Take(20).ToListAsync(ct);
        Head = await db.RecordHeads.AsNoTracking().Where(h => h.UnitId == viewer.UnitId && h.Seq > 0)
            .Select(h => new Anchor(h.UnitId, h.Seq, h.Hash)).FirstOrDefaultAsync(ct);
        // The chain end's number and the few waiting to be sealed, not a count of the whole history: the page stays as fast at ten times the entries.
        Length = (Head?.Seq ?? 0) + await entries.LongCountAsync(e => e.Seq == null, ct);
        Checkpoint = await RecordCheckpoints.LatestAsync(db, viewer.UnitId, ct);
        Checks = await db.Set<RecordCheck>().AsNoTracking().Where(c => c.UnitId == viewer.UnitId).OrderByDescending(c => c.Id).Take(5).ToListAsync(ct);
        PublicKey = await db.UnitSigningKeys.AsNoTracking().Where(k => k.UnitId == viewer.UnitId).Select(k => k.PublicKey).FirstOrDefaultAsync(ct);
    }
}
