using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Luoshi.Data;
using Luoshi.Features.Imports;
using Luoshi.Features.Organisation;
using Luoshi.Features.Plans;
using Luoshi.Features.Reports;
using Luoshi.Features.Requests;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Luoshi.Features.Tasks;

internal sealed class DetailModel(
    LuoshiDb db, TaskEditor editor, TaskRequests requests, Supervision.TaskSigning signing, Supervision.ManualEscalation manual,
    Instructions.Instructions instructions, Calendar.WorkingCalendars calendars, CurrentViewer current, BureauClock clock, IMemoryCache memory,
    IEnumerable<ITaskPagePanel> panels, Notices.Inbox inbox) : PageModel
{
    private Dictionary<int, string> _people = [];
    private Dictionary<int, string> _sections = [];
    private ReportCadence _cadence;

    public WorkTask Task { get; private set; } = null!;
    public TaskRights Rights { get; private set; } = TaskRights.ReadOnly;
    public string PlanTitle { get; private set; } = "";
    public List<ProgressReport> Reports { get; private set; } = [];
    public List<TaskEvent> History { get; private set; } = [];
    public DateOnly Today => clock.Today;
    public SourceExcerpt? Source { get; private set; }
    public List<ExtensionRequest> Extensions { get; private set; } = [];
    public List<CompletionRequest> Completions { get; private set; } = [];
    public bool MayDecideExtension { get; private set; }
    public bool IsAdmin { get; private set; }
    public bool MaySign { get; private set; }
    public List<Supervision.EscalationStep> Steps { get; private set; } = [];
    public List<Instructions.Instruction> TaskInstructions { get; private set; } = [];
    public bool MayInstruct { get; private set; }
    public bool MayAcknowledgeInstruction { get; private set; }

    /// <summary>驳回 of this task's reports, by report; and whether the viewer may return one.</summary>
    public Dictionary<long, ReportReturn> ReportReturns { get; private set; } = [];
    public bool MayReturnReports { get; private set; }

    /// <summary>退办 of this task, newest first; and whether the viewer (the lead section's head) may return it now.</summary>
    public List<Assignment.TaskReturn> TaskReturns { get; private set; } = [];
    public bool MayReturnTask { get; private set; }

    /// <summary>The task's parts (分解任务), whose progress and lights it rolls up; each links only
    /// when the viewer may open it.</summary>
    public List<TaskPart> Parts { get; private set; } = [];

    /// <summary>Sections other features add (<see cref="ITaskPagePanel"/>): a partial and its model each.</summary>
    public List<(string Partial, object Model)> Panels { get; private set; } = [];

    [BindProperty]
    public MilestoneInput NewMilestone { get; set; } = new();

    /// <summary>The form whose submission was refused: its fold stays open with what was typed and the
    /// messages beside the fields; the page's other forms show nothing of it.</summary>
    public string? Failed { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        // A 批示 opens here: seeing the page is reading it (消息必达 counts on it).
        await inbox.MarkOpenedAsync(await current.RequireAsync(ct), id, null, [Notices.NoticeKind.Instruction, Notices.NoticeKind.DirectiveAnswered], ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAddMilestoneAsync(int id, CancellationToken ct)
    {
        var outcome = await editor.AddMilestoneAsync(await current.RequireAsync(ct), id, NewMilestone, ct);
        if (outcome.Kind == OutcomeKind.Ok)
        {
            TempData["Notice"] = "已增加时间节点";
            return Redirect($"/Tasks/{id}");
        }

        ModelState.Clear();
        Failed = "NewMilestone";
        return await LoadAsync(id, ct) ? this.Show(outcome, _ => Page(), "NewMilestone.") : NotFound();
    }

    public async Task<IActionResult> OnPostCompleteMilestoneAsync(int id, int milestoneId, string? note, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var milestone = await db.Milestones.AsNoTracking().FirstOrDefaultAsync(m => m.Id == milestoneId && m.TaskId == id && m.UnitId == viewer.UnitId, ct);
        if (milestone is null)
        {
            return NotFound();
        }

        var input = new MilestoneInput { Title = milestone.Title, Deliverable = milestone.Deliverable, DueDate = milestone.DueDate, CompletedOn = clock.Today, CompletionNote = note };
        var outcome = await editor.UpdateMilestoneAsync(viewer, milestoneId, input, ct);
        if (outcome.Kind == OutcomeKind.Ok)
        {
            TempData["Notice"] = "时间节点已标记完成";
            return Redirect($"/Tasks/{id}");
        }

        Failed = $"Milestone{milestoneId}";
        return await LoadAsync(id, ct) ? this.Show(outcome, _ => Page(), Failed + ".") : NotFound();
    }

    public async Task<IActionResult> OnPostSignAsync(int id, CancellationToken ct) =>
        await AfterAsync(id, await signing.SignAsync(await current.RequireAsync(ct), id, ct), "已签收", "Sign", ct);

    public async Task<IActionResult> OnPostExtensionAsync(int id, [Display(Name = "新的完成时限")] DateOnly? newDueDate, string? reason, CancellationToken ct) =>
        await AfterAsync(id, await requests.RequestExtensionAsync(await current.RequireAsync(ct), id, newDueDate, reason, ct), "已提交延期申请", "Extension", ct);

    public async Task<IActionResult> OnPostDecideExtensionAsync(int id, int requestId, bool approve, string? note, CancellationToken ct) =>
        await AfterAsync(id, await requests.DecideExtensionAsync(await current.RequireAsync(ct), requestId, approve, note, ct), approve ? "已批准延期" : "已不批准延期", $"Extension{requestId}", ct);

    public async Task<IActionResult> OnPostDecideCompletionAsync(int id, int requestId, bool approve, string? note, CancellationToken ct) =>
        await AfterAsync(id, await requests.DecideCompletionAsync(await current.RequireAsync(ct), requestId, approve, note, ct), approve ? "已办结销号" : "已退回办结申请", $"Completion{requestId}", ct);

    public async Task<IActionResult> OnPostEscalateAsync(int id, bool supervise, string? message, CancellationToken ct)
    {
        var step = supervise ? Supervision.StepKind.Supervise : Supervision.StepKind.Urge;
        var outcome = await manual.IssueAsync(await current.RequireAsync(ct), id, step, message, ct);
        return await AfterAsync(id, outcome, supervise ? $"已发出督办单 {outcome.Value?.SheetNumber}" : "已催办", "Escalate", ct);
    }

    public async Task<IActionResult> OnPostInstructAsync(int id, string? text, CancellationToken ct) =>
        await AfterAsync(id, await instructions.WriteAsync(await current.RequireAsync(ct), id, null, text, ct), "已批示", "Instruct", ct);

    public async Task<IActionResult> OnPostAcknowledgeInstructionAsync(int id, long instructionId, CancellationToken ct) =>
        await AfterAsync(id, await instructions.AcknowledgeAsync(await current.RequireAsync(ct), instructionId, ct), "已签阅", $"Instruction{instructionId}", ct);

    private async Task<IActionResult> AfterAsync<T>(int id, Outcome<T> outcome, string notice, string form, CancellationToken ct)
    {
        if (outcome.Kind == OutcomeKind.Ok)
        {
            TempData["Notice"] = notice;
            return Redirect($"/Tasks/{id}");
        }

        ModelState.Clear();
        Failed = form;
        return await LoadAsync(id, ct) ? this.Show(outcome, _ => Page(), form + ".") : NotFound();
    }

    /// <summary>What was typed into a field of the refused form, to put back.</summary>
    public string? Posted(string form, string field) => Failed == form && Request.HasFormContentType ? Request.Form[field].ToString() : null;

    public string? Name(int? personId) => personId is { } id && _people.TryGetValue(id, out var name) ? name : null;

    public string Section(int sectionId) => _sections.GetValueOrDefault(sectionId, "");

    public string Local(DateTime utc) => clock.ToLocal(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public string PeriodLabel(ProgressReport r) => new ReportPeriod(r.PeriodStart, r.PeriodEnd, r.PeriodEnd, r.PeriodEnd).Label(_cadence);

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var generation = WriteGeneration.Current;

        // The page only reads the task: one query with its milestones and cooperating sections, not the
        // editor's three (split) queries that each repeat the visibility filter.
        var task = await db.Tasks.AsNoTracking().VisibleTo(viewer).Include(t => t.Milestones).Include(t => t.Cooperations).AsSingleQuery()
            .FirstOrDefaultAsync(t => t.Id == id, ct);
        if (task is null)
        {
            return false;
        }

        Task = task;
        // The cooperating sections came with the task: whether the viewer's is one needs no other query.
        Rights = viewer.RightsOn(task, viewer.SectionId is { } own && task.Cooperations.Any(c => c.SectionId == own));
        IsAdmin = viewer.IsAdmin;
        MayDecideExtension = TaskRequests.MayDecideExtension(viewer, task);
        MaySign = Supervision.TaskSigning.MaySign(viewer, task);
        MayInstruct = Instructions.Instructions.MayWrite(viewer);
        MayAcknowledgeInstruction = Instructions.Instructions.MayAcknowledge(viewer, task);
        MayReturnReports = ReportReturner.MayReturn(viewer, task) && task.CompletedOn is null;

        var key = (typeof(TaskSections), viewer.UnitId, id);
        var sections = await memory.KeptAsync(key, generation, SectionsKept, () => LoadSectionsAsync(task, viewer.UnitId, ct));

        (TaskInstructions, Steps, Extensions, Completions, Reports, ReportReturns, TaskReturns, History, Source) =
            (sections.Instructions, sections.Steps, sections.Extensions, sections.Completions, sections.Reports, sections.ReportReturns, sections.TaskReturns, sections.History, sections.Source);
        (PlanTitle, _cadence, _people, _sections) = (sections.Plan.Title, sections.Plan.Cadence, sections.People, sections.SectionNames);
        var assignedOn = task.AssignedOn ?? DateOnly.FromDateTime(task.CreatedAt);
        MayReturnTask = !TaskReturns.Any(x => x.SectionId == task.LeadSectionId && x.AssignedOn == assignedOn)
            && Assignment.TaskReturns.Refusal(viewer, task, clock.Today, Assignment.TaskReturns.WindowEnd(task, sections.Plan, await calendars.ForUnitAsync(db, viewer.UnitId, ct))) is null;
        // Every part is listed (the parent's progress is theirs); only those the viewer may open are links.
        var visibleParts = sections.Parts.Count == 0 ? [] : await db.Tasks.VisibleTo(viewer).Where(p => p.ParentId == id).Select(p => p.Id).ToListAsync(ct);
        Parts = [.. sections.Parts.Select(p => p with { Visible = visibleParts.Contains(p.Id) })];
        Panels = [];
        foreach (var panel in panels)
        {
            if (await panel.ModelAsync(viewer, task, ct) is { } model)
            {
                Panels.Add((panel.Partial, model));
            }
        }

        return true;
    }

    /// <summary>How long a task's sections are kept at most: the bound for writes that bypass this
    /// process's EF Core (another instance).</summary>
    public static readonly TimeSpan SectionsKept = TimeSpan.FromSeconds(5);

    /// <summary>
    /// What the page shows of a task beside the task itself: the same for everyone who may see the task
    /// (none of it depends on the viewer; whether he may see the task is asked on every view), so it is
    /// kept for a few seconds per task, with the <see cref="WriteGeneration"/> read before the task was;
    /// any write (a report, a 批示, a decision) makes the next view read it afresh. Read-only: the page
    /// never changes these objects.
    /// </summary>
    private sealed record TaskSections(
        List<Instructions.Instruction> Instructions, List<Supervision.EscalationStep> Steps, List<ExtensionRequest> Extensions,
        List<CompletionRequest> Completions, Plan Plan, List<ProgressReport> Reports, Dictionary<long, ReportReturn> ReportReturns,
        List<Assignment.TaskReturn> TaskReturns, List<TaskEvent> History, SourceExcerpt? Source, List<TaskPart> Parts, Dictionary<int, string> People, Dictionary<int, string> SectionNames);

    private async Task<TaskSections> LoadSectionsAsync(WorkTask task, int unitId, CancellationToken ct)
    {
        var id = task.Id;
        var instructions = await db.Instructions.AsNoTracking().Where(i => i.TaskId == id && i.UnitId == unitId).OrderByDescending(i => i.Id).ToListAsync(ct);
        var steps = await db.EscalationSteps.AsNoTracking().Where(s => s.TaskId == id && s.UnitId == unitId).OrderByDescending(s => s.Id).ToListAsync(ct);
        var extensions = await db.ExtensionRequests.AsNoTracking().Where(r => r.TaskId == id).OrderByDescending(r => r.Id).ToListAsync(ct);
        var completions = await db.CompletionRequests.AsNoTracking().Where(r => r.TaskId == id).OrderByDescending(r => r.Id).ToListAsync(ct);
        var plan = await db.Plans.AsNoTracking().FirstAsync(p => p.Id == task.PlanId, ct);
        var reports = await db.Reports.AsNoTracking().Include(r => r.Evidence).Where(r => r.TaskId == id).OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Id).ToListAsync(ct);
        var reportReturns = await db.ReportReturns.AsNoTracking().Where(x => x.TaskId == id && x.UnitId == unitId).ToDictionaryAsync(x => x.ReportId, ct);
        var taskReturns = await db.TaskReturns.AsNoTracking().Where(x => x.TaskId == id && x.UnitId == unitId).OrderByDescending(x => x.Id).ToListAsync(ct);
        var history = await db.TaskEvents.AsNoTracking().Where(h => h.TaskId == id && h.UnitId == unitId).OrderByDescending(h => h.At).ThenByDescending(h => h.Id).Take(200).ToListAsync(ct);
        var source = await ExcerptAsync(task, unitId, ct);
        var parts = await db.Tasks.AsNoTracking().Where(p => p.UnitId == unitId && p.ParentId == id).OrderBy(p => p.SortOrder).ThenBy(p => p.Id)
            .Select(p => new TaskPart(p.Id, p.Number, p.Title, p.LeadSectionId, p.Light, p.LightReason, p.ProgressPercent, p.Weight, p.DueDate, false))
            .ToListAsync(ct);

        // The names of the people and sections the page shows, in one query: only those it mentions,
        // not the unit's whole staff list (a thousand people in a bureau) on every view. A new part of
        // the page that shows a name adds its ids here.
        int?[] mentioned =
        [
            task.LeadLeaderId, task.ResponsiblePersonId, task.SignedById,
            .. completions.Select(c => (int?)c.RequestedById), .. extensions.Select(e => (int?)e.RequestedById),
            .. reports.Select(r => (int?)r.AuthorId), .. reportReturns.Values.Select(r => (int?)r.ReturnedById),
            .. instructions.Select(i => (int?)i.LeaderId), .. instructions.Select(i => i.AcknowledgedById),
            .. history.Select(h => h.ActorId), .. taskReturns.Select(r => (int?)r.RequestedById),
        ];
        var people = mentioned.OfType<int>().Distinct().ToList();
        var sections = new[] { task.LeadSectionId }.Concat(task.Cooperations.Select(c => c.SectionId)).Concat(reports.Select(r => r.SectionId))
            .Concat(taskReturns.Select(r => r.SectionId)).Concat(parts.Select(p => p.LeadSectionId)).Distinct().ToList();
        var names = await db.People.AsNoTracking().Where(p => p.UnitId == unitId && people.Contains(p.Id)).Select(p => new { IsPerson = true, p.Id, p.Name })
            .Concat(db.Sections.AsNoTracking().Where(s => s.UnitId == unitId && sections.Contains(s.Id)).Select(s => new { IsPerson = false, s.Id, s.Name }))
            .ToListAsync(ct);
        return new(
            instructions, steps, extensions, completions, plan, reports, reportReturns, taskReturns, history, source, parts,
            names.Where(n => n.IsPerson).ToDictionary(n => n.Id, n => n.Name), names.Where(n => !n.IsPerson).ToDictionary(n => n.Id, n => n.Name));
    }

    /// <summary>
    /// The paragraph the task came from. On PostgreSQL only the stretch around the sentence is read
    /// (<c>substr</c>), not the whole imported document (a work report is often 100 KB or more, read and
    /// decoded on every view). <c>substr</c> counts characters while the stored offsets count UTF-16
    /// units; they agree unless the text holds a character beyond the BMP (rare CJK extension
    /// characters, emoji), and then the whole text is read as before.
    /// </summary>
    private async Task<SourceExcerpt?> ExcerptAsync(WorkTask task, int unitId, CancellationToken ct)
    {
        if (task.SourceDocumentId is not { } documentId)
        {
            return null;
        }

        if (db.Database.IsNpgsql() && task.SourceStart is { } start and >= 0 && task.SourceEnd is { } end && end > start)
        {
            var from = Math.Max(0, start - SourceExcerpt.Reach);
            var length = end + SourceExcerpt.Reach - from;
            var window = await db.Database.SqlQuery<ExcerptWindow>($"""
                SELECT "FileName", CASE WHEN "Text" ~ '[\U00010000-\U0010FFFF]' THEN NULL ELSE substr("Text", {from + 1}, {length}) END AS "Part"
                FROM "SourceDocuments" WHERE "Id" = {documentId} AND "UnitId" = {unitId}
                """).ToListAsync(ct);
            if (window.Count == 0)
            {
                return null;
            }

            if (window[0].Part is { } part)
            {
                var stretch = new SourceDocument { FileName = window[0].FileName, Text = part, Sha256 = "" };
                return SourceExcerpt.Of(stretch, start - from, end - from, task.SourceLabel);
            }
        }

        return await db.SourceDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId && d.UnitId == unitId, ct) is { } document
            ? SourceExcerpt.Of(document, task.SourceStart, task.SourceEnd, task.SourceLabel)
            : null;
    }

    private sealed class ExcerptWindow
    {
        public string FileName { get; set; } = "";
        public string? Part { get; set; }
    }
}

/// <summary>One part of a task as its page lists it.</summary>
internal sealed record TaskPart(int Id, string? Number, string Title, int LeadSectionId, Lights.Light Light, Lights.LightReason Reason, int ProgressPercent, int Weight, DateOnly DueDate, bool Visible);
