using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Proposals;

/// <summary>One request for a 协办 opinion, and its submission by the co-handler's office.</summary>
internal sealed class OpinionModel(LuoshiDb db, CurrentViewer current, ProposalOpinions opinions) : PageModel
{
    public OpinionRow Asked { get; private set; } = null!;

    /// <summary>What was typed into a refused form, shown again.</summary>
    public OpinionInput? Typed { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(long id, string? text, string? signer, CancellationToken ct)
    {
        Typed = new OpinionInput(text, signer);
        var outcome = await opinions.SubmitAsync(await current.RequireAsync(ct), id, Typed, ct);
        if (outcome.Kind == OutcomeKind.Ok)
        {
            TempData["Notice"] = "已提交协办意见";
            return Redirect($"/Proposals/Opinions/{id}");
        }

        db.ChangeTracker.Clear();
        ModelState.Clear();
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var shown = this.Show(outcome, _ => Page());
        ModelState.KeepVisible("", "", nameof(OpinionInput.Text), nameof(OpinionInput.Signer));
        return shown;
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var row = await opinions.Requests(await current.RequireAsync(ct), id).AsNoTracking().FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return false;
        }

        Asked = row;
        return true;
    }
}
