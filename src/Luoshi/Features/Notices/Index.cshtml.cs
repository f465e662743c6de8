using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Luoshi.Features.Notices;

/// <summary>The inbox: newest first, a page at a time by cursor, filtered by category and unread;
/// read one, all, or all of a category.</summary>
internal sealed class IndexModel(Inbox inbox, CurrentViewer current, BureauClock clock) : PageModel
{
    public const int PageSize = 50;

    [FromQuery(Name = "unread")] public bool UnreadOnly { get; set; }

    /// <summary>Any kind of the category to show (see <see cref="NoticeCategories"/>).</summary>
    [FromQuery(Name = "kind")] public NoticeKind? Kind { get; set; }

    [FromQuery(Name = "before")] public long? Before { get; set; }

    public InboxPage Inbox { get; private set; } = new([], null);
    public Dictionary<NoticeKind, int> UnreadByKind { get; private set; } = [];
    public ILookup<long, NoticeDigestItem> Digests { get; private set; } = Array.Empty<NoticeDigestItem>().ToLookup(i => i.NoticeId);
    public NoticeCategory? Category => Kind is { } k ? NoticeCategories.Of(k) : null;
    public int Unread => UnreadByKind.Values.Sum();

    /// <summary>The categories with unread notices, and how many each.</summary>
    public IEnumerable<(NoticeCategory Category, int Unread)> UnreadCategories =>
        NoticeCategories.All.Select(c => (c, c.Kinds.Sum(k => UnreadByKind.GetValueOrDefault(k)))).Where(x => x.Item2 > 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        Inbox = await inbox.PageAsync(viewer, new InboxFilter(UnreadOnly, Category?.Kinds, Before), PageSize, ct);
        UnreadByKind = await inbox.UnreadByKindAsync(viewer, ct);
        Digests = await inbox.DigestItemsAsync(viewer, Inbox.Notices, ct);
    }

    /// <summary>A digest's body up to its list (the note before "本次共 N 项："), the list being shown as links.</summary>
    public static string DigestLead(Notice notice, int count)
    {
        var at = notice.Body.IndexOf("本次共", StringComparison.Ordinal);
        return (at > 0 ? notice.Body[..at] : "") + $"本次共 {count} 项：";
    }

    /// <summary>Opening a notice marks it read and goes where its reader acts (or back to the inbox).</summary>
    public async Task<IActionResult> OnPostOpenAsync(long id, int? taskId, NoticeKind? kind, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        await inbox.MarkReadAsync(viewer, id, ct);
        if (await inbox.FindAsync(viewer, id, ct) is { StepId: not null } sheetNotice)
        {
            return Redirect(Arrival.TrackedLinks.Target(sheetNotice));
        }

        return Redirect(taskId is null && await inbox.LinkAsync(viewer, id, ct) is { } link ? link : Where(kind, taskId));
    }

    /// <summary>A request or a decision opens the task at its requests; a new appeal opens the appeal.</summary>
    public static string Where(NoticeKind? kind, int? taskId) => (kind, taskId) switch
    {
        (_, null) => "/Notices",
        (NoticeKind.AppealReceived, { } t) => $"/Appeals/{t}",
        (NoticeKind.ProposalAssigned or NoticeKind.ProposalOpinionSubmitted or NoticeKind.ProposalReplied or NoticeKind.ProposalReopened, { } t) => $"/Proposals/{t}",
        (NoticeKind.ExtensionRequested or NoticeKind.ExtensionDecided or NoticeKind.CompletionClaimed or NoticeKind.CompletionDecided, { } t) => $"/Tasks/{t}#requests",
        (_, { } t) => $"/Tasks/{t}",
    };

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        var count = await inbox.MarkAllReadAsync(await current.RequireAsync(ct), null, ct);
        TempData["Notice"] = $"已将 {count} 条消息标为已读";
        return Redirect("/Notices");
    }

    /// <summary>Every unread notice of one category (the kind posted names it).</summary>
    public async Task<IActionResult> OnPostReadKindAsync(NoticeKind? readKind, CancellationToken ct)
    {
        if (readKind is not { } kind || !Enum.IsDefined(kind))
        {
            TempData["Notice"] = "请选择要标为已读的消息类别";
            return Redirect("/Notices");
        }

        var category = NoticeCategories.Of(kind);
        var count = await inbox.MarkAllReadAsync(await current.RequireAsync(ct), category.Kinds, ct);
        TempData["Notice"] = $"已将 {count} 条“{category.Name}”消息标为已读";
        return Redirect("/Notices");
    }

    public string When(Notice n) => clock.ToLocal(n.CreatedAt).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>This page's filters with another cursor, for the pager.</summary>
    public string Query(long? before)
    {
        var q = new List<string>();
        if (UnreadOnly)
        {
            q.Add("unread=true");
        }

        if (Kind is { } k)
        {
            q.Add($"kind={k}");
        }

        if (before is { } b)
        {
            q.Add($"before={b.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        }

        return "/Notices" + (q.Count > 0 ? "?" + string.Join("&", q) : "");
    }
}
