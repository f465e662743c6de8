using Luoshi.Data;
using Luoshi.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Luoshi.Features.Supervision;

/// <summary>Held 督办单 come by the tens of thousands on a bureau's first day: COPY on PostgreSQL, EF elsewhere.</summary>
internal static class HeldSheetCopy
{
    public static async Task SaveAsync(LuoshiDb db, List<HeldSheet> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return;
        }

        if (!db.Database.IsNpgsql() || db.Database.CurrentTransaction is null)
        {
            db.HeldSheets.AddRange(rows);
            await db.SaveChangesAsync(ct);
            return;
        }

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await BatchCopy.CopyAsync(connection, """COPY "HeldSheets" ("UnitId", "TaskId", "Deadline", "DueOn", "HeldOn", "HeldAt", "Facts") FROM STDIN (FORMAT BINARY)""", rows, async (w, h) =>
        {
            await w.WriteAsync(h.UnitId, ct); await w.WriteAsync(h.TaskId, ct); await w.WriteAsync((int)h.Deadline, ct);
            await w.WriteAsync(h.DueOn, NpgsqlDbType.Date, ct); await w.WriteAsync(h.HeldOn, NpgsqlDbType.Date, ct);
            await w.WriteAsync(h.HeldAt, NpgsqlDbType.TimestampTz, ct); await w.WriteAsync(h.Facts, ct);
        }, ct);
    }
}
