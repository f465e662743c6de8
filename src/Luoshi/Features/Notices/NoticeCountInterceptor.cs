using Luoshi.Data;

namespace Luoshi.Features.Notices;

/// <summary>
/// Every save that adds notices (or reads or removes tracked ones) carries the matching
/// <see cref="NoticeCounts"/> deltas, written after the rows inside the save's transaction: the counts
/// and the notices commit or roll back together, whichever feature raised them.
/// </summary>
internal sealed class NoticeCountInterceptor : BesideSaveInterceptor<List<(NoticeCounts.Key Key, int Delta)>>
{
    public static readonly NoticeCountInterceptor Instance = new();

    protected override List<(NoticeCounts.Key Key, int Delta)>? Take(LuoshiDb db) => NoticeCounts.Deltas(db.ChangeTracker) is { Count: > 0 } deltas ? deltas : null;

    protected override Task WriteAsync(LuoshiDb db, List<(NoticeCounts.Key Key, int Delta)> taken, CancellationToken ct) => NoticeCounts.ApplyAsync(db, taken, ct);
}
