using System.Globalization;
using Luoshi.Data;

namespace Luoshi.Features.Record;

/// <summary>
/// The other side of deletion: every recorded row must have an entry. Which rows are recorded is decided
/// per kind by id: from the smallest id of that kind that has an entry in the unit, every row of that kind
/// in the unit must have one. Ids only grow, so rows saved before the record existed (an older database)
/// lie below that id and are not flagged, while a row inserted with SQL gets a larger id and is. A kind
/// the unit has no entry of yet is not checked: its first entry fixes where its record starts, and the
/// sealer keeps that start apart from the entries (<see cref="RecordStart"/>).
/// </summary>
internal static class RecordCoverage
{
    /// <param name="starts">Where each kind's record began (<see cref="RecordStart"/>), which still holds when
    /// the kind's entries were deleted.</param>
    /// <param name="recordedKeys">Every row key the unit's record has an entry for.</param>
    public static async Task UnrecordedRowsAsync(LuoshiDb db, int unit, IReadOnlyCollection<string> recordedKeys, IReadOnlyDictionary<string, long> starts, List<BrokenEntry> broken, CancellationToken ct)
    {
        foreach (var source in RecordedSources.All)
        {
            var recorded = recordedKeys.Where(k => RecordedSources.ForKey(k) == source).Select(k => IdOf(source, k)).OfType<long>().ToHashSet();
            long? from = recorded.Count > 0 ? recorded.Min() : null;
            if (starts.TryGetValue(source.Prefix, out var start) && (from is null || start < from))
            {
                from = start;
            }

            if (from is null)
            {
                continue;
            }

            foreach (var id in (await source.IdsFromAsync(db, unit, from.Value, ct)).Where(id => !recorded.Contains(id)).Order())
            {
                broken.Add(new BrokenEntry(unit, null, "-", source.Key(id), "数据库中有这条记录，留痕记录中却没有它的条目（记录被删除，或这条记录绕过应用写入）") { Unrecorded = true });
            }
        }
    }

    public static long? IdOf(RecordedSource source, string entityKey) =>
        long.TryParse(entityKey.AsSpan(source.Prefix.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
