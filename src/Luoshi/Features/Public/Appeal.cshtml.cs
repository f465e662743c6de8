using System.ComponentModel.DataAnnotations;
using Luoshi.Data;
using Luoshi.Features.Appeals;
using Luoshi.Features.Rectification;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Public;

/// <summary>科技工作者诉求: a public form with the same guard as the opinion box; the answer is a
/// receipt number and a secret code for checking the status.</summary>
[EnableRateLimiting(PublicFormGuard.RateLimitPolicy)]
[RequestSizeLimit(64 * 1024)]
internal sealed class AppealModel(LuoshiDb db, Appeals.Appeals appeals, PublicFormGuard guard) : PageModel
{
    public static readonly IReadOnlyList<string> Categories = ["项目申报", "成果转化", "人才服务", "科研经费", "知识产权", "其他"];

    [BindProperty, Required(ErrorMessage = "请填写诉求内容"), StringLength(PublicLimits.Content, ErrorMessage = "诉求内容不能超过2000个字")]
    public string Text { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "请选择诉求类别")]
    public string Category { get; set; } = "";

    [BindProperty, StringLength(PublicLimits.Name, ErrorMessage = "姓名不能超过50个字")]
    public string? SubmitterName { get; set; }

    [BindProperty, StringLength(PublicLimits.Contact, ErrorMessage = "联系方式不能超过100个字")]
    public string? Contact { get; set; }

    [BindProperty]
    public string? Website { get; set; }

    [BindProperty]
    public string? Stamp { get; set; }

    public string UnitName { get; private set; } = "";
    public AppealReceipt? Receipt { get; private set; }

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
        if (!Categories.Contains(Category))
        {
            problems.Add(nameof(Category), "请选择诉求类别");
        }

        if (!problems.Any && ModelState.IsValid)
        {
            var outcome = await appeals.IntakeAsync(unit, null, new AppealInput(Text, Category, SubmitterName, Contact), ct);
            Receipt = outcome.Value;
            foreach (var (field, messages) in outcome.Errors ?? [])
            {
                Array.ForEach(messages, m => problems.Add(field, m));
            }
        }

        foreach (var (field, messages) in problems.ToDictionary())
        {
            Array.ForEach(messages, m => ModelState.AddModelError(field, m));
        }

        Stamp = guard.Stamp();
        return Page();
    }

    private async Task<bool> LoadUnitAsync(int unit, CancellationToken ct)
    {
        UnitName = await db.Units.Where(u => u.Id == unit).Select(u => u.Name).FirstOrDefaultAsync(ct) ?? "";
        return UnitName.Length > 0;
    }
}
