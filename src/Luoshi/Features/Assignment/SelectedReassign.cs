using Luoshi.Data;
using Luoshi.Features.Calendar;
using Luoshi.Features.Organisation;
using Luoshi.Features.Plans;
using Luoshi.Features.Shared;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Assignment;

/// <summary>One task's answer in a 批量改派 of ticked tasks: moved, or refused and why.</summary>
internal sealed record SelectedLine(int TaskId, bool Moved, string? Refusal);

internal sealed record SelectedResult(IReadOnlyList<SelectedLine> Lines, string ToText)
{
    public int Moved => Lines.Count(l => l.Moved);
}

/// <summary>
/// 批量改派 of the tasks ticked on the task list to one section (and person). Each task moves through
/// <see cref="Reassigner"/>, the same step as a single 改派 and the person/section bulk 改派 (new 交办,
/// light, history, record, notices); all of them in one transaction with the rows locked first.
/// Finished tasks and tasks already with the destination are refused and listed, not moved.
/// </summary>
internal sealed class SelectedReassign(LuoshiDb db, Reassigner reassigner, PlanCache plans, WorkingCalendars calendars)
{
    public const int MaxTasks = 200;

    public async Task<Outcome<SelectedResult>> MoveAsync(Viewer viewer, IReadOnlyCollection<int> taskIds, int? toSectionId, int? toPersonId, string? reason, CancellationToken ct)
    {
        if (!viewer.IsAdmin)
        {
            return Outcome<SelectedResult>.Forbidden("批量改派由办公室办理");
        }

        var roster = await Roster.LoadAsync(db, viewer.UnitId, ct);
        var problems = new FieldErrors();
        var ids = taskIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            problems.Add("Ids", "请先勾选要改派的任务");
        }
        else if (ids.Count > MaxTasks)
        {
            problems.Add("Ids", $"一次最多改派{MaxTasks}项任务");
        }

        Destination? to = null;
        if (toSectionId is not { } section)
        {
            problems.Add("ToSectionId", "请选择接手的牵头科室");
        }
        else
        {
            to = new Destination(section, toPersonId);
            if (roster.Refuse(to) is { } refusal)
            {
                problems.Add(toPersonId is null ? "ToSectionId" : "ToPersonId", refusal);
            }
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > Reassignment.MaxReason)
        {
            problems.Add("Reason", $"请写明改派理由（不超过{Reassignment.MaxReason}字）");
        }

        if (problems.Any)
        {
            return Outcome<SelectedResult>.Invalid(problems.ToDictionary());
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Rows locked before they are read, so that an edit or another 改派 cannot slip in between.
        foreach (var id in ids)
        {
            await db.Database.ExecuteSqlAsync($"UPDATE \"Tasks\" SET \"Version\" = \"Version\" WHERE \"UnitId\" = {viewer.UnitId} AND \"Id\" = {id}", ct);
        }

        var tasks = await db.Tasks.Where(t => t.UnitId == viewer.UnitId && ids.Contains(t.Id)).Include(t => t.Milestones).ToDictionaryAsync(t => t.Id, ct);
        var calendar = await calendars.ForUnitAsync(db, viewer.UnitId, ct);
        var lines = new List<SelectedLine>();
        foreach (var id in ids)
        {
            if (!tasks.TryGetValue(id, out var task))
            {
                lines.Add(new SelectedLine(id, false, "未找到该任务"));
            }
            else if (task.CompletedOn is not null)
            {
                lines.Add(new SelectedLine(id, false, "任务已办结，不再改派"));
            }
            else if (task.LeadSectionId == to!.SectionId && task.ResponsiblePersonId == (to.PersonId ?? task.ResponsiblePersonId))
            {
                lines.Add(new SelectedLine(id, false, "任务已由该科室（责任人）牵头"));
            }
            else
            {
                var plan = await plans.GetAsync(db, task.PlanId, ct);
                await reassigner.MoveAsync(viewer, task, plan, calendar, roster, to, $"批量改派：{reason!.Trim()}", null, null, ct);
                lines.Add(new SelectedLine(id, true, null));
            }
        }

        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException e) when (TaskRowLock.LostRace(e))
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return Outcome<SelectedResult>.Conflict("任务刚由他人修改，请刷新后重试");
        }

        var toText = $"{roster.Section(to!.SectionId)}{(to.PersonId is { } p ? $"，责任人{roster.Person(p)}" : "")}";
        return Outcome<SelectedResult>.Ok(new SelectedResult(lines, toText));
    }
}
