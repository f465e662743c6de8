using Luoshi.Features.Organisation;

namespace Luoshi.Features.Desk;

/// <summary>
/// One kind of thing that waits for a person (待签收, 待审批延期, 待处理督办单 …). The 待办 page and
/// the header count ask every registered source; a feature that makes people wait adds its own
/// source beside its code and registers it with <c>services.AddScoped&lt;IToDoSource, …&gt;()</c>, so
/// the desk never needs to know the features that feed it.
/// </summary>
internal interface IToDoSource
{
    /// <summary>The heading on the 待办 page, e.g. "待签收".</summary>
    string Heading { get; }

    /// <summary>Where the heading sits among the others: lower first.</summary>
    int Order { get; }

    /// <summary>How many items wait for the viewer: one cheap query, it runs on every page.</summary>
    Task<int> CountAsync(Viewer viewer, CancellationToken ct);

    /// <summary>The first <paramref name="take"/> items, most urgent first.</summary>
    Task<IReadOnlyList<ToDoItem>> ListAsync(Viewer viewer, int take, CancellationToken ct);
}

/// <summary>One line of the 待办 page: what, where to act, and by when.</summary>
internal sealed record ToDoItem(string Title, string Href, string? Detail, DateOnly? Due, bool Late);
