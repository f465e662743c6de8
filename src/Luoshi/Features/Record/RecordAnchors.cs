using System.Globalization;
using Luoshi.Data;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Record;

/// <summary>A chain end kept outside the database: the unit's entry number and its hash.</summary>
internal sealed record Anchor(int UnitId, long Seq, string Hash)
{
    /// <summary>What the 留痕 page shows and <c>verify --anchor</c> takes: short enough to write down,
    /// long enough (64 bits of the hash) that no edited chain matches it by chance.</summary>
    public string Token => $"{UnitId}-{Seq}-{Hash[..Math.Min(16, Hash.Length)]}";

    public static Anchor? Parse(string token) =>
        token.Split('-') is [var unit, var seq, var hash]
        && int.TryParse(unit, CultureInfo.InvariantCulture, out var u) && long.TryParse(seq, CultureInfo.InvariantCulture, out var s)
        && hash.Length >= 8 && hash.All(char.IsAsciiHexDigitLower) ? new Anchor(u, s, hash) : null;

    /// <summary>One line of the anchor file: unit, number, hash, UTC time.</summary>
    public string Line(DateTime at) => $"{UnitId} {Seq} {Hash} {at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}";

    public static Anchor? FromLine(string line) =>
        line.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [var unit, var seq, var hash, ..]
        && int.TryParse(unit, CultureInfo.InvariantCulture, out var u) && long.TryParse(seq, CultureInfo.InvariantCulture, out var s) && hash.Length == 64
            ? new Anchor(u, s, hash) : null;
}

/// <summary>
/// Checks the chain against anchors kept outside the database. An edit inside the database can delete
/// the last entries and move the head back, or delete the whole record, consistently; it cannot change
/// what was written down or appended to a file elsewhere. So each anchored number must still be in the
/// chain with the anchored hash.
/// </summary>
internal static class RecordAnchors
{
    public const string DefaultFile = "data/record-anchors.log";

    public static string FileOf(IConfiguration config, string contentRoot) => DataPaths.Resolve(contentRoot, config["Record:AnchorFile"] ?? DefaultFile);

    public static List<Anchor> Read(string file) =>
        File.Exists(file) ? [.. File.ReadLines(file).Select(Anchor.FromLine).OfType<Anchor>()] : [];

    public static async Task CheckAsync(LuoshiDb db, IEnumerable<Anchor> anchors, int? onlyUnit, List<BrokenEntry> broken, CancellationToken ct)
    {
        foreach (var unit in anchors.Where(a => onlyUnit == null || a.UnitId == onlyUnit).GroupBy(a => a.UnitId))
        {
            var seqs = unit.Select(a => a.Seq).Distinct().ToList();
            var hashes = await db.RecordEntries.AsNoTracking().Where(e => e.UnitId == unit.Key && e.Seq != null && seqs.Contains(e.Seq.Value))
                .ToDictionaryAsync(e => e.Seq!.Value, e => e.Hash, ct);
            var last = await db.RecordEntries.Where(e => e.UnitId == unit.Key).MaxAsync(e => e.Seq, ct) ?? 0;
            foreach (var anchor in unit.DistinctBy(a => (a.Seq, a.Hash)).OrderBy(a => a.Seq))
            {
                var what = anchor.Seq > last ? $"链上最后是第 {last} 条，落后于锚点第 {anchor.Seq} 条（{anchor.Token}）：第 {last + 1} 条至第 {anchor.Seq} 条缺失（末尾条目被删除）"
                    : !hashes.TryGetValue(anchor.Seq, out var hash) ? $"锚点第 {anchor.Seq} 条（{anchor.Token}）已不在链上（被删除）"
                    : !hash.StartsWith(anchor.Hash, StringComparison.Ordinal) ? $"第 {anchor.Seq} 条的哈希与锚点 {anchor.Token} 不符：链在这一条或之前被改写"
                    : null;
                if (what is not null)
                {
                    broken.Add(new BrokenEntry(unit.Key, anchor.Seq, "anchor", anchor.Token, what));
                }
            }
        }
    }
}
