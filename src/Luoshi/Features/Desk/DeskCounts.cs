using Luoshi.Data;
using Microsoft.Extensions.Caching.Memory;
using Luoshi.Features.Organisation;

namespace Luoshi.Features.Desk;

/// <summary>How many items one source holds for the viewer.</summary>
internal sealed record DeskCount(IToDoSource Source, int Count);

/// <summary>
/// The viewer's counts, one COUNT per source, asked once per request: the header badge and the
/// 待办 page and the dashboard's cards of the same request share them. Every page pays them (about
/// thirteen queries), so they are also kept for a few seconds per person and day, and used only while
/// <see cref="WriteGeneration"/> has not moved since they were counted: a request or decision is a
/// write, so it shows in the other person's badge on his or her next page.
/// </summary>
internal sealed class DeskCounts(IEnumerable<IToDoSource> sources, IMemoryCache memory, Shared.BureauClock clock)
{
    /// <summary>How long counts are kept at most: the bound for writes that bypass this process's EF
    /// Core (the notices' COPY, another instance).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    private readonly IReadOnlyList<IToDoSource> _sources = [.. sources.OrderBy(s => s.Order).ThenBy(s => s.Heading, StringComparer.Ordinal)];
    private (int PersonId, IReadOnlyList<DeskCount> Counts)? _counted;

    public async Task<IReadOnlyList<DeskCount>> ForAsync(Viewer viewer, CancellationToken ct = default)
    {
        if (_counted is { } done && done.PersonId == viewer.PersonId)
        {
            return done.Counts;
        }

        // Kept as numbers in the sources' order (the same in every request of the app), never the
        // sources themselves: they hold the request's DbContext.
        var key = (typeof(DeskCounts), viewer.PersonId, viewer.Role, viewer.SectionId, clock.Today);
        var counts = await memory.KeptAsync(key, WriteGeneration.Current, Lifetime, async () =>
        {
            // One after another: the sources share the request's DbContext.
            var counted = new int[_sources.Count];
            for (var i = 0; i < counted.Length; i++)
            {
                counted[i] = await _sources[i].CountAsync(viewer, ct);
            }

            return counted;
        }, kept => kept.Length == _sources.Count);
        _counted = (viewer.PersonId, [.. _sources.Select((s, i) => new DeskCount(s, counts[i]))]);
        return _counted.Value.Counts;
    }

    public async Task<int> TotalAsync(Viewer viewer, CancellationToken ct = default) => (await ForAsync(viewer, ct)).Sum(c => c.Count);

    /// <summary>The count of one kind of source, for a card that shows it (0 when not registered).</summary>
    public async Task<int> OfAsync<TSource>(Viewer viewer, CancellationToken ct = default) where TSource : IToDoSource =>
        (await ForAsync(viewer, ct)).Where(c => c.Source is TSource).Sum(c => c.Count);
}
