using System.ComponentModel.DataAnnotations;
using Luoshi.Data;
using Luoshi.Features.Calendar;
using Luoshi.Features.Organisation;
using Luoshi.Features.Plans;
using Luoshi.Features.Shared;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Assignment;

/// <summary>
/// A bulk 改派: every open task of a person (as responsible person) or of a section (as lead) goes to
/// another person or section. <see cref="BatchKey"/> comes from the preview and makes the confirm
/// idempotent; <see cref="ExpectedCount"/> is what the preview showed, so that a list that changed
/// meanwhile is shown again rather than moved blind.
/// </summary>
internal sealed class BulkInput
{
    [Display(Name = "原责任人")] public int? FromPersonId { get; set; }
    [Display(Name = "原牵头科室")] public int? FromSectionId { get; set; }
    [Display(Name = "新牵头科室")] public int? ToSectionId { get; set; }
    [Display(Name = "新责任人")] public int? ToPersonId { get; set; }

    [StringLength(Reassignment.MaxReason, ErrorMessage = "理由不超过500字")]
    [Display(Name = "改派理由")]
    public string? Reason { get; set; }

    [Display(Name = "批次")] public Guid? BatchKey { get; set; }

    [Range(0, 100000)]
    [Display(Name = "确认数量")]
    public int? ExpectedCount { get; set; }
}

internal sealed record BulkTask(int Id, string? Number, string Title, int LeadSectionId, int? ResponsiblePersonId, DateOnly DueDate);

/// <summary>What a bulk 改派 moves (preview) or moved (done); <see cref="Repeated"/> when the same
/// confirm came again and nothing more was moved.</summary>
internal sealed record BulkResult(IReadOnlyList<BulkTask> Tasks, string FromText, string ToText, bool Done, bool Repeated);

internal sealed class BulkReassign(LuoshiDb db, Reassigner reassigner, PlanCache plans, WorkingCalendars calendars)
{
    public const int MaxTasks = 2000;

    public async Task<Outcome<BulkResult>> PreviewAsync(Viewer viewer, BulkInput input, CancellationToken ct)
    {
        if (!viewer.IsAdmin)
        {
            return Outcome<BulkResult>.Forbidden("批量改派由办公室办理");
        }

        var roster = await Roster.LoadAsync(db, viewer.UnitId, ct);
        if (Check(input, roster, requireReason: false) is { } refused)
        {
            return refused;
        }

        var tasks = await Matching(viewer.UnitId, input).AsNoTracking().OrderBy(t => t.DueDate).ThenBy(t => t.Id).Take(MaxTasks + 1)
            .Select(t => new BulkTask(t.Id, t.Number, t.Title, t.LeadSectionId, t.ResponsiblePersonId, t.DueDate)).ToListAsync(ct);
        return tasks.Count > MaxTasks
            ? Outcome<BulkResult>.Invalid("FromSectionId", $"一次最多改派{MaxTasks}项任务，请分批办理")
            : Outcome<BulkResult>.Ok(Describe(input, roster, tasks, done: false, repeated: false));
    }

    public async Task<Outcome<BulkResult>> ApplyAsync(Viewer viewer, BulkInput input, CancellationToken ct)
    {
        if (!viewer.IsAdmin)
        {
            return Outcome<BulkResult>.Forbidden("批量改派由办公室办理");
        }

        var roster = await Roster.LoadAsync(db, viewer.UnitId, ct);
        if (Check(input, roster, requireReason: true) is { } refused)
        {
            return refused;
        }

        if (input.BatchKey is not { } key)
        {
            return Outcome<BulkResult>.Invalid("BatchKey", "请先预览要改派的任务，再确认");
        }

        // The tasks' rows first, in one statement and before anything is read, so that a second confirm
        // of the same batch waits for the first and then finds it done, and no edit slips in between
        // the count and the move.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await LockAsync(viewer.UnitId, input, ct);
        if (await DoneAsync(viewer.UnitId, key, input, roster, ct) is { } earlier)
        {
            return Outcome<BulkResult>.Ok(earlier);
        }

        var tasks = await Matching(viewer.UnitId, input).Include(t => t.Milestones).OrderBy(t => t.Id).Take(MaxTasks + 1).ToListAsync(ct);
        if (tasks.Count > MaxTasks)
        {
            return Outcome<BulkResult>.Invalid("FromSectionId", $"一次最多改派{MaxTasks}项任务，请分批办理");
        }

        if (input.ExpectedCount is { } expected && expected != tasks.Count)
        {
            return Outcome<BulkResult>.Conflict($"预览时为{expected}项，现在为{tasks.Count}项：任务已有变化，请重新预览后确认");
        }

        var calendar = await calendars.ForUnitAsync(db, viewer.UnitId, ct);
        var reason = input.Reason!.Trim();
        foreach (var task in tasks)
        {
            var plan = await plans.GetAsync(db, task.PlanId, ct);
            await reassigner.MoveAsync(viewer, task, plan, calendar, roster, DestinationOf(input, roster), $"批量改派：{reason}", null, key, ct);
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
            return await DoneAsync(viewer.UnitId, key, input, roster, ct) is { } other ? Outcome<BulkResult>.Ok(other) : Outcome<BulkResult>.Conflict("任务刚由他人修改，请重新预览后确认");
        }

        return Outcome<BulkResult>.Ok(Describe(input, roster, [.. tasks.Select(t => new BulkTask(t.Id, t.Number, t.Title, t.LeadSectionId, t.ResponsiblePersonId, t.DueDate))], done: true, repeated: false));
    }

    private IQueryable<WorkTask> Matching(int unitId, BulkInput input) =>
        db.Tasks.Where(t => t.UnitId == unitId && t.CompletedOn == null)
            .Where(t => input.FromPersonId != null ? t.ResponsiblePersonId == input.FromPersonId : t.LeadSectionId == input.FromSectionId);

    private Task<int> LockAsync(int unitId, BulkInput input, CancellationToken ct) => input.FromPersonId is { } person
        ? db.Database.ExecuteSqlAsync($"UPDATE \"Tasks\" SET \"Version\" = \"Version\" WHERE \"UnitId\" = {unitId} AND \"ResponsiblePersonId\" = {person} AND \"CompletedOn\" IS NULL", ct)
        : db.Database.ExecuteSqlAsync($"UPDATE \"Tasks\" SET \"Version\" = \"Version\" WHERE \"UnitId\" = {unitId} AND \"LeadSectionId\" = {input.FromSectionId} AND \"CompletedOn\" IS NULL", ct);

    /// <summary>The result of an earlier confirm with the same key, or null when there was none.</summary>
    private async Task<BulkResult?> DoneAsync(int unitId, Guid key, BulkInput input, Roster roster, CancellationToken ct)
    {
        var moved = await db.Reassignments.AsNoTracking().Where(r => r.UnitId == unitId && r.BatchKey == key)
            .Join(db.Tasks, r => r.TaskId, t => t.Id, (r, t) => new BulkTask(t.Id, t.Number, t.Title, r.FromSectionId, r.FromPersonId, t.DueDate))
            .ToListAsync(ct);
        moved.Sort((a, b) => a.Id.CompareTo(b.Id));
        return moved.Count == 0 ? null : Describe(input, roster, moved, done: true, repeated: true);
    }

    private static Destination DestinationOf(BulkInput input, Roster roster) => input.FromPersonId is not null
        ? new Destination(input.ToSectionId ?? roster.People[input.ToPersonId!.Value].SectionId!.Value, input.ToPersonId)
        : new Destination(input.ToSectionId!.Value, input.ToPersonId);

    private static Outcome<BulkResult>? Check(BulkInput input, Roster roster, bool requireReason)
    {
        var problems = new FieldErrors();
        if ((input.FromPersonId is null) == (input.FromSectionId is null))
        {
            problems.Add("FromPersonId", "请选择原责任人或原牵头科室（二者选一）");
        }
        else if (input.FromPersonId is { } from)
        {
            if (!roster.People.ContainsKey(from))
            {
                problems.Add("FromPersonId", "请选择本单位的人员");
            }

            if (input.ToPersonId is not { } to || !roster.People.TryGetValue(to, out var person) || person.SectionId is null)
            {
                problems.Add("ToPersonId", "请选择接手的责任人");
            }
            else if (to == from)
            {
                problems.Add("ToPersonId", "接手的责任人不能是原责任人");
            }
            else if (roster.Refuse(new Destination(input.ToSectionId ?? person.SectionId.Value, to)) is { } refusal)
            {
                problems.Add("ToPersonId", refusal);
            }
        }
        else
        {
            if (!roster.Sections.ContainsKey(input.FromSectionId!.Value))
            {
                problems.Add("FromSectionId", "请选择本单位的科室");
            }

            if (input.ToSectionId is not { } to)
            {
                problems.Add("ToSectionId", "请选择接手的牵头科室");
            }
            else if (to == input.FromSectionId)
            {
                problems.Add("ToSectionId", "接手的科室不能是原科室");
            }
            else if (roster.Refuse(new Destination(to, input.ToPersonId)) is { } refusal)
            {
                problems.Add(input.ToPersonId is null ? "ToSectionId" : "ToPersonId", refusal);
            }
        }

        if (requireReason && string.IsNullOrWhiteSpace(input.Reason))
        {
            problems.Add("Reason", "请写明改派理由（如人员调离、机构调整）");
        }

        return problems.Any ? Outcome<BulkResult>.Invalid(problems.ToDictionary()) : null;
    }

    private static BulkResult Describe(BulkInput input, Roster roster, List<BulkTask> tasks, bool done, bool repeated)
    {
        var from = input.FromPersonId is { } p ? $"责任人{roster.Person(p)}" : $"牵头科室{roster.Section(input.FromSectionId ?? 0)}";
        var to = input.FromPersonId is not null
            ? $"责任人{roster.Person(input.ToPersonId)}（{roster.Section(DestinationOf(input, roster).SectionId)}）"
            : $"{roster.Section(input.ToSectionId ?? 0)}{(input.ToPersonId is { } q ? $"，责任人{roster.Person(q)}" : "")}";
        return new BulkResult(tasks, from, to, done, repeated);
    }
}
