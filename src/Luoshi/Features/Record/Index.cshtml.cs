using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Record;

/// <summary>The office's view of its unit's tamper-evident record: the latest entries, and a check on demand.</summary>
[Authorize(Policy = AdminOnly.Policy)]
internal sealed class RecordModel(LuoshiDb db, CurrentViewer current, BureauClock clock, RecordAnchorer anchorer, IEnumerable<RecordFileCheck> fileChecks,
    IEnumerable<RecordSignatureCheck> signatureChecks, UnitSigner signer) : PageModel
{
    /// <summary>Breaks listed on the page; the command line lists as many.</summary>
    public const int MaxShown = 100;

    public long Length { get; private set; }
    public List<RecordEntry> Latest { get; private set; } = [];
    public Verification? Result { get; private set; }

    /// <summary>The chain end as a short hash to write down; <c>verify --anchor</c> checks it later.</summary>
    public Anchor? Head { get; private set; }

    /// <summary>The unit's SM2 public key (国密), once it has signed anything.</summary>
    public string? PublicKey { get; private set; }

    /// <summary>Whether new entries are hashed with SM3 and signed (<c>Crypto:Guomi</c>).</summary>
    public bool Guomi => signer.Enabled;

    /// <summary>Entries are stored in UTC; the office reads them in the bureau's time.</summary>
    public string Local(DateTime utc) => clock.ToLocal(utc).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task OnPostVerifyAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        Result = await Verifier.VerifyAsync(db, viewer.UnitId, ct, RecordAnchors.Read(anchorer.File), RecordFileChecks.Together(fileChecks), signatureChecks);
        await LoadAsync(ct);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var entries = db.RecordEntries.AsNoTracking().Where(e => e.UnitId == viewer.UnitId);
        Length = await entries.LongCountAsync(ct);
        Latest = await entries.OrderByDescending(e => e.Id).Take(20).ToListAsync(ct);
        Head = await db.RecordHeads.AsNoTracking().Where(h => h.UnitId == viewer.UnitId && h.Seq > 0)
            .Select(h => new Anchor(h.UnitId, h.Seq, h.Hash)).FirstOrDefaultAsync(ct);
        PublicKey = await db.UnitSigningKeys.AsNoTracking().Where(k => k.UnitId == viewer.UnitId).Select(k => k.PublicKey).FirstOrDefaultAsync(ct);
    }
}
