using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Luoshi.Features.Notices.Arrival;

/// <summary>The office marks the categories the whole unit must get by every channel at once.</summary>
[Authorize(Policy = AdminOnly.Policy)]
internal sealed class RulesModel(NoticeChoices choices, CurrentViewer current, IOptions<MustArriveOptions> options) : PageModel
{
    public List<NoticeKind> Current { get; private set; } = [];
    public IReadOnlyList<NoticeKind> Always => options.Value.MustArriveKinds;
    public double Hours => options.Value.AfterWorkingHours;

    [BindProperty] public List<NoticeKind> Required { get; set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Current = await choices.UnitRequiredAsync((await current.RequireAsync(ct)).UnitId, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        await choices.SaveRequiredAsync(viewer.UnitId, [.. Required.Where(Enum.IsDefined).Distinct().Take(100)], ct);
        TempData["Notice"] = "已保存必达类别";
        return Redirect("/Admin/NoticeRules");
    }
}
