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
/// <summary>What a walk of the chain keeps of an entry it has passed: enough to compare its row and to
/// name it, with the hash of its content as stored (not the content itself).</summary>
internal sealed record ChainMark(long? Seq, string Kind, string EntityKey, long Id, RecordHashing Hashing, string StoredContentHash);

internal static class Verifier
{
    /// <summary>How often a long walk tells how far it has come.</summary>
    private const int ProgressEvery = 10_000;

    /// <summary>Entries read at a time: the walk holds one page of contents, never a unit's whole record.</summary>
    internal const int PageSize = 5_000;

    /// <param name="anchors">Chain ends kept outside the database (<see cref="RecordAnchors"/>); each must still be in the chain.</param>
    /// <param name="files">When given, the files the rows point at are checked too (Reports' evidence
    /// check hashes every evidence file against its SHA-256).</param>
    /// <param name="signatures">The features' checks of what they signed (<see cref="RecordSignatureCheck"/>).</param>
    public static async Task<Verification> VerifyAsync(LuoshiDb db, int? onlyUnit, CancellationToken ct, IReadOnlyList<Anchor>? anchors = null, RecordFileCheck? files = null,
        IEnumerable<RecordSignatureCheck>? signatures = null, VerifyProgress? progress = null, int pageSize = PageSize)
    {
        // The starts name a unit whose entries and head were all deleted.
        var units = await db.RecordHeads.Select(h => h.UnitId).Union(db.RecordEntries.Select(e => e.UnitId)).Union(db.RecordStarts.Select(s => s.UnitId))
            .Where(u => onlyUnit == null || u == onlyUnit).OrderBy(u => u).ToListAsync(ct);
        long count = 0, pending = 0;
        ChainPoint? reached = null;
        var broken = new List<BrokenEntry>();
        foreach (var unit in units)
        {
            var starts = await db.RecordStarts.AsNoTracking().Where(s => s.UnitId == unit).ToDictionaryAsync(s => s.Kind, s => s.FirstId, ct);
            var total = progress is null ? 0 : await db.RecordEntries.Where(e => e.UnitId == unit && e.Seq != null).LongCountAsync(ct);
            var walk = await WalkAsync(db, unit, ChainPoint.Start, starts.Count > 0, broken, progress is null ? null : done => progress(done, total), pageSize, ct);
            count += walk.Walked;
            pending += walk.Unsealed;
            reached = walk.Reached;
            await RecordCoverage.UnrecordedRowsAsync(db, unit, walk.Latest.Keys, starts, broken, ct);
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

        var started = from.Seq > 0 || await db.RecordStarts.AnyAsync(s => s.UnitId == unit, ct);
        var walk = await WalkAsync(db, unit, from, started, broken, null, PageSize, ct);
        return new Verification(walk.Walked, broken) { Pending = walk.Unsealed, Reached = walk.Reached };
    }

    /// <summary>
    /// One unit's chain from <paramref name="from"/> on, a page at a time: every link, content and entry
    /// hash, the numbering, the head, the seals after <paramref name="from"/>, the entries not yet sealed,
    /// and each recorded row as it is now against its latest entry. What it keeps between pages is a
    /// small mark per recorded row (<see cref="ChainMark"/>), not the entries' contents.
    /// </summary>
    private static async Task<Walk> WalkAsync(LuoshiDb db, int unit, ChainPoint from, bool started, List<BrokenEntry> broken, Func<long, Task>? progress, int pageSize,
        CancellationToken ct)
    {
        var seals = await RecordSeals.ReadAsync(db, unit, from.Seq, ct);
        var walk = new Walk(unit, from, seals.Select(s => s.Seq).ToHashSet(), broken);
        for (var after = from.Seq; ;)
        {
            var page = await db.RecordEntries.AsNoTracking().Where(e => e.UnitId == unit && e.Seq > after).OrderBy(e => e.Seq).Take(pageSize).ToListAsync(ct);
            foreach (var e in page)
            {
                walk.Link(e);
                if (progress is not null && walk.Walked % ProgressEvery == 0)
                {
                    await progress(walk.Walked);
                }
            }

            if (page.Count < pageSize)
            {
                break;
            }

            after = page[^1].Seq!.Value;
        }

        if (progress is not null)
        {
            await progress(walk.Walked);
        }

        walk.Reached = await HeadAsync(db, unit, walk, from.Seq, started, broken, ct);
        await RecordSeals.CheckAsync(db, unit, seals, walk.SealedHashes, walk.LastSm3, broken, ct, after: from.Seq);

        // Written but not yet sealed (a query of their own: with an OR, PostgreSQL read the unit's whole
        // record): their content is checked, their place in the chain comes later.
        var unsealed = await db.RecordEntries.AsNoTracking().Where(e => e.UnitId == unit && e.Seq == null).OrderBy(e => e.Id).ToListAsync(ct);
        foreach (var e in unsealed)
        {
            var hash = RecordChain.ContentHashOf(e);
            if (hash != e.ContentHash)
            {
                broken.Add(new BrokenEntry(unit, null, e.Kind, e.EntityKey, "内容与其哈希不符：内容在写入后被改动（尚未封存的条目）") { EntryId = e.Id });
            }

            walk.Latest[e.EntityKey] = new ChainMark(e.Seq, e.Kind, e.EntityKey, e.Id, e.Hashing, hash);
        }

        walk.Unsealed = unsealed.Count;
        await RowsAsync(db, unit, walk.Latest.Values, pageSize, broken, ct);
        return walk;
    }

    /// <summary>The state of a walk between pages.</summary>
    private sealed class Walk(int unit, ChainPoint from, IReadOnlySet<long> sealSeqs, List<BrokenEntry> broken)
    {
        public string Previous { get; private set; } = from.Hash;
        public long Expected { get; private set; } = from.Seq + 1;
        public long Walked { get; private set; }
        public long? LastEntryId { get; private set; } = from.EntryId;
        public string LastKind { get; private set; } = "-";
        public string LastKey { get; private set; } = "-";
        public ChainMark? LastSm3 { get; private set; }
        public long Unsealed { get; set; }
        public ChainPoint? Reached { get; set; }

        /// <summary>The latest entry of each recorded row (by its key), in chain order, then the unsealed ones.</summary>
        public Dictionary<string, ChainMark> Latest { get; } = [];

        /// <summary>The hashes at the places the seals signed.</summary>
        public Dictionary<long, string> SealedHashes { get; } = [];

        public void Link(RecordEntry e)
        {
            Walked++;
            // After a gap, the walk goes on from the entry that is there, so later breaks are named too.
            var what = e.Seq != Expected ? $"第 {Expected} 条至第 {e.Seq - 1} 条缺失（被删除）"
                : e.PreviousHash != Previous ? $"所记的前一哈希与第 {Expected - 1} 条的哈希不符"
                : null;
            var contentHash = RecordChain.ContentHashOf(e);
            what = string.Join("；", new[]
            {
                what,
                contentHash != e.ContentHash ? "内容与其哈希不符：内容在写入后被改动" : null,
                RecordChain.HashOf(e) != e.Hash ? "条目哈希不符：序号、类型、对象、时间或操作人在写入后被改动" : null,
            }.Where(w => w is not null));
            if (what.Length > 0)
            {
                broken.Add(new BrokenEntry(unit, e.Seq, e.Kind, e.EntityKey, what) { EntryId = e.Id });
            }

            Previous = e.Hash;
            Expected = e.Seq!.Value + 1;
            (LastEntryId, LastKind, LastKey) = (e.Id, e.Kind, e.EntityKey);
            var mark = new ChainMark(e.Seq, e.Kind, e.EntityKey, e.Id, e.Hashing, contentHash);
            Latest[e.EntityKey] = mark;
            if (sealSeqs.Contains(e.Seq.Value))
            {
                SealedHashes[e.Seq.Value] = e.Hash;
            }

            if (e.Hashing == RecordHashing.Sm3)
            {
                LastSm3 = mark;
            }
        }
    }

    /// <summary>The chain must end where the head says; returns the point the walk reached.</summary>
    private static async Task<ChainPoint> HeadAsync(LuoshiDb db, int unit, Walk walk, long fromSeq, bool started, List<BrokenEntry> broken, CancellationToken ct)
    {
        var head = await db.RecordHeads.AsNoTracking().FirstOrDefaultAsync(h => h.UnitId == unit, ct);
        // No head yet is fine while nothing has been sealed; once something was, the head must be there.
        if (head is null && walk.Walked == 0 && started && fromSeq == 0)
        {
            broken.Add(new BrokenEntry(unit, null, "-", "-", "记录头和全部条目都已不在，而这个单位的留痕记录已经开始（整个记录被删除）"));
        }
        else if (!((head is null && walk.Walked == 0 && fromSeq == 0) || (head is not null && head.Seq == walk.Expected - 1 && head.Hash == walk.Previous)))
        {
            broken.Add(new BrokenEntry(unit, walk.Expected - 1, walk.LastKind, walk.LastKey,
                $"链尾与记录头不符：记录头为第 {head?.Seq ?? 0} 条，链上最后是第 {walk.Expected - 1} 条（末尾条目被删除）"));
        }

        return new ChainPoint(walk.Expected - 1, walk.Previous, walk.LastEntryId);
    }

    /// <summary>Each recorded row as it is now against its latest entry: a row changed or deleted behind the
    /// app's back. A page of rows at a time, in the order of their entries.</summary>
    private static async Task RowsAsync(LuoshiDb db, int unit, IEnumerable<ChainMark> latest, int pageSize, List<BrokenEntry> broken, CancellationToken ct)
    {
        foreach (var chunk in latest.Chunk(pageSize))
        {
            var current = new Dictionary<string, string>();
            foreach (var group in chunk.GroupBy(e => RecordedSources.ForKey(e.EntityKey)))
            {
                if (group.Key is { } source)
                {
                    var ids = group.Select(e => RecordCoverage.IdOf(source, e.EntityKey)).OfType<long>().ToList();
                    foreach (var (id, content) in await source.ContentsAsync(db, unit, ids, ct))
                    {
                        current[source.Key(id)] = content;
                    }
                }
            }

            foreach (var e in chunk)
            {
                var now = current.GetValueOrDefault(e.EntityKey);
                var changed = now is not null && RecordChain.Hash(e.Hashing, now) != e.StoredContentHash;
                // Only a changed row's entry is read again whole, to name what changed.
                var changes = changed
                    ? Differences(await db.RecordEntries.AsNoTracking().Where(r => r.Id == e.Id).Select(r => r.Content).FirstAsync(ct), now!)
                    : [];
                var what = RecordedSources.ForKey(e.EntityKey) is null ? "无法识别所记录的对象"
                    : now is null ? "数据库中已没有这条记录（被删除）"
                    : changed ? $"数据库中的当前记录与所记内容不符（{string.Join("、", changes)}）"
                    : null;
                if (what is not null)
                {
                    broken.Add(new BrokenEntry(unit, e.Seq, e.Kind, e.EntityKey, what) { Changes = changes, EntryId = e.Id });
                }
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
