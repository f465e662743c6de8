using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Luoshi.Features.Tasks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Proposals;

/// <summary>One proposal in the 主办 unit: its clock, the co-handlers' opinions, the extension (office),
/// the reply (lead section or office) and the satisfaction (office).</summary>
internal sealed class DetailModel(LuoshiDb db, CurrentViewer current, ProposalDesk desk, ProposalOpinions opinions, ProposalFiles files, BureauClock clock) : PageModel
{
    public ProposalDto Proposal { get; private set; } = null!;
    public IReadOnlyList<string> Recipients { get; private set; } = [];
    public bool IsAdmin { get; private set; }
    public bool MayReply { get; private set; }
    public DateOnly Today => clock.Today;

    // What was typed into a refused form, shown again.
    public ExtensionInput? Extended { get; private set; }
    public ReplyInput? Replied { get; private set; }
    public SatisfactionInput? Recorded { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetFileAsync(int id, int round, CancellationToken ct) =>
        await ProposalDetail.OpenAsync(db, files, await current.RequireAsync(ct), id, round, ct) switch
        {
            null => NotFound(),
            { Bytes: { } bytes } o => File(bytes, o.File.ContentType!, o.File.FileName),
            _ => StatusCode(StatusCodes.Status410Gone),
        };

    public async Task<IActionResult> OnPostExtendAsync(int id, int months, string? reason, CancellationToken ct)
    {
        Extended = new ExtensionInput(months, reason);
        return await DoAsync(id, "Extend", v => desk.ExtendAsync(v, id, Extended, ct), ct);
    }

    public async Task<IActionResult> OnPostReplyAsync(int id, string? text, DateOnly? repliedOn, string? resultClass, string? signer, List<string>? deliveredTo, IFormFile? file, CancellationToken ct)
    {
        Replied = new ReplyInput { Text = text, RepliedOn = repliedOn, ResultClass = resultClass, Signer = signer, DeliveredTo = deliveredTo };
        return await DoAsync(id, "Reply", v => desk.ReplyAsync(v, id, Replied, file, ct), ct);
    }

    public async Task<IActionResult> OnPostSatisfactionAsync(int id, string? satisfaction, string? note, CancellationToken ct)
    {
        Recorded = new SatisfactionInput(satisfaction, note);
        return await DoAsync(id, "Satisfaction", v => desk.RecordSatisfactionAsync(v, id, Recorded, ct), ct);
    }

    /// <summary>Each form's messages stand under its own name ("Reply.Text"), beside its fields;
    /// those about fields it does not show stand at its top ("Reply").</summary>
    private async Task<IActionResult> DoAsync<T>(int id, string form, Func<Viewer, Task<Outcome<T>>> action, CancellationToken ct)
    {
        var outcome = await action(await current.RequireAsync(ct));
        if (outcome.Kind == OutcomeKind.Ok)
        {
            TempData["Notice"] = form switch { "Extend" => "已延期", "Reply" => "已登记答复", _ => "已录入满意度" };
            return Redirect($"/Proposals/{id}");
        }

        db.ChangeTracker.Clear();
        ModelState.Clear();
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var shown = this.Show(outcome, _ => Page(), form + ".");
        ModelState.KeepVisible(form + ".", form, form switch
        {
            "Extend" => ["Months", "Reason"],
            "Reply" => ["Text", "RepliedOn", "ResultClass", "Signer", "DeliveredTo", "File"],
            _ => ["Satisfaction", "Note"],
        });
        return shown;
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        if (await ProposalDetail.LoadAsync(db, opinions, viewer, id, ct) is not { } proposal)
        {
            return false;
        }

        var task = await db.Tasks.AsNoTracking().FirstAsync(t => t.Id == id, ct);
        var details = await db.Proposals.AsNoTracking().FirstAsync(p => p.TaskId == id, ct);
        (Proposal, Recipients, IsAdmin, MayReply) = (proposal, ProposalDesk.Recipients(details), viewer.IsAdmin, (await viewer.RightsOnAsync(db, task, ct)).ReportAsLead);
        return true;
    }
}
