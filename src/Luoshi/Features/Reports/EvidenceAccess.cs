using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Reports;

/// <summary>An evidence file to serve; <see cref="Content"/> is null when its bytes no longer match (<see cref="Problem"/>).</summary>
internal sealed record OpenedEvidence(Evidence Evidence, Stream? Content, string? Problem);

/// <summary>Who may open an evidence file: whoever may see the task of its report or sheet reply, or its uploader
/// while it is not attached yet. A file whose bytes no longer match its SHA-256 is not served.</summary>
internal sealed class EvidenceAccess(LuoshiDb db, EvidenceFiles files, IEvidenceStore store, ILogger<EvidenceAccess> log)
{
    public const string Altered = "佐证材料已被改动";

    public async Task<OpenedEvidence?> OpenAsync(Viewer viewer, long id, CancellationToken ct)
    {
        var evidence = await db.Evidence.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id && e.UnitId == viewer.UnitId, ct);
        if (evidence is null)
        {
            return null;
        }

        var allowed = evidence switch
        {
            { ReportId: { } reportId } => await db.Reports.Where(r => r.Id == reportId).Join(db.Tasks.VisibleTo(viewer), r => r.TaskId, t => t.Id, (r, t) => t.Id).AnyAsync(ct),
            { ReplyId: { } replyId } => await db.SheetReplies.Where(r => r.Id == replyId).Join(db.Tasks.VisibleTo(viewer), r => r.TaskId, t => t.Id, (r, t) => t.Id).AnyAsync(ct),
            _ => evidence.UploadedById == viewer.PersonId,
        };
        if (!allowed)
        {
            return null;
        }

        // Hashed before serving: once the response has started, a mismatch could no longer be refused.
        if (await EvidenceIntegrity.ProblemAsync(store, evidence, ct) is { } problem)
        {
            log.LogError("Evidence {Id} of unit {Unit} not served: {Problem}", evidence.Id, evidence.UnitId, problem);
            return new OpenedEvidence(evidence, null, problem);
        }

        return new OpenedEvidence(evidence, files.Open(evidence), null);
    }
}
