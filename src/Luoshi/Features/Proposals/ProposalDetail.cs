using Luoshi.Data;
using Luoshi.Features.Lights;
using Luoshi.Features.Organisation;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Proposals;

internal sealed record ReplyDto(int Round, string Text, DateOnly RepliedOn, string ResultClass, string Signer, IReadOnlyList<string> DeliveredTo, string? FileName,
    string? Satisfaction, string? SatisfactionNote, DateOnly? SatisfactionOn);

/// <summary>A proposal as the 主办 unit sees it: the registration, the clock, the co-handlers' opinions
/// and the replies with the satisfaction recorded on each.</summary>
internal sealed record ProposalDto(
    int Id, string Type, string Number, string Title, string Content, string ProposerName, string? ProposerGroup, string? ProposerPhone, IReadOnlyList<string> CoSigners,
    DateOnly AssignedOn, DateOnly ReplyDue, DateOnly? OpinionDue, int ExtensionMonths, string? ExtensionReason, string? Stage, DateOnly DueDate, Light Light,
    string LeadSection, DateOnly? ReopenedOn, DateOnly? ClosedOn, IReadOnlyList<CoHandlerOpinion> Opinions, IReadOnlyList<ReplyDto> Replies);

internal static class ProposalDetail
{
    /// <summary>The proposal if the viewer may see its task (the task rules: the office, the lead
    /// section, its leader); null otherwise, and always for another unit.</summary>
    public static async Task<ProposalDto?> LoadAsync(LuoshiDb db, ProposalOpinions opinions, Viewer viewer, int id, CancellationToken ct)
    {
        var found = await (from p in db.Proposals
                           join t in db.Tasks.VisibleTo(viewer) on p.TaskId equals t.Id
                           join s in db.Sections on t.LeadSectionId equals s.Id
                           where p.TaskId == id && p.UnitId == viewer.UnitId
                           select new { p, t.Title, t.Stage, t.DueDate, t.Light, Section = s.Name }).AsNoTracking().FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return null;
        }

        var replies = await db.ProposalReplies.AsNoTracking().Where(r => r.TaskId == id).OrderBy(r => r.Round).ToListAsync(ct);
        var d = found.p;
        return new ProposalDto(d.TaskId, d.Type.Chinese(), d.Number, found.Title, d.Content, d.ProposerName, d.ProposerGroup, d.ProposerPhone, d.CoSignerNames,
            d.AssignedOn, d.ReplyDue, d.OpinionDue, d.ExtensionMonths, d.ExtensionReason, found.Stage, found.DueDate, found.Light, found.Section, d.ReopenedOn, d.ClosedOn,
            await opinions.OfProposalAsync(viewer.UnitId, id, ct),
            [.. replies.Select(r => new ReplyDto(r.Round, r.Text, r.RepliedOn, r.ResultClass, r.Signer, ProposalNames.Split(r.DeliveredTo), r.File.FileName,
                r.Satisfaction, r.SatisfactionNote, r.SatisfactionOn))]);
    }

    /// <summary>A reply's file for a viewer who may see the proposal: the reply row and the bytes, null bytes when altered.</summary>
    public static async Task<(ProposalFile File, byte[]? Bytes)?> OpenAsync(LuoshiDb db, ProposalFiles files, Viewer viewer, int id, int round, CancellationToken ct)
    {
        var file = await (from r in db.ProposalReplies
                          join t in db.Tasks.VisibleTo(viewer) on r.TaskId equals t.Id
                          where r.TaskId == id && r.Round == round && r.UnitId == viewer.UnitId
                          select r.File).AsNoTracking().FirstOrDefaultAsync(ct);
        return file is { Exists: true } ? (file, await files.ReadStoredAsync(file, ct)) : null;
    }
}
