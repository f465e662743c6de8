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

    /// <summary>Opening a notice marks it read and goes where its reader acts (or back to the inbox).</summary>
    public async Task<IActionResult> OnPostOpenAsync(long id, int? taskId, NoticeKind? kind, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        await inbox.MarkReadAsync(viewer, id, ct);
        return Redirect(taskId is null && await inbox.LinkAsync(viewer, id, ct) is { } link ? link : Where(kind, taskId));
    }

    /// <summary>A request or a decision opens the task at its requests; a new appeal opens the appeal.</summary>
    public static string Where(NoticeKind? kind, int? taskId) => (kind, taskId) switch
    {
        (_, null) => "/Notices",
        (NoticeKind.AppealReceived, { } t) => $"/Appeals/{t}",
        (NoticeKind.ExtensionRequested or NoticeKind.ExtensionDecided or NoticeKind.CompletionClaimed or NoticeKind.CompletionDecided, { } t) => $"/Tasks/{t}#requests",
        (_, { } t) => $"/Tasks/{t}",
    };

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        var count = await inbox.MarkReadAsync(await current.RequireAsync(ct), null, ct);
        TempData["Notice"] = $"已将 {count} 条消息标为已读";
        return Redirect("/Notices");
    }

    public string When(Notice n) => clock.ToLocal(n.CreatedAt).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
