using Luoshi.Data;
using Luoshi.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Tasks;

/// <summary>
/// Makes the actions on one task take turns for the length of the caller's transaction, so that each
/// sees what the one before it saved: the second of two identical requests finds the first's pending
/// request, decision or signature and is refused, and reports move the task in the order they were
/// submitted. On PostgreSQL a SELECT … FOR NO KEY UPDATE takes the task's row lock (the lock an UPDATE
/// of the row would take, without writing a new version of it: an UPDATE that changes nothing still
/// writes one, with an entry in each of the table's indexes, on every report); on SQLite an UPDATE
/// that changes nothing takes the write lock (it has one writer anyway). Call it first in the
/// transaction, before anything is read.
/// The unique indexes and concurrency tokens stay as the last guard for any path that does not lock.
/// </summary>
internal static class TaskRowLock
{
    public static Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction> BeginAsync(LuoshiDb db, int unitId, int taskId, CancellationToken ct) =>
        BeginAsync(db, [(unitId, taskId)], ct);

    /// <summary>The same for several tasks at once (a batch of reports): their rows are locked in the order
    /// of their ids, as every batch locks them, so two batches waiting on each other's tasks cannot deadlock.</summary>
    public static async Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction> BeginAsync(LuoshiDb db, IEnumerable<(int UnitId, int TaskId)> tasks, CancellationToken ct)
    {
        var ordered = tasks.Distinct().OrderBy(t => t.TaskId).ThenBy(t => t.UnitId).ToList();
        var transaction = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsNpgsql() && ordered.Count > 1)
        {
            var units = ordered.Select(t => t.UnitId).ToArray();
            var ids = ordered.Select(t => t.TaskId).ToArray();
            await db.Database.ExecuteSqlAsync(
                $"SELECT 1 FROM \"Tasks\" WHERE (\"UnitId\", \"Id\") IN (SELECT * FROM unnest({units}, {ids})) ORDER BY \"Id\" FOR NO KEY UPDATE", ct);
        }
        else
        {
            foreach (var (unitId, taskId) in ordered)
            {
                await HoldAsync(db, unitId, taskId, ct);
            }
        }

        return transaction;
    }

    /// <summary>Takes one more task's row lock in the caller's transaction (a parent whose parts roll up into it).</summary>
    public static async Task HoldAsync(LuoshiDb db, int unitId, int taskId, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            // Run as a command, not a query: the rows are locked all the same, without a query's compilation.
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM \"Tasks\" WHERE \"Id\" = {taskId} AND \"UnitId\" = {unitId} FOR NO KEY UPDATE", ct);
        }
        else
        {
            await db.Database.ExecuteSqlAsync($"UPDATE \"Tasks\" SET \"Version\" = \"Version\" WHERE \"Id\" = {taskId} AND \"UnitId\" = {unitId}", ct);
        }
    }

    /// <summary>The same for an action on a row that belongs to a task (a request, a reply, a return):
    /// <paramref name="taskOfRow"/> finds the row's task within the unit. A row not found locks nothing,
    /// and the caller's reload inside the transaction then finds nothing either.</summary>
    public static async Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction> BeginForRowAsync(LuoshiDb db, int unitId, IQueryable<int> taskOfRow, CancellationToken ct) =>
        await BeginAsync(db, unitId, await taskOfRow.Select(id => (int?)id).FirstOrDefaultAsync(ct) ?? 0, ct);

    /// <summary>True when a save failed because another action won: a concurrency token or a unique index.</summary>
    public static bool LostRace(DbUpdateException e) => e.LostRace();
}
