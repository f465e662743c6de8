using System.Globalization;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Tasks;

internal sealed partial class TaskEditor
{
    private const int MaxTags = 10;

    /// <summary>A task is followed by its milestones; more than this is a list pasted by mistake.</summary>
    public const int MaxMilestones = 100;

    /// <summary>A plan's tasks run within a few years of the plan's own year.</summary>
    private const int PlanYearSpan = 5;

    /// <summary>The rules a task must keep beyond the shape of the input (which DataAnnotations check).</summary>
    private async Task<FieldErrors> ValidateAsync(int unitId, TaskInput input, WorkTask? existing, CancellationToken ct)
    {
        var problems = Bounds.Check(input);
        if (string.IsNullOrWhiteSpace(input.Title))
        {
            problems.Add(nameof(input.Title), "请填写任务名称");
        }

        if (input.StartDate is null)
        {
            problems.Add(nameof(input.StartDate), "请填写开始日期");
        }

        if (input.DueDate is null)
        {
            problems.Add(nameof(input.DueDate), "请填写完成时限");
        }
        else if (input.StartDate is { } start && input.DueDate < start)
        {
            problems.Add(nameof(input.DueDate), "完成时限不能早于开始日期");
        }

        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == input.PlanId && p.UnitId == unitId).Select(p => new { p.IsArchived, p.Year }).FirstOrDefaultAsync(ct);
        if (plan is null)
        {
            problems.Add(nameof(input.PlanId), "所属计划不存在");
        }
        else if (plan.IsArchived && existing?.PlanId != input.PlanId)
        {
            problems.Add(nameof(input.PlanId), "该计划已归档，不能再增加任务");
        }
        else if (new[] { input.StartDate, input.DueDate }.Any(d => d is { } day && Math.Abs(day.Year - plan.Year) > PlanYearSpan))
        {
            problems.Add(nameof(input.DueDate), $"任务日期应在计划年度（{plan.Year}年）前后{PlanYearSpan}年之内");
        }

        if (input.ParentId is { } parentId)
        {
            var parentPlan = await db.Tasks.Where(t => t.Id == parentId && t.UnitId == unitId).Select(t => (int?)t.PlanId).FirstOrDefaultAsync(ct);
            if (parentPlan != input.PlanId || parentId == existing?.Id)
            {
                problems.Add(nameof(input.ParentId), "上级任务不存在或不属于同一计划");
            }
            else if (existing is not null && await IsBelowAsync(unitId, parentId, existing.Id, ct))
            {
                problems.Add(nameof(input.ParentId), "上级任务不能是本任务的分解任务");
            }
        }

        var sections = await db.Sections.AsNoTracking().Where(s => s.UnitId == unitId && s.IsActive).Select(s => s.Id).ToListAsync(ct);
        if (!sections.Contains(input.LeadSectionId))
        {
            problems.Add(nameof(input.LeadSectionId), "牵头科室不存在");
        }

        await CheckPersonAsync(unitId, input.LeadLeaderId, nameof(input.LeadLeaderId), p => p.Role == Role.Leader, "牵头领导应为局领导", problems, ct);
        await CheckPersonAsync(unitId, input.ResponsiblePersonId, nameof(input.ResponsiblePersonId), p => p.SectionId == input.LeadSectionId, "责任人应为牵头科室人员", problems, ct);

        var cooperations = input.Cooperations ?? [];
        if (cooperations.Any(c => !sections.Contains(c.SectionId)))
        {
            problems.Add(nameof(input.Cooperations), "配合科室不存在");
        }

        if (cooperations.Any(c => c.SectionId == input.LeadSectionId))
        {
            problems.Add(nameof(input.Cooperations), "牵头科室不能同时是配合科室");
        }

        if (cooperations.Select(c => c.SectionId).Distinct().Count() != cooperations.Count)
        {
            problems.Add(nameof(input.Cooperations), "配合科室重复");
        }

        var tags = NormaliseTags(input.Tags);
        if (tags.Count > MaxTags || tags.Any(t => t.Length > 20))
        {
            problems.Add(nameof(input.Tags), $"标签最多{MaxTags}个，每个不超过20个字");
        }

        if (input.TargetValue is not null && string.IsNullOrWhiteSpace(input.TargetUnit))
        {
            problems.Add(nameof(input.TargetUnit), "填写了目标值时请填写单位（如“家”“亿元”）");
        }
        else if (input.TargetValue is { } target && TargetUnits.IsCounted(input.TargetUnit) && !TargetUnits.IsWhole(target))
        {
            problems.Add(nameof(input.TargetValue), $"“{input.TargetUnit!.Trim()}”按整数计，目标值请填整数");
        }

        return problems;
    }

    /// <summary>Whether <paramref name="taskId"/> is <paramref name="ancestorId"/> or one of the tasks
    /// above it: a task put under its own part would make a loop its progress never leaves.</summary>
    private async Task<bool> IsBelowAsync(int unitId, int taskId, int ancestorId, CancellationToken ct)
    {
        var seen = new HashSet<int>();
        for (int? id = taskId; id is { } current && seen.Add(current);)
        {
            if (current == ancestorId)
            {
                return true;
            }

            id = await db.Tasks.Where(t => t.Id == current && t.UnitId == unitId).Select(t => t.ParentId).FirstOrDefaultAsync(ct);
        }

        return false;
    }

    private async Task CheckPersonAsync(int unitId, int? personId, string field, Func<Person, bool> fits, string message, FieldErrors problems, CancellationToken ct)
    {
        if (personId is null)
        {
            return;
        }

        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId && p.UnitId == unitId && p.IsActive, ct);
        if (person is null)
        {
            problems.Add(field, "所选人员不存在");
        }
        else if (!fits(person))
        {
            problems.Add(field, message);
        }
    }

    private static void ValidateMilestone(MilestoneInput m, TaskInput task, FieldErrors problems, string prefix)
    {
        Bounds.Check(m, problems, prefix);
        if (string.IsNullOrWhiteSpace(m.Title))
        {
            problems.Add(prefix + nameof(m.Title), "请填写节点名称");
        }

        if (m.DueDate is null)
        {
            problems.Add(prefix + nameof(m.DueDate), "请填写节点日期");
        }
        else if ((task.StartDate is { } start && m.DueDate < start) || (task.DueDate is { } due && m.DueDate > due))
        {
            problems.Add(prefix + nameof(m.DueDate), "节点日期应在任务的开始日期与完成时限之间");
        }
    }

    private sealed record Change(string Field, string Label, string Text);

    /// <summary>What an update changes, in words for the history (names, not ids).</summary>
    private async Task<List<Change>> DescribeChangesAsync(WorkTask task, TaskInput input, CancellationToken ct)
    {
        var before = TaskInput.From(task);
        var names = await NamesAsync(task.UnitId, [before.LeadLeaderId, input.LeadLeaderId, before.ResponsiblePersonId, input.ResponsiblePersonId], ct);
        var sectionNames = await db.Sections.Where(s => s.UnitId == task.UnitId).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        string Person(int? id) => id is { } i && names.TryGetValue(i, out var n) ? n : "（无）";
        string Section(int id) => sectionNames.TryGetValue(id, out var n) ? n : id.ToString(CultureInfo.InvariantCulture);
        string Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "（无）";
        string Coops(List<CooperationInput>? cs) => string.Join("、", (cs ?? []).OrderBy(c => c.SectionId).Select(c => Section(c.SectionId) + (c.Part is null ? "" : $"（{c.Part.Trim()}）")));

        var changes = new List<Change>();
        void Compare(string field, string label, string? from, string? to)
        {
            if ((from ?? "") != (to ?? ""))
            {
                changes.Add(new(field, label, $"{label}由“{from}”改为“{to}”"));
            }
        }

        Compare(nameof(input.PlanId), "所属计划", before.PlanId.ToString(CultureInfo.InvariantCulture), input.PlanId.ToString(CultureInfo.InvariantCulture));
        Compare(nameof(input.ParentId), "上级任务", before.ParentId?.ToString(CultureInfo.InvariantCulture), input.ParentId?.ToString(CultureInfo.InvariantCulture));
        Compare(nameof(input.Weight), "权重", before.Weight.ToString(CultureInfo.InvariantCulture), input.Weight.ToString(CultureInfo.InvariantCulture));
        Compare(nameof(input.Number), "编号", before.Number, input.Number?.Trim());
        Compare(nameof(input.Title), "任务名称", before.Title, input.Title.Trim());
        Compare(nameof(input.Description), "任务说明", before.Description, string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim());
        Compare(nameof(input.LeadLeaderId), "牵头领导", Person(before.LeadLeaderId), Person(input.LeadLeaderId));
        Compare(nameof(input.LeadSectionId), "牵头科室", Section(before.LeadSectionId), Section(input.LeadSectionId));
        Compare(nameof(input.ResponsiblePersonId), "责任人", Person(before.ResponsiblePersonId), Person(input.ResponsiblePersonId));
        Compare(nameof(input.TargetValue), "目标值", before.TargetValue?.ToString("0.####", CultureInfo.InvariantCulture), input.TargetValue?.ToString("0.####", CultureInfo.InvariantCulture));
        Compare(nameof(input.TargetUnit), "目标单位", before.TargetUnit, string.IsNullOrWhiteSpace(input.TargetUnit) ? null : input.TargetUnit.Trim());
        Compare(nameof(input.StartDate), "开始日期", Date(before.StartDate), Date(input.StartDate));
        Compare(nameof(input.DueDate), "完成时限", Date(before.DueDate), Date(input.DueDate));
        Compare(nameof(input.Tags), "标签", string.Join("、", before.Tags ?? []), string.Join("、", NormaliseTags(input.Tags)));
        Compare(nameof(input.Cooperations), "配合科室", Coops(before.Cooperations), Coops(input.Cooperations));
        return changes;
    }

    private Task<Dictionary<int, string>> NamesAsync(int unitId, int?[] ids, CancellationToken ct)
    {
        var wanted = ids.OfType<int>().Distinct().ToList();
        return db.People.Where(p => p.UnitId == unitId && wanted.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
    }
}
