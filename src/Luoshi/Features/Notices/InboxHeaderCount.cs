using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;

namespace Luoshi.Features.Notices;

/// <summary>The 消息 link of the header, with the viewer's unread notices.</summary>
internal sealed class InboxHeaderCount(Inbox inbox) : IHeaderCount
{
    public int Order => 2;
    public string Title => "消息";
    public string Href => "/Notices";
    public string LinkClass => "inbox";
    public string CountId => "unread-count";

    public Task<int> CountAsync(Viewer viewer, CancellationToken ct = default) => inbox.UnreadCountAsync(viewer, ct);
}
