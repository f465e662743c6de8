using Luoshi.Data;
using Luoshi.Features.PublicForms;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Luoshi.Features.Rectification;

/// <summary>网上意见箱: anyone may leave an opinion; the answer is a receipt number and nothing else.</summary>
[AllowAnonymous]
internal sealed class PublicOpinionModel(LuoshiDb db, Rectifications rectifications, PublicFormGuard guard) : PublicFormPage(db, guard)
{
    public string? Receipt { get; private set; }

    public async Task<IActionResult> OnPostAsync(int unit, CancellationToken ct)
    {
        if (!await LoadUnitAsync(unit, ct))
        {
            return NotFound();
        }

        if (Accept(new FieldErrors()))
        {
            Receipt = (await rectifications.AddOpinionAsync(unit, new OpinionInput(Text, SubmitterName, Contact, OpinionSource.OnlineBox), null, ct)).Receipt;
        }

        return Page();
    }
}
