using Luoshi.Data;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Supervision;

/// <summary>
/// Serialises a job for one unit across app instances, for the length of the caller's transaction.
/// PostgreSQL: a transaction-level advisory lock on (job, unit). SQLite has one writer at a time;
/// an empty write takes the write lock at once, so a second instance waits here instead of failing
/// later when it tries to write on top of what it read.
/// </summary>
internal static class UnitLock
{
    public static async Task TakeAsync(LuoshiDb db, int unitId, string job, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            var key = StableHash(job);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key}, {unitId})", ct);
        }
        else
        {
            await db.Database.ExecuteSqlAsync($"UPDATE \"Units\" SET \"Name\" = \"Name\" WHERE \"Id\" = {unitId}", ct);
        }
    }

    /// <summary>string.GetHashCode differs between processes; the lock key must not.</summary>
    private static int StableHash(string text)
    {
        var hash = 17;
        foreach (var c in text)
        {
            hash = unchecked((hash * 31) + c);
        }

        return hash;
    }
}
