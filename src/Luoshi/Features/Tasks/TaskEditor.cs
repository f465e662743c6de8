using Luoshi.Data;
using Luoshi.Features.Lights;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Tasks;

/// <summary>Where in an imported document a task was written down.</summary>
internal sealed record TaskSource(int DocumentId, int Start, int End, string? Label = null);

/// <summary>Creating and changing tasks and milestones: the rules pages and API share.</summary>
internal sealed partial class TaskEditor(LuoshiDb db, TaskLights lights, BureauClock clock)
{
    // Split: one join of milestones × cooperating sections would repeat each row per pair (and EF warns
    // of it at every start); actions that change the task hold its row first, so the parts agree.
    public Task<WorkTask?> FindVisibleAsync(Viewer viewer, int id, CancellationToken ct = default) =>
        db.Tasks.VisibleTo(viewer).Include(t => t.Milestones).Include(t => t.Cooperations).AsSplitQuery().FirstOrDefaultAsync(t => t.Id == id, ct);

    /// <summary>The task with what its schedule needs (milestones), for writes that do not touch
    /// the cooperating sections: a report, a milestone.</summary>
    public Task<WorkTask?> FindVisibleForScheduleAsync(Viewer viewer, int id, CancellationToken ct = default) =>
        ForSchedule(viewer).FirstOrDefaultAsync(t => t.Id == id, ct);

    /// <summary>The same for several (viewer, task) pairs, in their order (null where not visible): one
    /// query per viewer, however many of that viewer's tasks are asked for.</summary>
    public async Task<WorkTask?[]> FindVisibleForScheduleAsync(IReadOnlyList<(Viewer Viewer, int TaskId)> wanted, CancellationToken ct = default)
    {
        var found = new WorkTask?[wanted.Count];
        foreach (var group in wanted.Select((w, i) => (w.Viewer, w.TaskId, Index: i)).GroupBy(w => w.Viewer, ReferenceEqualityComparer.Instance))
        {
            var ids = group.Select(w => w.TaskId).Distinct().ToList();
            var tasks = await ForSchedule((Viewer)group.Key!).Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
            foreach (var (_, taskId, index) in group)
            {
                found[index] = tasks.GetValueOrDefault(taskId);
            }
        }

        return found;
    }

    private IQueryable<WorkTask> ForSchedule(Viewer viewer) => db.Tasks.VisibleTo(viewer).Include(t => t.Milestones);

    public async Task<Outcome<WorkTask>> CreateAsync(Viewer viewer, TaskInput input, IReadOnlyList<MilestoneInput>? milestones, CancellationToken ct = default) =>
        await CreateAsync(viewer, input, milestones, null, ct);

    /// <summary>Creates a task; <paramref name="source"/> ties it to the sentence of an imported document it came from.</summary>
    public async Task<Outcome<WorkTask>> CreateAsync(Viewer viewer, TaskInput input, IReadOnlyList<MilestoneInput>? milestones, TaskSource? source, CancellationToken ct = default) =>
        await CreateAsync(viewer, WorkKind.Task, null, input, milestones, source, ct);

    /// <summary>Creates a work item of the given kind and first stage, both written with its first row
    /// (the ledgers come here through WorkItems.WorkItemCreator).</summary>
    public async Task<Outcome<WorkTask>> CreateAsync(Viewer viewer, WorkKind kind, string? stage, TaskInput input, IReadOnlyList<MilestoneInput>? milestones, TaskSource? source, CancellationToken ct = default)
    {
        if (!viewer.IsAdmin)
        {
            return Outcome<WorkTask>.Forbidden("只有办公室（管理员）可以新建任务");
        }

        var problems = await ValidateAsync(viewer.UnitId, input, null, ct);
        if (milestones?.Count > MaxMilestones)
        {
            problems.Add("milestones", $"每项任务最多{MaxMilestones}个时间节点");
            milestones = [];
        }

        foreach (var (m, i) in (milestones ?? []).Select((m, i) => (m, i)))
        {
            ValidateMilestone(m, input, problems, $"milestones[{i}].");
        }

        if (problems.Any)
        {
            return Outcome<WorkTask>.Invalid(problems.ToDictionary());
        }

        var now = clock.UtcNow;
        var task = new WorkTask
        {
            Title = "", UnitId = viewer.UnitId, Kind = kind, Stage = stage, CreatedAt = now, UpdatedAt = now,
            SourceDocumentId = source?.DocumentId, SourceStart = source?.Start, SourceEnd = source?.End, SourceLabel = source?.Label,
        };
        Apply(task, input);
        task.Milestones.AddRange((milestones ?? []).Select((m, i) => NewMilestone(viewer.UnitId, m, i)));
        db.Tasks.Add(task);
        await lights.RecomputeAsync(task, ct);
        await db.SaveChangesAsync(ct);
        AddHistory(task, viewer, "created", source is null ? $"创建任务“{task.Title}”" : $"由导入的文件创建任务“{task.Title}”");
        await db.SaveChangesAsync(ct);
        return Outcome<WorkTask>.Ok(task);
    }

    public async Task<Outcome<WorkTask>> UpdateAsync(Viewer viewer, int id, TaskInput input, CancellationToken ct = default)
    {
        var task = await FindVisibleAsync(viewer, id, ct);
        if (task is null)
        {
            return Outcome<WorkTask>.NotFound();
        }

        var rights = await viewer.RightsOnAsync(db, task, ct);
        var changes = await DescribeChangesAsync(task, input, ct);
        if (changes.Count == 0)
        {
            return Outcome<WorkTask>.Ok(task);
        }

        if (!rights.EditAll)
        {
            var notAllowed = changes.Where(c => !rights.EditLeadFields || !LeadFields.Contains(c.Field)).Select(c => c.Label).ToList();
            if (notAllowed.Count > 0)
            {
                return Outcome<WorkTask>.Forbidden($"您无权修改：{string.Join("、", notAllowed)}");
            }
        }

        var problems = await ValidateAsync(viewer.UnitId, input, task, ct);
        if (problems.Any)
        {
            return Outcome<WorkTask>.Invalid(problems.ToDictionary());
        }

        Apply(task, input);
        task.UpdatedAt = clock.UtcNow;
        await lights.RecomputeAsync(task, ct);
        AddHistory(task, viewer, "edited", "修改：" + string.Join("；", changes.Select(c => c.Text)));
        await db.SaveChangesAsync(ct);
        return Outcome<WorkTask>.Ok(task);
    }

    public async Task<Outcome<Milestone>> AddMilestoneAsync(Viewer viewer, int taskId, MilestoneInput input, CancellationToken ct = default)
    {
        var task = await FindVisibleAsync(viewer, taskId, ct);
        if (task is null)
        {
            return Outcome<Milestone>.NotFound();
        }

        if (!(await viewer.RightsOnAsync(db, task, ct)).EditLeadFields)
        {
            return Outcome<Milestone>.Forbidden("只有办公室或牵头科室科长可以增加时间节点");
        }

        var problems = new FieldErrors();
        ValidateMilestone(input, TaskInput.From(task), problems, "");
        if (task.Milestones.Count >= MaxMilestones)
        {
            problems.Add("milestones", $"每项任务最多{MaxMilestones}个时间节点");
        }

        if (problems.Any)
        {
            return Outcome<Milestone>.Invalid(problems.ToDictionary());
        }

        var milestone = NewMilestone(viewer.UnitId, input, task.Milestones.Count);
        task.Milestones.Add(milestone);
        await lights.RecomputeAsync(task, ct);
        AddHistory(task, viewer, "milestone", $"增加时间节点“{milestone.Title}”（{milestone.DueDate:yyyy-MM-dd}）");
        await db.SaveChangesAsync(ct);
        return Outcome<Milestone>.Ok(milestone);
    }

    public async Task<Outcome<Milestone>> UpdateMilestoneAsync(Viewer viewer, int milestoneId, MilestoneInput input, CancellationToken ct = default)
    {
        var taskId = await db.Milestones.Where(m => m.Id == milestoneId && m.UnitId == viewer.UnitId).Select(m => (int?)m.TaskId).FirstOrDefaultAsync(ct);
        var task = taskId is null ? null : await FindVisibleAsync(viewer, taskId.Value, ct);
        if (task is null)
        {
            return Outcome<Milestone>.NotFound();
        }

        var milestone = task.Milestones.Single(m => m.Id == milestoneId);
        var rights = await viewer.RightsOnAsync(db, task, ct);
        var definitionChanged = milestone.Title != input.Title.Trim() || milestone.Deliverable != input.Deliverable.OrNull() || milestone.DueDate != input.DueDate;
        if ((definitionChanged && !rights.EditLeadFields) || !rights.CompleteMilestones)
        {
            return Outcome<Milestone>.Forbidden(definitionChanged ? "只有办公室或牵头科室科长可以修改时间节点" : "只有牵头科室可以办结时间节点");
        }

        var problems = new FieldErrors();
        ValidateMilestone(input, TaskInput.From(task), problems, "");
        if (input.CompletedOn is { } done && done > clock.Today)
        {
            problems.Add(nameof(input.CompletedOn), "完成日期不能晚于今天");
        }

        if (problems.Any)
        {
            return Outcome<Milestone>.Invalid(problems.ToDictionary());
        }

        var wasDone = milestone.CompletedOn is not null;
        milestone.Title = input.Title.Trim();
        milestone.Deliverable = input.Deliverable.OrNull();
        milestone.DueDate = input.DueDate!.Value;
        milestone.CompletedOn = input.CompletedOn;
        milestone.CompletionNote = input.CompletionNote.OrNull();
        await lights.RecomputeAsync(task, ct);
        var what = (wasDone, milestone.CompletedOn is not null) switch
        {
            (false, true) => $"时间节点“{milestone.Title}”已完成（{milestone.CompletedOn:yyyy-MM-dd}）",
            (true, false) => $"时间节点“{milestone.Title}”改为未完成",
            _ => $"修改时间节点“{milestone.Title}”（{milestone.DueDate:yyyy-MM-dd}）",
        };
        AddHistory(task, viewer, "milestone", what);
        await db.SaveChangesAsync(ct);
        return Outcome<Milestone>.Ok(milestone);
    }

    /// <summary>Adds a line to the task's history (<see cref="TaskEvent"/>), saved with the change; not to be
    /// confused with the tamper-evident record (<c>Features/Record</c>), which chains whole rows.</summary>
    public void AddHistory(WorkTask task, Viewer viewer, string kind, string summary) =>
        db.TaskEvents.Add(new TaskEvent { UnitId = task.UnitId, TaskId = task.Id, At = clock.UtcNow, ActorId = viewer.PersonId, Kind = kind, Summary = summary });

    private static readonly HashSet<string> LeadFields = [nameof(TaskInput.Description), nameof(TaskInput.ResponsiblePersonId)];

    private static Milestone NewMilestone(int unitId, MilestoneInput m, int order) => new()
    {
        UnitId = unitId,
        Title = m.Title.Trim(),
        Deliverable = m.Deliverable.OrNull(),
        DueDate = m.DueDate!.Value,
        CompletedOn = m.CompletedOn,
        CompletionNote = m.CompletionNote.OrNull(),
        SortOrder = order,
    };

    private static void Apply(WorkTask task, TaskInput input)
    {
        task.PlanId = input.PlanId;
        task.ParentId = input.ParentId;
        task.Weight = input.Weight;
        task.Number = input.Number.OrNull();
        task.Title = input.Title.Trim();
        task.Description = input.Description.OrNull();
        task.LeadLeaderId = input.LeadLeaderId;
        task.LeadSectionId = input.LeadSectionId;
        task.ResponsiblePersonId = input.ResponsiblePersonId;
        task.TargetValue = input.TargetValue;
        task.TargetUnit = input.TargetUnit.OrNull();
        task.StartDate = input.StartDate!.Value;
        task.DueDate = input.DueDate!.Value;
        task.Tags = NormaliseTags(input.Tags);
        var wanted = (input.Cooperations ?? []).ToDictionary(c => c.SectionId, c => c.Part.OrNull());
        task.Cooperations.RemoveAll(c => !wanted.ContainsKey(c.SectionId));
        foreach (var (sectionId, part) in wanted)
        {
            var existing = task.Cooperations.FirstOrDefault(c => c.SectionId == sectionId);
            if (existing is null)
            {
                task.Cooperations.Add(new TaskCooperation { UnitId = task.UnitId, SectionId = sectionId, Part = part });
            }
            else
            {
                existing.Part = part;
            }
        }
    }

    private static List<string> NormaliseTags(List<string>? tags) =>
        [.. (tags ?? []).SelectMany(t => t.Split([',', '，', '、', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct()];
}
