using Luoshi.Data;
using Luoshi.Features.Lights;
using Luoshi.Features.Notices;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Proposals;

/// <summary>A co-handler's opinion as the 主办 sees it on the proposal, and as the co-handler sees its request.</summary>
internal sealed record OpinionRow(long Id, string LeadUnit, string Type, string Number, string Title, string Content, DateOnly DueOn, string? Text, string? Signer, DateOnly? SubmittedOn, bool Late);

internal sealed record CoHandlerOpinion(string Unit, DateOnly? DueOn, string? Text, string? Signer, DateOnly? SubmittedOn);

/// <summary>
/// 协办意见 across units. A co-handling unit's office reads and answers the requests kept in its own
/// unit (the ordinary filter); the 主办 reads the opinions on its proposal with one narrow query
/// across units, by the co-handlers it asked and its own unit and task.
/// </summary>
internal sealed class ProposalOpinions(LuoshiDb db, TaskLights lights, BureauClock clock, PersonNotices notices)
{
    /// <summary>The requests of the viewer's unit (its office only; others see none).</summary>
    public IQueryable<OpinionRow> Requests(Viewer viewer, long? id = null)
    {
        var office = viewer.IsAdmin;
        var today = clock.Today;
        return db.ProposalOpinions.Where(o => office && o.UnitId == viewer.UnitId && (id == null || o.Id == id))
            .OrderBy(o => o.SubmittedOn != null).ThenBy(o => o.DueOn).ThenBy(o => o.Id)
            .Select(o => new OpinionRow(o.Id, o.LeadUnitName, o.Type == ProposalType.Deputy ? ProposalTypes.Deputy : ProposalTypes.Member, o.Number, o.Title, o.Content, o.DueOn,
                o.Text, o.Signer, o.SubmittedOn, o.SubmittedOn == null ? o.DueOn < today : o.SubmittedOn > o.DueOn));
    }

    /// <summary>The opinions asked for on one proposal of the viewer's unit, for a viewer who may see it.</summary>
    public async Task<List<CoHandlerOpinion>> OfProposalAsync(int unitId, int taskId, CancellationToken ct) =>
        [.. (await ByUnitAsync(unitId, taskId, ct)).Select(x => x.Opinion)];

    /// <summary>The same with each co-handler's unit id, which stays inside (an answer names units, not their ids).</summary>
    private async Task<List<(int CoUnitId, CoHandlerOpinion Opinion)>> ByUnitAsync(int unitId, int taskId, CancellationToken ct)
    {
        var asked = await db.ProposalCoHandlers.Where(c => c.UnitId == unitId && c.TaskId == taskId).OrderBy(c => c.Id).Select(c => new { c.CoUnitId, c.CoUnitName }).ToListAsync(ct);
        var ids = asked.Select(a => a.CoUnitId).ToList();
        var opinions = await db.ProposalOpinions.IgnoreQueryFilters([UnitKeys.FilterName]).AsNoTracking()
            .Where(o => ids.Contains(o.UnitId) && o.LeadUnitId == unitId && o.LeadTaskId == taskId)
            .Select(o => new { o.UnitId, o.DueOn, o.Text, o.Signer, o.SubmittedOn }).ToListAsync(ct);
        return [.. asked.Select(a => (a.CoUnitId, opinions.FirstOrDefault(o => o.UnitId == a.CoUnitId) is { } o
            ? new CoHandlerOpinion(a.CoUnitName, o.DueOn, o.Text, o.Signer, o.SubmittedOn)
            : new CoHandlerOpinion(a.CoUnitName, null, null, null, null)))];
    }

    /// <summary>The co-handler's office submits its opinion once. When the last co-handler has answered,
    /// the 主办's milestone 协办意见 is done; the 主办 office is told of each opinion.</summary>
    public async Task<Outcome<ProposalOpinion>> SubmitAsync(Viewer viewer, long id, OpinionInput input, CancellationToken ct = default)
    {
        var opinion = await db.ProposalOpinions.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id && o.UnitId == viewer.UnitId, ct);
        if (opinion is null || !viewer.IsAdmin)
        {
            // The requests are the office's business: to anyone else of the unit they do not exist.
            return Outcome<ProposalOpinion>.NotFound();
        }

        if (opinion.SubmittedOn is not null)
        {
            return Outcome<ProposalOpinion>.Conflict("协办意见已经提交，不能重复提交");
        }

        var problems = Bounds.Check(input);
        if (problems.Any)
        {
            return Outcome<ProposalOpinion>.Invalid(problems.ToDictionary());
        }

        var today = clock.Today;
        var (text, signer) = (input.Text!.Trim(), input.Signer!.Trim());
        // The 主办's task is changed too (its milestone, its light): its row lock makes this wait for a reply being saved.
        await using var transaction = await TaskRowLock.BeginAsync(db, opinion.LeadUnitId, opinion.LeadTaskId, ct);
        // Saved only while unsubmitted: of two submissions at once, one is kept.
        var saved = await db.ProposalOpinions.Where(o => o.Id == id && o.UnitId == viewer.UnitId && o.SubmittedOn == null)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Text, text).SetProperty(o => o.Signer, signer).SetProperty(o => o.SubmittedOn, today)
                .SetProperty(o => o.SubmittedById, viewer.PersonId), ct);
        if (saved == 0)
        {
            return Outcome<ProposalOpinion>.Conflict("协办意见已经提交，不能重复提交");
        }

        var unitName = await db.Units.Where(u => u.Id == viewer.UnitId).Select(u => u.Name).FirstAsync(ct);
        await OtherUnits.AsAsync(db, opinion.LeadUnitId, () => TellLeadUnitAsync(opinion, unitName, today, ct));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        (opinion.Text, opinion.Signer, opinion.SubmittedOn, opinion.SubmittedById) = (text, signer, today, viewer.PersonId);
        return Outcome<ProposalOpinion>.Ok(opinion);
    }

    /// <summary>Run as the 主办 unit: its office's notice, the history line and, with the last opinion,
    /// the milestone 协办意见 done and the light recomputed.</summary>
    private async Task<bool> TellLeadUnitAsync(ProposalOpinion opinion, string unitName, DateOnly today, CancellationToken ct)
    {
        var task = await db.Tasks.Include(t => t.Milestones).FirstOrDefaultAsync(t => t.Id == opinion.LeadTaskId && t.UnitId == opinion.LeadUnitId, ct);
        if (task is null)
        {
            return false;
        }

        var pending = (await ByUnitAsync(opinion.LeadUnitId, opinion.LeadTaskId, ct)).Count(x => x.Opinion.SubmittedOn is null && x.CoUnitId != opinion.UnitId);
        if (pending == 0)
        {
            foreach (var m in task.Milestones.Where(m => m.Title == ProposalStages.OpinionMilestone && m.CompletedOn is null))
            {
                m.CompletedOn = today;
                m.CompletionNote = "各协办单位均已提交协办意见";
            }

            await lights.RecomputeAsync(task, ct);
        }

        db.TaskEvents.Add(new TaskEvent
        {
            UnitId = task.UnitId, TaskId = task.Id, At = clock.UtcNow, Kind = "proposal",
            Summary = $"{unitName}提交协办意见" + (pending == 0 ? "（协办意见已齐）" : $"（尚有{pending}家未提交）"),
        });
        await notices.AddAsync(opinion.LeadUnitId, await notices.OfficeAsync(opinion.LeadUnitId, ct), NoticeKind.ProposalOpinionSubmitted, task.Id, $"协办意见：{task.Title}",
            $"{unitName}已提交{opinion.Number}的协办意见。", clock.UtcNow, ct);
        return true;
    }
}
