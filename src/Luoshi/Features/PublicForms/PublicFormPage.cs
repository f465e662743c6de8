using System.ComponentModel.DataAnnotations;
using Luoshi.Data;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.PublicForms;

/// <summary>What the public forms share: the unit in the route, the text, name and contact within
/// their limits, the honeypot and the signed stamp, and the guard's checks.</summary>
[EnableRateLimiting(PublicFormGuard.RateLimitPolicy)]
[RequestSizeLimit(64 * 1024)]
internal abstract class PublicFormPage(LuoshiDb db, PublicFormGuard guard) : PageModel
{
    [BindProperty, Required(ErrorMessage = "请填写内容"), StringLength(PublicLimits.Content, ErrorMessage = "内容不能超过2000个字")]
    public string Text { get; set; } = "";

    [BindProperty, StringLength(PublicLimits.Name, ErrorMessage = "姓名不能超过50个字")]
    public string? SubmitterName { get; set; }

    [BindProperty, StringLength(PublicLimits.Contact, ErrorMessage = "联系方式不能超过100个字")]
    public string? Contact { get; set; }

    /// <summary>The honeypot: hidden from people, filled by robots.</summary>
    [BindProperty]
    public string? Website { get; set; }

    [BindProperty]
    public string? Stamp { get; set; }

    public string UnitName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int unit, CancellationToken ct)
    {
        if (!await LoadUnitAsync(unit, ct))
        {
            return NotFound();
        }

        Stamp = guard.Stamp();
        return Page();
    }

    /// <summary>Loads the unit and runs the guard; false when the unit does not exist.</summary>
    protected async Task<bool> LoadUnitAsync(int unit, CancellationToken ct)
    {
        UnitName = await db.Units.Where(u => u.Id == unit).Select(u => u.Name).FirstOrDefaultAsync(ct) ?? "";
        return UnitName.Length > 0;
    }

    /// <summary>Adds the guard's messages (and any others) to the form; true when it may be saved.</summary>
    protected bool Accept(FieldErrors problems)
    {
        guard.Check(Website, Stamp, problems, (nameof(Text), Text), (nameof(SubmitterName), SubmitterName), (nameof(Contact), Contact));
        foreach (var (field, messages) in problems.ToDictionary())
        {
            Array.ForEach(messages, m => ModelState.AddModelError(field, m));
        }

        // A refused form gets a fresh stamp, so a person correcting it is not held to the first one (a
        // stamp counts once). Out of the model state too, or the form would show the posted one again.
        ModelState.Remove(nameof(Stamp));
        Stamp = guard.Stamp();
        return ModelState.IsValid;
    }
}
