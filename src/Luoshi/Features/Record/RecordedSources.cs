using System.Reflection;
using Luoshi.Data;

namespace Luoshi.Features.Record;

/// <summary>
/// A kind of row the record can hold: its key prefix, how to get its id, and its canonical content
/// read from the database. The same reader runs when an entry is appended and when it is verified,
/// so an intact row always gives the content that was hashed.
/// </summary>
internal sealed record RecordedSource(
    string Prefix,
    Func<object, long?> IdOf,
    Func<LuoshiDb, int, List<long>, CancellationToken, Task<Dictionary<long, string>>> ContentsAsync,
    Func<LuoshiDb, int, long, CancellationToken, Task<List<long>>> IdsFromAsync)
{
    public string Key(long id) => $"{Prefix}:{id}";
}

/// <summary>
/// The kinds of row that are recorded. Each feature declares its own next to its entities, as
/// <c>static readonly RecordedSource</c> fields of a static class (for example
/// <c>Reports/ReportRecordedKinds.cs</c>), and calls <see cref="RecordChain.Append"/> where it saves
/// one; the record finds the declarations here and only chains and verifies, knowing no feature.
/// </summary>
internal static class RecordedSources
{
    public static readonly IReadOnlyList<RecordedSource> All = Declared();

    public static RecordedSource For(object row) =>
        All.FirstOrDefault(s => s.IdOf(row) is not null) ?? throw new ArgumentException($"{row.GetType().Name} is not a recorded kind of row.", nameof(row));

    public static RecordedSource? ForKey(string entityKey) => All.FirstOrDefault(s => entityKey.StartsWith(s.Prefix + ":", StringComparison.Ordinal));

    /// <summary>Every <see cref="RecordedSource"/> field of a static class in the app, in the order of
    /// their prefixes, so that lists and checks come out the same on every start.</summary>
    private static List<RecordedSource> Declared()
    {
        var found = typeof(RecordedSource).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: true, IsSealed: true })
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .Where(f => f.FieldType == typeof(RecordedSource) && f.IsInitOnly)
            .Select(f => (RecordedSource)f.GetValue(null)!)
            .OrderBy(s => s.Prefix, StringComparer.Ordinal)
            .ToList();
        var twice = found.GroupBy(s => s.Prefix).FirstOrDefault(g => g.Count() > 1);
        return twice is null ? found : throw new InvalidOperationException($"Two recorded kinds use the prefix {twice.Key}.");
    }
}
