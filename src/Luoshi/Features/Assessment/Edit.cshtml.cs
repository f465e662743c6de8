using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Luoshi.Features.Assessment;

/// <summary>The office changes a scheme's settings until it is locked.</summary>
internal sealed class EditModel(AssessmentData data, AssessmentEditor editor, CurrentViewer current) : PageModel
{
    [FromQuery(Name = "id")] public int Id { get; set; }
    [BindProperty] public SchemeInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        if (!viewer.IsAdmin || await data.FindAsync(viewer, Id, ct) is not { IsLocked: false } scheme)
        {
            return NotFound();
        }

        Input = SchemeInput.From(scheme);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        this.Show(await editor.UpdateSchemeAsync(await current.RequireAsync(ct), Id, Input, ct), s => RedirectToPage("/Assessment/Detail", new { id = s.Id }), "Input.");
}
