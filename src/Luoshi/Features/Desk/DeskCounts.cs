using Luoshi.Features.Organisation;

namespace Luoshi.Features.Desk;

/// <summary>How many items one source holds for the viewer.</summary>
internal sealed record DeskCount(IToDoSource Source, int Count);

/// <summary>
/// The viewer's counts, one COUNT per source, asked once per request: the header badge and the
/// 待办 page and the dashboard's cards of the same request share them. Every count is a single
/// indexed query (see the bench's header-count line), so nothing is cached across requests and a
/// request or decision shows in the other person's badge on his or her next page.
/// </summary>
internal sealed class DeskCounts(IEnumerable<IToDoSource> sources)
{
    private readonly IReadOnlyList<IToDoSource> _sources = [.. sources.OrderBy(s => s.Order).ThenBy(s => s.Heading, StringComparer.Ordinal)];
    private (int PersonId, IReadOnlyList<DeskCount> Counts)? _counted;

    public async Task<IReadOnlyList<DeskCount>> ForAsync(Viewer viewer, CancellationToken ct = default)
    {
        if (_counted is { } done && done.PersonId == viewer.PersonId)
        {
            return done.Counts;
        }

        // One after another: the sources share the request's DbContext.
        var counts = new List<DeskCount>(_sources.Count);
        foreach (var source in _sources)
        {
            counts.Add(new(source, await source.CountAsync(viewer, ct)));
        }

        _counted = (viewer.PersonId, counts);
        return counts;
    }

    public async Task<int> TotalAsync(Viewer viewer, CancellationToken ct = default) => (await ForAsync(viewer, ct)).Sum(c => c.Count);

    /// <summary>The count of one kind of source, for a card that shows it (0 when not registered).</summary>
    public async Task<int> OfAsync<TSource>(Viewer viewer, CancellationToken ct = default) where TSource : IToDoSource =>
        (await ForAsync(viewer, ct)).Where(c => c.Source is TSource).Sum(c => c.Count);
}
