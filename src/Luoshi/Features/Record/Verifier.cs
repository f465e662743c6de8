using System.Text.Json;
using Luoshi.Data;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Record;

/// <summary>An entry that no longer matches, or a recorded row without its entry, and how.</summary>
internal sealed record BrokenEntry(int UnitId, long? Seq, string Kind, string EntityKey, string What)
{
    /// <summary>The fields that differ, as "field: recorded → now" (raw stored values), when a row was changed.</summary>
    public IReadOnlyList<string> Changes { get; init; } = [];

    /// <summary>A recorded row that has no entry at all.</summary>
    public bool Unrecorded { get; init; }

    /// <summary>The entry's row id, when the break is an entry of the chain (the full check names it).</summary>
    public long? EntryId { get; init; }

    public string Place => Seq is { } n ? $"第 {n} 条" : Unrecorded ? "无条目" : Kind == "evidence" ? "佐证文件" : "待封存条目";

    public override string ToString() => $"单位 {UnitId} {Place}（{Kind}，{EntityKey}）：{What}";
}

/// <summary>A check of files kept outside the database, which adds what it finds to the broken list.</summary>
internal delegate Task RecordFileCheck(LuoshiDb db, int? onlyUnit, List<BrokenEntry> broken, CancellationToken ct);

/// <summary>A check of what the features above sign with the unit's SM2 key (Reviews' issued bulletins):
/// run by every verification, since the signed rows are in the database, not in files.</summary>
internal delegate Task RecordSignatureCheck(LuoshiDb db, int? onlyUnit, List<BrokenEntry> broken, CancellationToken ct);

/// <summary>The file checks the features register (the evidence store's, from Reports), run one after another.</summary>
internal static class RecordFileChecks
{
    public static RecordFileCheck? Together(IEnumerable<RecordFileCheck> checks)
    {
        var all = checks.ToList();
        return all.Count == 0 ? null : async (db, onlyUnit, broken, ct) =>
        {
            foreach (var check in all)
            {
                await check(db, onlyUnit, broken, ct);
            }
        };
    }
}

/// <summary>A place in a unit's chain: its number and hash. <see cref="Start"/> is before the first entry.</summary>
internal sealed record ChainPoint(long Seq, string Hash, long? EntryId = null)
{
    public static readonly ChainPoint Start = new(0, RecordChain.Genesis);
}

/// <summary>How far a long check has come: entries checked of the unit's entries.</summary>
internal delegate Task VerifyProgress(long done, long total);

internal sealed record Verification(long Entries, IReadOnlyList<BrokenEntry> Broken)
{
    /// <summary>The chain end this check walked to (one unit's check): the next incremental check starts there.</summary>
    public ChainPoint? Reached { get; init; }

    public BrokenEntry? FirstBroken => Broken.Count > 0 ? Broken[0] : null;

    /// <summary>Entries written but not yet sealed into the chain (their content was checked).</summary>
    public long Pending { get; init; }

    public bool Intact => Broken.Count == 0;
}

/// <summary>
/// Walks each unit's chain in order and checks every link, naming every break rather than the first: the content against its hash, the entry
/// against its hash and the one before, the numbering (a gap is a deleted entry) and the head (a
/// deleted last entry). Then compares each recorded row as it is now with its latest entry, which
/// catches a row edited or deleted in the database behind the app's back.
/// </summary>
internal static class Verifier
{
    /// <summary>How often a long walk tells how far it has come.</summary>
    private const int ProgressEvery = 10_000;

    /// <param name="anchors">Chain ends kept outside the database (<see cref="RecordAnchors"/>); each must still be in the chain.</param>
    /// <param name="files">When given, the files the rows point at are checked too (Reports' evidence
    /// check hashes every evidence file against its SHA-256).</param>
    /// <param name="signatures">The features' checks of what they signed (<see cref="RecordSignatureCheck"/>).</param>
    public static async Task<Verification> VerifyAsync(LuoshiDb db, int? onlyUnit, CancellationToken ct, IReadOnlyList<Anchor>? anchors = null, RecordFileCheck? files = null,
        IEnumerable<RecordSignatureCheck>? signatures = null, VerifyProgress? progress = null)
    {
        // The starts name a unit whose entries and head were all deleted.
        var units = await db.RecordHeads.Select(h => h.UnitId).Union(db.RecordEntries.Select(e => e.UnitId)).Union(db.RecordStarts.Select(s => s.UnitId))
            .Where(u => onlyUnit == null || u == onlyUnit).OrderBy(u => u).ToListAsync(ct);
        long count = 0, pending = 0;
        ChainPoint? reached = null;
        var broken = new List<BrokenEntry>();
        foreach (var unit in units)
        {
            var all = await db.RecordEntries.AsNoTracking().Where(e => e.UnitId == unit).ToListAsync(ct);
            var entries = all.Where(e => e.Seq != null).OrderBy(e => e.Seq).ToList();
            // Written but not yet sealed: their content is checked, their place in the chain comes later.
            var unsealed = all.Where(e => e.Seq == null).OrderBy(e => e.Id).ToList();
            count += entries.Count;
            pending += unsealed.Count;
            var starts = await db.RecordStarts.AsNoTracking().Where(s => s.UnitId == unit).ToDictionaryAsync(s => s.Kind, s => s.FirstId, ct);
            reached = await ChainAsync(db, unit, entries, starts.Count > 0, broken, ChainPoint.Start, progress, ct);
            await RecordSeals.CheckAsync(db, unit, entries, broken, ct);
            broken.AddRange(unsealed.Where(e => RecordChain.ContentHashOf(e) != e.ContentHash)
                .Select(e => new BrokenEntry(unit, null, e.Kind, e.EntityKey, "内容与其哈希不符：内容在写入后被改动（尚未封存的条目）")));
            await RowsAsync(db, unit, [.. entries, .. unsealed], broken, ct);
            await RecordCoverage.UnrecordedRowsAsync(db, unit, all, starts, broken, ct);
        }

        // After the chains, so a unit whose record (head included) was deleted whole is still named.
        await RecordAnchors.CheckAsync(db, anchors ?? [], onlyUnit, broken, ct);
        foreach (var check in signatures ?? [])
        {
            await check(db, onlyUnit, broken, ct);
        }

        if (files is not null)
        {
            await files(db, onlyUnit, broken, ct);
        }

        return new Verification(count, broken) { Pending = pending, Reached = units.Count == 1 ? reached : null };
    }

    /// <summary>
    /// The check an office runs in a request: the entries sealed since <paramref name="from"/> (the
    /// last point a check found intact), linked on to it, their seals, the entries not yet sealed, and
    /// the rows those entries record as they are now. Its cost follows the entries since then, not the
    /// history. An edit before <paramref name="from"/> that leaves the hash at <paramref name="from"/>
    /// in place, a row nobody recorded, the anchors and the signed bulletins are the full check's
    /// (<see cref="VerifyAsync"/>, run as a job).
    /// </summary>
    public static async Task<Verification> VerifySinceAsync(LuoshiDb db, int unit, ChainPoint from, CancellationToken ct)
    {
        var broken = new List<BrokenEntry>();
        if (from.Seq > 0)
        {
            var there = await db.RecordEntries.AsNoTracking().Where(e => e.UnitId == unit && e.Seq == from.Seq).Select(e => e.Hash).FirstOrDefaultAsync(ct);
            if (there != from.Hash)
            {
                broken.Add(new BrokenEntry(unit, from.Seq, "-", "-", there is null ? $"上次校验到的第 {from.Seq} 条已不在链上（被删除）"
                    : $"第 {from.Seq} 条的哈希与上次校验时不符：链在这一条或之前被改写") { EntryId = from.EntryId });
            }
        }

        // Two queries, one per index (the chain's and the unsealed one's): with an OR, PostgreSQL read the unit's whole record.
        var entries = await db.RecordEntries.AsNoTracking().Where(e => e.UnitId == unit && e.Seq > from.Seq).OrderBy(e => e.Seq).ToListAsync(ct);
        var unsealed = await db.RecordEntries.AsNoTracking().Where(e => e.UnitId == unit && e.Seq == null).OrderBy(e => e.Id).ToListAsync(ct);
        var started = from.Seq > 0 || await db.RecordStarts.AnyAsync(s => s.UnitId == unit, ct);
        var reached = await ChainAsync(db, unit, entries, started, broken, from, null, ct);
        await RecordSeals.CheckAsync(db, unit, entries, broken, ct, after: from.Seq);
        broken.AddRange(unsealed.Where(e => RecordChain.ContentHashOf(e) != e.ContentHash)
            .Select(e => new BrokenEntry(unit, null, e.Kind, e.EntityKey, "内容与其哈希不符：内容在写入后被改动（尚未封存的条目）") { EntryId = e.Id }));
        await RowsAsync(db, unit, [.. entries, .. unsealed], broken, ct);
        return new Verification(entries.Count, broken) { Pending = unsealed.Count, Reached = reached };
    }

    /// <summary>Walks the entries on from <paramref name="from"/>; returns the point it reached.</summary>
    private static async Task<ChainPoint> ChainAsync(LuoshiDb db, int unit, List<RecordEntry> entries, bool started, List<BrokenEntry> broken,
        ChainPoint from, VerifyProgress? progress, CancellationToken ct)
    {
        var previous = from.Hash;
        var expected = from.Seq + 1;
        var walked = 0L;
        foreach (var e in entries)
        {
            if (progress is not null && ++walked % ProgressEvery == 0)
            {
                await progress(walked, entries.Count);
            }

            // After a gap, the walk goes on from the entry that is there, so later breaks are named too.
            var what = e.Seq != expected ? $"第 {expected} 条至第 {e.Seq - 1} 条缺失（被删除）"
                : e.PreviousHash != previous ? $"所记的前一哈希与第 {expected - 1} 条的哈希不符"
                : null;
            what = string.Join("；", new[]
            {
                what,
                RecordChain.ContentHashOf(e) != e.ContentHash ? "内容与其哈希不符：内容在写入后被改动" : null,
                RecordChain.HashOf(e) != e.Hash ? "条目哈希不符：序号、类型、对象、时间或操作人在写入后被改动" : null,
            }.Where(w => w is not null));
            if (what.Length > 0)
            {
                broken.Add(new BrokenEntry(unit, e.Seq, e.Kind, e.EntityKey, what) { EntryId = e.Id });
            }

            previous = e.Hash;
            expected = e.Seq!.Value + 1;
        }

        var head = await db.RecordHeads.AsNoTracking().FirstOrDefaultAsync(h => h.UnitId == unit, ct);
        // No head yet is fine while nothing has been sealed; once something was, the head must be there.
        if (progress is not null)
        {
            await progress(entries.Count, entries.Count);
        }

        if (head is null && entries.Count == 0 && started && from.Seq == 0)
        {
            broken.Add(new BrokenEntry(unit, null, "-", "-", "记录头和全部条目都已不在，而这个单位的留痕记录已经开始（整个记录被删除）"));
        }
        else if (!((head is null && entries.Count == 0 && from.Seq == 0) || (head is not null && head.Seq == expected - 1 && head.Hash == previous)))
        {
            broken.Add(new BrokenEntry(unit, expected - 1, entries.LastOrDefault()?.Kind ?? "-", entries.LastOrDefault()?.EntityKey ?? "-",
                $"链尾与记录头不符：记录头为第 {head?.Seq ?? 0} 条，链上最后是第 {expected - 1} 条（末尾条目被删除）"));
        }

        return new ChainPoint(expected - 1, previous, entries.LastOrDefault()?.Id ?? from.EntryId);
    }

    private static async Task RowsAsync(LuoshiDb db, int unit, List<RecordEntry> entries, List<BrokenEntry> broken, CancellationToken ct)
    {
        var latest = entries.GroupBy(e => e.EntityKey).Select(g => g.Last()).ToList();
        var current = new Dictionary<string, string>();
        foreach (var group in latest.GroupBy(e => RecordedSources.ForKey(e.EntityKey)))
        {
            if (group.Key is not { } source)
            {
                continue;
            }

            var ids = group.Select(e => RecordCoverage.IdOf(source, e.EntityKey)).OfType<long>().ToList();
            foreach (var (id, content) in await source.ContentsAsync(db, unit, ids, ct))
            {
                current[source.Key(id)] = content;
            }
        }

        foreach (var e in latest)
        {
            var changes = current.TryGetValue(e.EntityKey, out var now) && now != e.Content ? Differences(e.Content, now) : [];
            var what = RecordedSources.ForKey(e.EntityKey) is null ? "无法识别所记录的对象"
                : now is null ? "数据库中已没有这条记录（被删除）"
                : now != e.Content ? $"数据库中的当前记录与所记内容不符（{string.Join("、", changes)}）"
                : null;
            if (what is not null)
            {
                broken.Add(new BrokenEntry(unit, e.Seq, e.Kind, e.EntityKey, what) { Changes = changes, EntryId = e.Id });
            }
        }
    }

    private static List<string> Differences(string recorded, string now)
    {
        using var before = JsonDocument.Parse(recorded);
        using var after = JsonDocument.Parse(now);
        var was = before.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetRawText());
        var isNow = after.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetRawText());
        return was.Keys.Union(isNow.Keys).Where(k => was.GetValueOrDefault(k) != isNow.GetValueOrDefault(k))
            .Select(k => $"{k}: {was.GetValueOrDefault(k) ?? "无"} → {isNow.GetValueOrDefault(k) ?? "无"}").ToList();
    }
}
