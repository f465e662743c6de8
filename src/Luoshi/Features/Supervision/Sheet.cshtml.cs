using Luoshi.Data;
using Luoshi.Features.Instructions;
using Luoshi.Features.Organisation;
using Luoshi.Features.Reports;
using Luoshi.Features.Shared;
using Luoshi.Features.Tasks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Luoshi.Features.Supervision;

/// <summary>督办单: the numbered sheet, addressed to the lead section and its responsible person with
/// copies to the leaders in charge; its replies and the office's decisions; printable. Opening it as
/// the one who must answer it is its 签收.</summary>
internal sealed class SheetModel(
    LuoshiDb db, TaskEditor tasks, SheetReplies replies, Instructions.Instructions instructions, EvidenceFiles files,
    CurrentViewer current, BureauClock clock, IOptions<EvidenceOptions> evidenceOptions, Notices.Inbox inbox, SheetArrival arrival) : PageModel
{
    public EscalationStep Step { get; private set; } = null!;
    public WorkTask Task { get; private set; } = null!;
    public string UnitName { get; private set; } = "";
    public List<EscalationStep> Before { get; private set; } = [];
    public string Section { get; private set; } = "";
    public string? Responsible { get; private set; }
    public List<string> Copies { get; private set; } = [];
    public List<SheetReply> Replies { get; private set; } = [];
    public List<(Instruction Instruction, string Leader)> Instructions { get; private set; } = [];
    public Dictionary<int, string> People { get; private set; } = [];
    public SheetView View { get; private set; }
    public bool MayReply { get; private set; }
    public bool IsAdmin { get; private set; }
    public bool MayInstruct { get; private set; }
    public bool MayAcknowledge { get; private set; }

    /// <summary>送达情况: each recipient of the sheet's notice, read or not, and the heads told of an unread one.</summary>
    public List<SheetReader> Readers { get; private set; } = [];
    public List<(string Name, DateTime At)> Told { get; private set; } = [];

    [BindProperty] public List<IFormFile> Files { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, acknowledge: true, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReplyAsync(long id, string? text, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var uploads = new List<Evidence>();
        foreach (var file in Files.Take(evidenceOptions.Value.MaxFilesPerReport + 1))
        {
            await using var stream = file.OpenReadStream();
            var upload = await files.UploadAsync(viewer, file.FileName, stream, file.Length, ct);
            if (upload.Kind != OutcomeKind.Ok)
            {
                await files.DiscardAsync(uploads, ct);
                return await AfterAsync(id, upload, "", ct);
            }

            uploads.Add(upload.Value!);
        }

        var outcome = await replies.ReplyAsync(viewer, id, text, [.. uploads.Select(u => u.Id)], ct);
        if (outcome.Kind != OutcomeKind.Ok)
        {
            await files.DiscardAsync(uploads, ct);
        }

        return await AfterAsync(id, outcome, "已反馈，等待办公室审核", ct);
    }

    public async Task<IActionResult> OnPostDecideAsync(long id, long replyId, bool accept, string? note, CancellationToken ct) =>
        await AfterAsync(id, await replies.DecideAsync(await current.RequireAsync(ct), replyId, accept, note, ct), accept ? "已认可反馈，督办办结" : "已退回反馈", ct);

    public async Task<IActionResult> OnPostInstructAsync(long id, string? text, CancellationToken ct)
    {
        var taskId = await db.EscalationSteps.Where(s => s.Id == id).Select(s => (int?)s.TaskId).FirstOrDefaultAsync(ct);
        return taskId is null ? NotFound() : await AfterAsync(id, await instructions.WriteAsync(await current.RequireAsync(ct), taskId.Value, id, text, ct), "已批示", ct);
    }

    public async Task<IActionResult> OnPostAcknowledgeAsync(long id, long instructionId, CancellationToken ct) =>
        await AfterAsync(id, await instructions.AcknowledgeAsync(await current.RequireAsync(ct), instructionId, ct), "已签阅", ct);

    private async Task<IActionResult> AfterAsync<T>(long id, Outcome<T> outcome, string notice, CancellationToken ct)
    {
        if (outcome.Kind == OutcomeKind.Ok)
        {
            TempData["Notice"] = notice;
            return Redirect($"/Supervision/Sheet/{id}");
        }

        ModelState.Clear();
        return await LoadAsync(id, acknowledge: false, ct) ? this.Show(outcome, _ => Page()) : NotFound();
    }

    public string Name(int? id) => id is { } i && People.TryGetValue(i, out var n) ? n : "";

    public string Local(DateTime utc) => clock.ToLocal(utc).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<bool> LoadAsync(long id, bool acknowledge, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var step = await db.EscalationSteps.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id && s.UnitId == viewer.UnitId && s.Step == StepKind.Supervise, ct);
        // A sheet is seen by whoever may see its task, and by nobody else.
        if (step is null || await tasks.FindVisibleAsync(viewer, step.TaskId, ct) is not { } task)
        {
            return false;
        }

        if (acknowledge)
        {
            await replies.AcknowledgeAsync(viewer, step, task, ct);
            // Opening the sheet is reading what announced it (消息必达 counts on it).
            await inbox.MarkOpenedAsync(viewer, null, step.Id, ct: ct);
        }

        (Step, Task) = (step, task);
        UnitName = await db.Units.Where(u => u.Id == viewer.UnitId).Select(u => u.Name).FirstAsync(ct);
        Before = await db.EscalationSteps.AsNoTracking()
            .Where(s => s.TaskId == step.TaskId && s.Deadline == step.Deadline && s.DueOn == step.DueOn && s.Id < step.Id)
            .OrderBy(s => s.Id).ToListAsync(ct);
        People = await db.People.AsNoTracking().Where(p => p.UnitId == viewer.UnitId).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        Section = await db.Sections.Where(s => s.Id == task.LeadSectionId).Select(s => s.Name).FirstAsync(ct);
        Responsible = task.ResponsiblePersonId is { } r ? People.GetValueOrDefault(r) : null;
        // 抄送 the leaders in charge: the task's lead leader, or the leaders of its lead section; never the office itself.
        var leaderIds = task.LeadLeaderId is { } leader ? [leader]
            : await db.LeaderCharges.Where(c => c.UnitId == viewer.UnitId && c.SectionId == task.LeadSectionId).Select(c => c.LeaderId).ToListAsync(ct);
        Copies = [.. leaderIds.Distinct().Select(l => People.GetValueOrDefault(l)).OfType<string>()];
        Replies = await db.SheetReplies.AsNoTracking().Include(x => x.Evidence).Where(x => x.StepId == id).OrderBy(x => x.Id).ToListAsync(ct);
        Instructions = [.. (await db.Instructions.AsNoTracking().Where(i => i.StepId == id).OrderBy(i => i.Id).ToListAsync(ct)).Select(i => (i, People.GetValueOrDefault(i.LeaderId, "")))];
        Readers = [.. (await arrival.ReadersAsync(viewer.UnitId, [id], ct))[id]];
        Told = await arrival.ToldAsync(viewer.UnitId, id, ct);
        View = SheetStates.View(step.State, step.ReplyDueBy, task.CompletedOn is not null, clock.Today);
        MayReply = SheetReplies.MayReply(viewer, task) && View is not (SheetView.Replied or SheetView.Closed);
        IsAdmin = viewer.IsAdmin;
        MayInstruct = Luoshi.Features.Instructions.Instructions.MayWrite(viewer);
        MayAcknowledge = Luoshi.Features.Instructions.Instructions.MayAcknowledge(viewer, task);
        return true;
    }
}
