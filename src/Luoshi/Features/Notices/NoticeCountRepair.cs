using Luoshi.Data;
using Luoshi.Features.Shared.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Notices;

/// <summary>
/// The self-check of the unread counts, at start-up and once a day: each unit's counts are compared
/// with the notices themselves and any that differ are set right, so a drift (a notice removed by a
/// cascade the app did not see, a hand edit of the database, a bug) lasts a day at most. Set right
/// one count at a time, safely beside writers: the count's row is locked first, and only then are
/// the notices counted, in a statement that starts after every writer holding the row has committed;
/// a writer still to come adds its own delta on top.
/// </summary>
internal sealed class NoticeCountRepair(IServiceScopeFactory scopes, ILogger<NoticeCountRepair> log) : IDailyJob
{
    public string Name => "未读消息计数核对";

    public Task RunAsync(CancellationToken ct) => EachUnit.RunAsync(scopes, async (services, unitId) =>
    {
        var fixes = await RepairAsync(services.GetRequiredService<LuoshiDb>(), unitId, ct);
        foreach (var (key, kept, actual) in fixes)
        {
            log.LogWarning("Unread count of person {Person} ({Kind}) in unit {Unit} was {Kept}, the notices say {Actual}; set right", key.PersonId, key.Kind, key.UnitId, kept, actual);
        }
    }, ct);

    /// <summary>Sets right every count of the unit that differs from its notices; returns what it found.</summary>
    public static async Task<List<(NoticeCounts.Key Key, int Kept, int Actual)>> RepairAsync(LuoshiDb db, int unitId, CancellationToken ct)
    {
        var actual = await db.Notices.Where(n => n.UnitId == unitId && n.ReadAt == null)
            .GroupBy(n => new { n.RecipientId, n.Kind }).Select(g => new { g.Key.RecipientId, g.Key.Kind, Count = g.Count() })
            .ToDictionaryAsync(x => new NoticeCounts.Key(unitId, x.RecipientId, x.Kind), x => x.Count, ct);
        var kept = await db.NoticeCounters.Where(c => c.UnitId == unitId)
            .ToDictionaryAsync(c => new NoticeCounts.Key(unitId, c.PersonId, c.Kind), c => c.Unread, ct);
        var wrong = actual.Keys.Union(kept.Keys)
            .Select(k => (Key: k, Kept: kept.GetValueOrDefault(k), Actual: actual.GetValueOrDefault(k)))
            .Where(x => x.Kept != x.Actual).OrderBy(x => x.Key.PersonId).ThenBy(x => x.Key.Kind).ToList();
        foreach (var (key, _, _) in wrong)
        {
            await RecountAsync(db, key, ct);
        }

        return wrong;
    }

    /// <summary>One count from its notices, in a transaction of its own (see the class).</summary>
    private static async Task RecountAsync(LuoshiDb db, NoticeCounts.Key key, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Adding nothing creates the row if missing and, either way, locks it until commit.
        await NoticeCounts.ApplyAsync(db, [(key, 0)], ct);
        var (unit, person, kind) = (key.UnitId, key.PersonId, (int)key.Kind);
        await db.Database.ExecuteSqlAsync(
            $"""
            UPDATE "NoticeCounters" SET "Unread" = (SELECT COUNT(*) FROM "Notices" WHERE "UnitId" = {unit} AND "RecipientId" = {person} AND "Kind" = {kind} AND "ReadAt" IS NULL)
            WHERE "UnitId" = {unit} AND "PersonId" = {person} AND "Kind" = {kind}
            """, ct);
        await transaction.CommitAsync(ct);
    }
}
