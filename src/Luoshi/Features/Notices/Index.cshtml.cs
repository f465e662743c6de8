using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Luoshi.Features.Notices;

internal sealed class IndexModel(Inbox inbox, CurrentViewer current, BureauClock clock) : PageModel
{
    [FromQuery(Name = "unread")] public bool UnreadOnly { get; set; }
    public List<Notice> Notices { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Notices = await inbox.ListAsync(await current.RequireAsync(ct), UnreadOnly, 200, ct);

    /// <summary>Opening a notice marks it read and goes to its task (or back to the inbox).</summary>
    public async Task<IActionResult> OnPostOpenAsync(long id, int? taskId, CancellationToken ct)
    {
        await inbox.MarkReadAsync(await current.RequireAsync(ct), id, ct);
        return Redirect(taskId is { } t ? $"/Tasks/{t}" : "/Notices");
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        var count = await inbox.MarkReadAsync(await current.RequireAsync(ct), null, ct);
        TempData["Notice"] = $"已将 {count} 条消息标为已读";
        return Redirect("/Notices");
    }

    public string When(Notice n) => clock.ToLocal(n.CreatedAt).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
