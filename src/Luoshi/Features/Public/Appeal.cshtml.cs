using Luoshi.Data;
using Luoshi.Features.Appeals;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Luoshi.Features.Public;

/// <summary>科技工作者诉求: a public form with the same guard as the opinion box; the answer is a
/// receipt number and a secret code for checking the status.</summary>
internal sealed class AppealModel(LuoshiDb db, Appeals.Appeals appeals, PublicFormGuard guard) : PublicFormPage(db, guard)
{
    public static readonly IReadOnlyList<string> Categories = ["项目申报", "成果转化", "人才服务", "科研经费", "知识产权", "其他"];

    [BindProperty]
    public string? Category { get; set; }

    public AppealReceipt? Receipt { get; private set; }

    public async Task<IActionResult> OnPostAsync(int unit, CancellationToken ct)
    {
        if (!await LoadUnitAsync(unit, ct))
        {
            return NotFound();
        }

        var problems = new Problems();
        if (Category is null || !Categories.Contains(Category))
        {
            problems.Add(nameof(Category), "请选择诉求类别");
        }

        if (Accept(problems))
        {
            var outcome = await appeals.IntakeAsync(unit, null, new AppealInput(Text, Category!, SubmitterName, Contact), ct);
            Receipt = outcome.Value;
            foreach (var (field, messages) in outcome.Errors ?? [])
            {
                // The form calls the appeal's content its text.
                Array.ForEach(messages, m => ModelState.AddModelError(field == nameof(AppealInput.Content) ? nameof(Text) : field, m));
            }
        }

        return Page();
    }
}
