using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Reports;

/// <summary>Who may open an evidence file: whoever may see the task of its report, or its uploader
/// while it is not attached yet.</summary>
internal sealed class EvidenceAccess(LuoshiDb db, EvidenceFiles files)
{
    public async Task<(Evidence Evidence, Stream Content)?> OpenAsync(Viewer viewer, long id, CancellationToken ct)
    {
        var evidence = await db.Evidence.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id && e.UnitId == viewer.UnitId, ct);
        if (evidence is null)
        {
            return null;
        }

        var allowed = evidence.ReportId is { } reportId
            ? await db.Reports.Where(r => r.Id == reportId).Join(db.Tasks.VisibleTo(viewer), r => r.TaskId, t => t.Id, (r, t) => t.Id).AnyAsync(ct)
            : evidence.UploadedById == viewer.PersonId;
        return allowed ? (evidence, files.Open(evidence)) : null;
    }
}
