using Luoshi.Data;
using Luoshi.Features.PublicForms;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Luoshi.Features.Appeals;

/// <summary>科技工作者诉求: a public form with the same guard as the opinion box; the answer is a
/// receipt number and a secret code for checking the status.</summary>
[AllowAnonymous]
internal sealed class PublicAppealModel(LuoshiDb db, AppealDesk appeals, PublicFormGuard guard) : PublicFormPage(db, guard)
{
    [BindProperty]
    public string? Category { get; set; }

    public AppealReceipt? Receipt { get; private set; }

    public async Task<IActionResult> OnPostAsync(int unit, CancellationToken ct)
    {
        if (!await LoadUnitAsync(unit, ct))
        {
            return NotFound();
        }

        var problems = new FieldErrors();
        if (Category is null || !AppealCategories.All.Contains(Category))
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
