using System.ComponentModel.DataAnnotations;
using Luoshi.Data;
using Luoshi.Documents;
using Luoshi.Features.Organisation;
using Luoshi.Features.Plans;
using Luoshi.Features.Shared;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Imports;

/// <summary>One proposed task as the office confirmed or edited it on the review page.</summary>
internal sealed class ImportRow
{
    [Display(Name = "选中")] public bool Selected { get; set; }
    [Display(Name = "编号")] public string? Number { get; set; }
    /// <summary>Empty when the office cleared it on the review page (the task editor then says so).</summary>
    [Display(Name = "任务名称")] public string? Title { get; set; } = "";
    [Display(Name = "牵头科室")] public int LeadSectionId { get; set; }
    [Display(Name = "配合科室")] public string? CooperatingSectionIds { get; set; }
    [Display(Name = "目标值")] public decimal? TargetValue { get; set; }
    [Display(Name = "目标单位")] public string? TargetUnit { get; set; }
    [Display(Name = "完成时限")] public DateOnly? DueDate { get; set; }
    public int SourceStart { get; set; }
    public int SourceEnd { get; set; }

    /// <summary>Why the reader left it unticked ("指导思想，不是具体任务"); shown, never stored.</summary>
    [StringLength(100)] public string? Reason { get; set; }

    /// <summary>What the office should look at before creating it (a deadline already past).</summary>
    [StringLength(100)] public string? Warning { get; set; }

    /// <summary>The target as the text states it ("全区固定资产投资增长15%左右"), beside the value and unit read from it.</summary>
    [StringLength(200)] public string? TargetText { get; set; }
}

internal sealed class ImportInput
{
    public PlanInput Plan { get; set; } = new();
    [Display(Name = "牵头领导")] public int? LeadLeaderId { get; set; }

    [Required(ErrorMessage = "请填写统一的开始日期")]
    [Display(Name = "开始日期")]
    public DateOnly? StartDate { get; set; }

    /// <summary>Given to every row the document did not name a matching section for.</summary>
    [Display(Name = "默认牵头科室")]
    public int? DefaultSectionId { get; set; }

    /// <summary>Added as cooperating sections to every chosen row (besides those the text names).</summary>
    [Display(Name = "配合科室")]
    public List<int> CooperatingSectionIds { get; set; } = [];

    public List<ImportRow> Rows { get; set; } = [];

    /// <summary>Read as 会议纪要: one task per 议定事项, each citing the minutes and its item as its source.</summary>
    public bool Minutes { get; set; }
}

/// <summary>
/// From an uploaded document to a plan: proposes a row per draft task (sections suggested from the
/// units the text names), then creates the plan and the chosen tasks together, or nothing at all.
/// </summary>
internal sealed class PlanImport(LuoshiDb db, PlanEditor plans, TaskEditor tasks)
{
    public static List<ImportRow> Propose(Outline outline, IReadOnlyList<Section> sections, int year, DateOnly today, bool minutes = false)
    {
        var drafts = minutes ? MinutesReader.Read(outline).Items.Select(i => i.Draft) : DraftTaskExtractor.Extract(outline);
        return [.. drafts.Select(d =>
        {
            var lead = d.Units.Where(u => u.Role is UnitRole.Lead or UnitRole.Responsible).Select(u => Match(u.Name, sections)).FirstOrDefault(s => s is not null)
                ?? d.Units.Select(u => Match(u.Name, sections)).FirstOrDefault(s => s is not null);
            var cooperating = d.Units.Where(u => u.Role == UnitRole.Cooperating).Select(u => Match(u.Name, sections)).OfType<Section>().Where(s => s.Id != lead?.Id).Select(s => s.Id).Distinct();
            var target = d.Targets.Count > 0 ? d.Targets[0] : null;
            var written = d.Deadlines.Select(x => x.Date ?? (x.Month is >= 1 and <= 12 ? LastDayOrDay(year, x.Month, x.Day) : null)).FirstOrDefault(x => x is not null);
            // Highlight the sentence that names the task; its paragraph is shown around it.
            var quoted = d.Source.Quote.Length > 0 ? outline.Text.IndexOf(d.Source.Quote, d.Source.Start, StringComparison.Ordinal) : -1;
            var (start, end) = quoted >= 0 && quoted < d.Source.End ? (quoted, quoted + d.Source.Quote.Length) : (d.Source.Start, d.Source.End);
            return new ImportRow
            {
                Selected = d.Ticked,
                Reason = d.Reason,
                // A deadline already past is kept as written, but said: the office decides, nothing goes red silently.
                Warning = written < today ? $"原文时限{written.Value.Year}年{written.Value.Month}月{written.Value.Day}日已过，请核定新的时限" : null,
                Number = d.Path.Replace(" ", "", StringComparison.Ordinal),
                Title = d.Title.Length > 500 ? d.Title[..500] : d.Title,
                LeadSectionId = lead?.Id ?? 0,
                CooperatingSectionIds = string.Join(",", cooperating),
                TargetValue = target?.Value,
                TargetUnit = target?.Unit,
                TargetText = target?.Phrase is { Length: <= 200 } phrase ? phrase : null,
                DueDate = written ?? new DateOnly(year, 12, 31),
                SourceStart = start,
                SourceEnd = end,
            };
        })];
    }

    /// <summary>A section whose name the unit names, or the other way round (办公室 ↔ 局办公室).</summary>
    public static Section? Match(string unit, IReadOnlyList<Section> sections) =>
        sections.FirstOrDefault(s => s.Name == unit)
        ?? sections.Where(s => s.Name.Length >= 2 && (unit.EndsWith(s.Name, StringComparison.Ordinal) || s.Name.EndsWith(unit, StringComparison.Ordinal))).OrderByDescending(s => s.Name.Length).FirstOrDefault();

    public async Task<Outcome<Plan>> CreateAsync(Viewer viewer, int documentId, ImportInput input, CancellationToken ct)
    {
        if (!viewer.IsAdmin)
        {
            return Outcome<Plan>.Forbidden("只有办公室（管理员）可以导入计划");
        }

        var document = await db.SourceDocuments.FirstOrDefaultAsync(d => d.Id == documentId && d.UnitId == viewer.UnitId, ct);
        if (document is null)
        {
            return Outcome<Plan>.NotFound();
        }

        if (document.PlanId is not null)
        {
            return Outcome<Plan>.Invalid("", "这份文件已经导入过，请到计划页查看");
        }

        var chosen = input.Rows.Select((r, i) => (Row: r, Index: i + 1)).Where(r => r.Row.Selected).ToList();
        if (chosen.Count == 0)
        {
            return Outcome<Plan>.Invalid("", "请至少勾选一项任务");
        }

        // Rows the text named no section for need the default: one message says which, not one per row.
        var withoutSection = chosen.Where(r => r.Row.LeadSectionId == 0).Select(r => r.Index).ToList();
        if (withoutSection.Count > 0 && input.DefaultSectionId is null)
        {
            return Outcome<Plan>.Invalid(nameof(input.DefaultSectionId),
                $"第{string.Join("、", withoutSection.Take(10))}项{(withoutSection.Count > 10 ? $"等{withoutSection.Count}项" : "")}没有识别出牵头科室：请在这些行选择牵头科室，或选择“默认牵头科室”");
        }

        var labels = input.Minutes ? SourceLabels(document.Text) : [];
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var plan = await plans.SaveAsync(viewer, null, input.Plan, ct);
        if (plan.Kind != OutcomeKind.Ok)
        {
            return plan;
        }

        var problems = new FieldErrors();
        foreach (var (row, index) in chosen)
        {
            var lead = row.LeadSectionId != 0 ? row.LeadSectionId : input.DefaultSectionId ?? 0;
            var task = new TaskInput
            {
                PlanId = plan.Value!.Id, Number = row.Number, Title = row.Title ?? "", LeadLeaderId = input.LeadLeaderId,
                LeadSectionId = lead,
                StartDate = input.StartDate, DueDate = row.DueDate, TargetValue = row.TargetValue, TargetUnit = row.TargetValue is null ? null : row.TargetUnit,
                Cooperations = [.. Ids(row.CooperatingSectionIds).Concat(input.CooperatingSectionIds).Distinct().Where(s => s != lead).Select(s => new CooperationInput { SectionId = s })],
            };
            // The label is read again from the stored text, not taken from the form: the source is what the document says.
            var label = labels.FirstOrDefault(l => l.Start <= row.SourceStart && row.SourceStart < l.End).Label;
            var source = row.SourceEnd > row.SourceStart && row.SourceEnd <= document.Text.Length ? new TaskSource(document.Id, row.SourceStart, row.SourceEnd, label) : null;
            var created = await tasks.CreateAsync(viewer, task, null, source, ct);
            // Each message is shown beside the row's field it is about, and says which row in the list above.
            var named = string.IsNullOrWhiteSpace(row.Title) ? $"第{index}项" : $"第{index}项“{Short(row.Title)}”";
            foreach (var (field, messages) in created.Errors ?? (created.Kind != OutcomeKind.Ok ? new() { [""] = [created.Message ?? "无法建立"] } : []))
            {
                foreach (var message in messages)
                {
                    problems.Add(field is nameof(TaskInput.Title) or nameof(TaskInput.DueDate) or nameof(TaskInput.LeadSectionId) or nameof(TaskInput.TargetValue) or nameof(TaskInput.TargetUnit)
                        ? $"Rows[{index - 1}].{field}" : $"Rows[{index - 1}]", $"{named}：{message}");
                }
            }
        }

        if (problems.Any)
        {
            // Nothing of the import is kept: the plan and the tasks made so far go with the transaction.
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return Outcome<Plan>.Invalid(problems.ToDictionary());
        }

        document.PlanId = plan.Value!.Id;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return plan;
    }

    private static List<(int Start, int End, string Label)> SourceLabels(string text)
    {
        var minutes = MinutesReader.Read(OutlineParser.Parse(text));
        return [.. minutes.Items.Select(i => (i.Draft.Source.Start, i.Draft.Source.End, i.SourceLabel(minutes)))];
    }

    private static IEnumerable<int> Ids(string? csv) =>
        (csv ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.TryParse(s, out var id) ? id : 0).Where(id => id > 0).Distinct();

    private static string Short(string title) => title.Length > 20 ? title[..20] + "…" : title;

    private static DateOnly? LastDayOrDay(int year, int month, int day) =>
        day is >= 1 and <= 31 ? new DateOnly(year, month, Math.Min(day, DateTime.DaysInMonth(year, month))) : new DateOnly(year, month, DateTime.DaysInMonth(year, month));
}
