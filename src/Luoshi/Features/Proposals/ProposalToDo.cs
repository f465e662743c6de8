using Luoshi.Data;
using Luoshi.Features.Desk;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Proposals;

/// <summary>待答复建议提案: proposals the viewer's section leads that wait for a reply (stage 办理,
/// also after 不满意); for a staff member those he or she handles and those with nobody named.</summary>
internal sealed class ProposalReplyToDo(LuoshiDb db, BureauClock clock) : IToDoSource
{
    public string Heading => "待答复建议提案";

    public int Order => 42;

    public Task<int> CountAsync(Viewer viewer, CancellationToken ct) => Waiting(viewer).CountAsync(ct);

    public async Task<IReadOnlyList<ToDoItem>> ListAsync(Viewer viewer, int take, CancellationToken ct) =>
        await ProposalItems.ListAsync(Waiting(viewer), db, clock.Today, "答复时限", take, ct);

    private IQueryable<WorkTask> Waiting(Viewer viewer)
    {
        // One query for everyone; only members of a section get rows.
        var member = viewer.Role is Role.Staff or Role.SectionHead && viewer.SectionId is not null;
        var (section, me, staff) = (viewer.SectionId ?? 0, viewer.PersonId, viewer.Role == Role.Staff);
        return db.Tasks.Where(t => member && t.UnitId == viewer.UnitId && t.Kind == WorkKind.Proposal && t.Stage == ProposalStages.Handling && t.LeadSectionId == section
            && (!staff || t.ResponsiblePersonId == me || t.ResponsiblePersonId == null));
    }
}

/// <summary>待录入满意度: replied proposals whose proposer's satisfaction the office has yet to record.</summary>
internal sealed class ProposalSatisfactionToDo(LuoshiDb db, BureauClock clock) : IToDoSource
{
    public string Heading => "待录入满意度";

    public int Order => 43;

    public Task<int> CountAsync(Viewer viewer, CancellationToken ct) => Waiting(viewer).CountAsync(ct);

    public async Task<IReadOnlyList<ToDoItem>> ListAsync(Viewer viewer, int take, CancellationToken ct) =>
        await ProposalItems.ListAsync(Waiting(viewer), db, clock.Today, "已答复，请征询意见", take, ct);

    private IQueryable<WorkTask> Waiting(Viewer viewer)
    {
        var office = viewer.IsAdmin;
        return db.Tasks.Where(t => office && t.UnitId == viewer.UnitId && t.Kind == WorkKind.Proposal && t.Stage == ProposalStages.Replied);
    }
}

/// <summary>待提交协办意见: opinions other units asked of this unit, not yet submitted (its office).</summary>
internal sealed class ProposalOpinionToDo(LuoshiDb db, BureauClock clock) : IToDoSource
{
    public string Heading => "待提交协办意见";

    public int Order => 44;

    public Task<int> CountAsync(Viewer viewer, CancellationToken ct) => Waiting(viewer).CountAsync(ct);

    public async Task<IReadOnlyList<ToDoItem>> ListAsync(Viewer viewer, int take, CancellationToken ct)
    {
        var today = clock.Today;
        var rows = await Waiting(viewer).OrderBy(o => o.DueOn).ThenBy(o => o.Id).Take(take)
            .Select(o => new { o.Id, o.Title, o.Number, o.LeadUnitName, o.DueOn }).ToListAsync(ct);
        return [.. rows.Select(o => new ToDoItem(o.Title, $"/Proposals/Opinions/{o.Id}", $"{o.LeadUnitName}主办 · {o.Number} · 请提交协办意见", o.DueOn, o.DueOn < today))];
    }

    private IQueryable<ProposalOpinion> Waiting(Viewer viewer)
    {
        var office = viewer.IsAdmin;
        return db.ProposalOpinions.Where(o => office && o.UnitId == viewer.UnitId && o.SubmittedOn == null);
    }
}

internal static class ProposalItems
{
    public static async Task<IReadOnlyList<ToDoItem>> ListAsync(IQueryable<WorkTask> tasks, LuoshiDb db, DateOnly today, string what, int take, CancellationToken ct)
    {
        var rows = await tasks.OrderBy(t => t.DueBy).ThenBy(t => t.Id)
            .Join(db.Proposals, t => t.Id, p => p.TaskId, (t, p) => new { t.Id, t.Title, t.DueDate, t.DueBy, p.Type, p.Number, p.ProposerName })
            .Take(take).ToListAsync(ct);
        return [.. rows.Select(r => new ToDoItem(r.Title, $"/Proposals/{r.Id}", $"{r.Type.Chinese()} {r.Number} · {r.ProposerName} · {what}", r.DueDate, r.DueBy < today))];
    }
}
