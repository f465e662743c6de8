using System.Security.Cryptography;
using System.Text;
using Luoshi.Data;
using Luoshi.Features.Calendar;
using Luoshi.Features.Organisation;
using Luoshi.Features.Plans;
using Luoshi.Features.Shared;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Assignment;

/// <summary>The tasks ticked on the task list and where they go; <see cref="BatchKey"/> and
/// <see cref="Fingerprint"/> come from the preview and travel with the confirm.</summary>
internal sealed record SelectedInput(IReadOnlyCollection<int> Ids, int? ToSectionId, int? ToPersonId, string? Reason, Guid? BatchKey = null, string? Fingerprint = null);

/// <summary>One ticked task: what it is, whose it is now, and whether it moves or why not.</summary>
internal sealed record SelectedLine(int TaskId, string Name, string FromText, bool Moves, string? Refusal);

/// <summary>What a 批量改派 of ticked tasks moves (preview) or moved (done). The fingerprint names the
/// moving set as previewed (each task and whose it was), so that the confirm moves that set or nothing.</summary>
internal sealed record SelectedResult(IReadOnlyList<SelectedLine> Lines, string ToText, string Fingerprint, bool Done, bool Repeated)
{
    public int Moving => Lines.Count(l => l.Moves);
}

/// <summary>
/// 批量改派 of the tasks ticked on the task list to one section (and person): first a preview of
/// which tasks move from whom, and which are left and why; then the confirm moves exactly the
/// previewed set through <see cref="Reassigner"/> (new 交办, light, history, record, notices), all in
/// one transaction with the rows locked first. A set that changed since the preview is shown again;
/// the same confirm sent twice moves the tasks once (its batch key is unique per task).
/// </summary>
internal sealed class SelectedReassign(LuoshiDb db, Reassigner reassigner, PlanCache plans, WorkingCalendars calendars)
{
    public const int MaxTasks = 200;

    public async Task<Outcome<SelectedResult>> PreviewAsync(Viewer viewer, SelectedInput input, CancellationToken ct)
    {
        if (!viewer.IsAdmin)
        {
            return Outcome<SelectedResult>.Forbidden("批量改派由办公室办理");
        }

        var roster = await Roster.LoadAsync(db, viewer.UnitId, ct);
        if (Check(input, roster) is { } refused)
        {
            return refused;
        }

        var ids = input.Ids.Distinct().ToList();
        var tasks = await db.Tasks.VisibleTo(viewer).AsNoTracking().Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        return Outcome<SelectedResult>.Ok(Describe(ids, tasks, input, roster, done: false, repeated: false));
    }

    public async Task<Outcome<SelectedResult>> ApplyAsync(Viewer viewer, SelectedInput input, CancellationToken ct)
    {
        if (!viewer.IsAdmin)
        {
            return Outcome<SelectedResult>.Forbidden("批量改派由办公室办理");
        }

        var roster = await Roster.LoadAsync(db, viewer.UnitId, ct);
        if (Check(input, roster) is { } refused)
        {
            return refused;
        }

        if (input.BatchKey is not { } key || string.IsNullOrEmpty(input.Fingerprint))
        {
            return Outcome<SelectedResult>.Invalid("Ids", "请先预览要改派的任务，再确认");
        }

        var ids = input.Ids.Distinct().ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The rows first, in one statement and before anything is read: a second confirm of the same
        // batch waits here for the first and then finds it done; no edit slips in between.
        await db.Tasks.Where(t => t.UnitId == viewer.UnitId && ids.Contains(t.Id)).ExecuteUpdateAsync(u => u.SetProperty(t => t.Version, t => t.Version), ct);
        if (await DoneAsync(viewer.UnitId, key, input, roster, ct) is { } earlier)
        {
            return Outcome<SelectedResult>.Ok(earlier);
        }

        var tasks = await db.Tasks.VisibleTo(viewer).Where(t => ids.Contains(t.Id)).Include(t => t.Milestones).ToDictionaryAsync(t => t.Id, ct);
        var now = Describe(ids, tasks, input, roster, done: true, repeated: false);
        if (now.Fingerprint != input.Fingerprint)
        {
            return Outcome<SelectedResult>.Conflict("预览之后任务已有变化（有的已办结、已改派或换了责任人），请核对新的预览后再确认");
        }

        var calendar = await calendars.ForUnitAsync(db, viewer.UnitId, ct);
        foreach (var line in now.Lines.Where(l => l.Moves))
        {
            var task = tasks[line.TaskId];
            await reassigner.MoveAsync(viewer, task, await plans.GetAsync(db, task.PlanId, ct), calendar, roster, DestinationOf(input), $"批量改派：{input.Reason!.Trim()}", null, key, ct);
        }

        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException e) when (TaskRowLock.LostRace(e))
        {
            // The same confirm, pressed twice at once: the other one moved them.
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return await DoneAsync(viewer.UnitId, key, input, roster, ct) is { } other ? Outcome<SelectedResult>.Ok(other) : Outcome<SelectedResult>.Conflict("任务刚由他人修改，请重新预览后确认");
        }

        return Outcome<SelectedResult>.Ok(now);
    }

    /// <summary>What the batch with this key moved, or null when it moved nothing yet.</summary>
    public async Task<SelectedResult?> DoneAsync(int unitId, Guid key, SelectedInput input, Roster roster, CancellationToken ct)
    {
        var moved = await db.Reassignments.AsNoTracking().Where(r => r.UnitId == unitId && r.BatchKey == key)
            .Join(db.Tasks, r => r.TaskId, t => t.Id, (r, t) => new { t.Id, t.Number, t.Title, r.FromSectionId, r.FromPersonId, r.ToSectionId, r.ToPersonId })
            .ToListAsync(ct);
        if (moved.Count == 0)
        {
            return null;
        }

        var lines = moved.OrderBy(m => m.Id).Select(m => new SelectedLine(m.Id, NameOf(m.Number, m.Title), FromText(roster, m.FromSectionId, m.FromPersonId), true, null)).ToList();
        var to = input.ToSectionId is null ? new Destination(moved[0].ToSectionId, moved[0].ToPersonId) : DestinationOf(input);
        return new SelectedResult(lines, ToText(roster, to), "", Done: true, Repeated: true);
    }

    private static SelectedResult Describe(List<int> ids, Dictionary<int, WorkTask> tasks, SelectedInput input, Roster roster, bool done, bool repeated)
    {
        var to = DestinationOf(input);
        var lines = ids.Select(id => tasks.TryGetValue(id, out var t)
            ? new SelectedLine(id, NameOf(t.Number, t.Title), FromText(roster, t.LeadSectionId, t.ResponsiblePersonId), Refusal(t, to) is null, Refusal(t, to))
            : new SelectedLine(id, $"任务（编号 {id}）", "", false, "不在您的办理范围（本单位没有这项任务）")).ToList();
        return new SelectedResult(lines, ToText(roster, to), Fingerprint(lines.Where(l => l.Moves).Select(l => tasks[l.TaskId]), to), done, repeated);
    }

    private static string? Refusal(WorkTask task, Destination to) =>
        task.CompletedOn is not null ? "任务已办结，不再改派"
        : task.LeadSectionId == to.SectionId && task.ResponsiblePersonId == (to.PersonId ?? task.ResponsiblePersonId) ? "任务已由该科室（责任人）牵头"
        : null;

    /// <summary>The moving set as it stands: each task with its lead section and person, and where it goes.</summary>
    private static string Fingerprint(IEnumerable<WorkTask> moving, Destination to)
    {
        var text = string.Join(';', moving.OrderBy(t => t.Id).Select(t => FormattableString.Invariant($"{t.Id}:{t.LeadSectionId}:{t.ResponsiblePersonId}")))
            + FormattableString.Invariant($">{to.SectionId}:{to.PersonId}");
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
    }

    private static Destination DestinationOf(SelectedInput input) => new(input.ToSectionId ?? 0, input.ToPersonId);

    private static string NameOf(string? number, string title) =>
        number is { Length: > 0 } n ? (char.IsAsciiDigit(n[^1]) ? $"{n} {title}" : n + title) : title;

    private static string FromText(Roster roster, int sectionId, int? personId) => $"{roster.Section(sectionId)}，责任人{roster.Person(personId)}";

    private static string ToText(Roster roster, Destination to) => $"{roster.Section(to.SectionId)}{(to.PersonId is { } p ? $"，责任人{roster.Person(p)}" : "")}";

    private static Outcome<SelectedResult>? Check(SelectedInput input, Roster roster)
    {
        var problems = new FieldErrors();
        var count = input.Ids.Distinct().Count();
        if (count == 0)
        {
            problems.Add("Ids", "请先勾选要改派的任务");
        }
        else if (count > MaxTasks)
        {
            problems.Add("Ids", $"一次最多改派{MaxTasks}项任务");
        }

        if (input.ToSectionId is not { } section)
        {
            problems.Add("ToSectionId", "请选择接手的牵头科室");
        }
        else if (roster.Refuse(new Destination(section, input.ToPersonId)) is { } refusal)
        {
            problems.Add(input.ToPersonId is null ? "ToSectionId" : "ToPersonId", refusal);
        }

        if (string.IsNullOrWhiteSpace(input.Reason) || input.Reason.Trim().Length > Reassignment.MaxReason)
        {
            problems.Add("Reason", $"请写明改派理由（不超过{Reassignment.MaxReason}字）");
        }

        return problems.Any ? Outcome<SelectedResult>.Invalid(problems.ToDictionary()) : null;
    }
}
