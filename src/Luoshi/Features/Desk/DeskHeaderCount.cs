using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;

namespace Luoshi.Features.Desk;

/// <summary>The 待办 link of the header, with the viewer's waiting items.</summary>
internal sealed class DeskHeaderCount(DeskCounts counts) : IHeaderCount
{
    public int Order => 1;
    public string Title => "待办";
    public string Href => "/Desk";
    public string LinkClass => "todo-link";
    public string CountId => "todo-count";

    public Task<int> CountAsync(Viewer viewer, CancellationToken ct = default) => counts.TotalAsync(viewer, ct);
}
