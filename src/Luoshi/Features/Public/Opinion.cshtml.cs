using System.ComponentModel.DataAnnotations;
using Luoshi.Data;
using Luoshi.Features.Rectification;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Public;

/// <summary>网上意见箱: anyone may leave an opinion; the answer is a receipt number and nothing else.</summary>
[EnableRateLimiting(PublicFormGuard.RateLimitPolicy)]
[RequestSizeLimit(64 * 1024)]
internal sealed class OpinionModel(LuoshiDb db, Rectifications rectifications, PublicFormGuard guard) : PageModel
{
    [BindProperty, Required(ErrorMessage = "请填写意见建议"), StringLength(PublicLimits.Content, ErrorMessage = "意见建议不能超过2000个字")]
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
    public string? Receipt { get; private set; }

    public async Task<IActionResult> OnGetAsync(int unit, CancellationToken ct)
    {
        if (!await LoadUnitAsync(unit, ct))
        {
            return NotFound();
        }

        Stamp = guard.Stamp();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int unit, CancellationToken ct)
    {
        if (!await LoadUnitAsync(unit, ct))
        {
            return NotFound();
        }

        var problems = new Problems();
        guard.Check(Website, Stamp, problems, (nameof(Text), Text), (nameof(SubmitterName), SubmitterName), (nameof(Contact), Contact));
        foreach (var (field, messages) in problems.ToDictionary())
        {
            Array.ForEach(messages, m => ModelState.AddModelError(field, m));
        }

        if (!ModelState.IsValid)
        {
            Stamp = guard.Stamp();
            return Page();
        }

        Receipt = (await rectifications.AddOpinionAsync(unit, new OpinionInput(Text, SubmitterName, Contact, OpinionSource.OnlineBox), null, ct)).Receipt;
        return Page();
    }

    private async Task<bool> LoadUnitAsync(int unit, CancellationToken ct)
    {
        UnitName = await db.Units.Where(u => u.Id == unit).Select(u => u.Name).FirstOrDefaultAsync(ct) ?? "";
        return UnitName.Length > 0;
    }
}
