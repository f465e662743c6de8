using Luoshi.Data;
using Luoshi.Features.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Luoshi.Features.Tasks;

/// <summary>
/// The total of a filtered task list, kept for a few seconds per person and filter. Counting is most of
/// a list's cost when the filter is wide (the office's open tasks due within a month: 42,000 of 100,000
/// rows counted for a page of 20), and paging through the list or polling it asks the same count again.
/// A kept total is used only while <see cref="WriteGeneration"/> has not moved since it was counted
/// (any new, changed or completed task, any move of a person, is a write), as the viewer and the
/// dashboard are (README, "What is kept between requests"); writes that bypass this process's EF Core
/// are seen within <see cref="Lifetime"/>. The rows themselves are read on every request.
/// </summary>
internal sealed class TaskTotals(IMemoryCache memory)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    /// <summary>The count of <paramref name="query"/>, the viewer's visible tasks under <paramref name="filter"/>.</summary>
    public Task<int> CountAsync(Viewer viewer, TaskFilter filter, IQueryable<WorkTask> query, CancellationToken ct) =>
        // Per person, never per role: two people of one section may read different restricted tasks.
        memory.KeptAsync((typeof(TaskTotals), viewer.PersonId, viewer.UnitId, filter), WriteGeneration.Current, Lifetime, () => query.CountAsync(ct));
}
