using Luoshi.Data;
using Luoshi.Features.Notices;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Luoshi.Features.Supervision;

/// <summary>
/// What one run raises — steps, history lines, inbox notices and outbox rows — written together in
/// the caller's transaction. A bureau that starts the cycle with a backlog raises hundreds of
/// thousands of rows at once; on PostgreSQL they go in with COPY (ids reserved from the tables'
/// sequences first, so the rows can point at each other), elsewhere through EF.
/// </summary>
internal sealed class StepBatch
{
    public List<EscalationStep> Steps { get; } = [];
    public List<TaskEvent> Events { get; } = [];
    public List<Notice> Notices { get; } = [];
    public List<NoticeDelivery> Deliveries { get; } = [];

    public async Task SaveAsync(LuoshiDb db, CancellationToken ct)
    {
        if (db.Database.IsNpgsql() && db.Database.CurrentTransaction is not null)
        {
            await CopyAsync(db, ct);
            return;
        }

        db.EscalationSteps.AddRange(Steps);
        db.TaskEvents.AddRange(Events);
        db.Notices.AddRange(Notices);
        db.NoticeDeliveries.AddRange(Deliveries);
        await db.SaveChangesAsync(ct);
    }

    private async Task CopyAsync(LuoshiDb db, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await ReserveIdsAsync(connection, "EscalationSteps", Steps, (s, id) => s.Id = id, ct);
        await ReserveIdsAsync(connection, "Notices", Notices, (n, id) => n.Id = id, ct);
        await ReserveIdsAsync(connection, "NoticeDeliveries", Deliveries, (d, id) => d.Id = id, ct);

        await CopyAsync(connection, """COPY "EscalationSteps" ("Id", "UnitId", "TaskId", "Deadline", "DueOn", "Step", "RaisedOn", "RaisedAt", "Year", "Sequence", "Facts", "ReplyDueBy", "State", "Source") FROM STDIN (FORMAT BINARY)""", Steps, async (w, s) =>
        {
            await w.WriteAsync(s.Id, ct); await w.WriteAsync(s.UnitId, ct); await w.WriteAsync(s.TaskId, ct); await w.WriteAsync((int)s.Deadline, ct);
            await w.WriteAsync(s.DueOn, NpgsqlDbType.Date, ct); await w.WriteAsync((int)s.Step, ct); await w.WriteAsync(s.RaisedOn, NpgsqlDbType.Date, ct);
            await w.WriteAsync(s.RaisedAt, NpgsqlDbType.TimestampTz, ct); await WriteNullableAsync(w, s.Year, ct); await WriteNullableAsync(w, s.Sequence, ct);
            await w.WriteAsync(s.Facts, ct);
            if (s.ReplyDueBy is { } due)
            {
                await w.WriteAsync(due, NpgsqlDbType.Date, ct);
            }
            else
            {
                await w.WriteNullAsync(ct);
            }

            await w.WriteAsync((int)s.State, ct); await w.WriteAsync((int)s.Source, ct);
        }, ct);
        await CopyAsync(connection, """COPY "TaskEvents" ("UnitId", "TaskId", "At", "ActorId", "Kind", "Summary") FROM STDIN (FORMAT BINARY)""", Events, async (w, e) =>
        {
            await w.WriteAsync(e.UnitId, ct); await w.WriteAsync(e.TaskId, ct); await w.WriteAsync(e.At, NpgsqlDbType.TimestampTz, ct);
            await WriteNullableAsync(w, e.ActorId, ct); await w.WriteAsync(e.Kind, ct); await w.WriteAsync(e.Summary, ct);
        }, ct);
        await CopyAsync(connection, """COPY "Notices" ("Id", "UnitId", "RecipientId", "Kind", "TaskId", "StepId", "Title", "Body", "CreatedAt") FROM STDIN (FORMAT BINARY)""", Notices, async (w, n) =>
        {
            await w.WriteAsync(n.Id, ct); await w.WriteAsync(n.UnitId, ct); await w.WriteAsync(n.RecipientId, ct); await w.WriteAsync((int)n.Kind, ct);
            await WriteNullableAsync(w, n.TaskId, ct); await WriteNullableAsync(w, n.Step?.Id ?? n.StepId, ct);
            await w.WriteAsync(n.Title, ct); await w.WriteAsync(n.Body, ct); await w.WriteAsync(n.CreatedAt, NpgsqlDbType.TimestampTz, ct);
        }, ct);
        await CopyAsync(connection, """COPY "NoticeDeliveries" ("Id", "UnitId", "NoticeId", "Channel", "Target", "MessageKey", "Status", "Attempts", "NextAttemptAt", "CreatedAt") FROM STDIN (FORMAT BINARY)""", Deliveries, async (w, d) =>
        {
            await w.WriteAsync(d.Id, ct); await w.WriteAsync(d.UnitId, ct); await w.WriteAsync(d.Notice?.Id ?? d.NoticeId, ct);
            await w.WriteAsync(d.Channel, ct); await w.WriteAsync(d.Target, ct); await w.WriteAsync(d.MessageKey, NpgsqlDbType.Uuid, ct);
            await w.WriteAsync((int)d.Status, ct); await w.WriteAsync(d.Attempts, ct);
            await w.WriteAsync(d.NextAttemptAt, NpgsqlDbType.TimestampTz, ct); await w.WriteAsync(d.CreatedAt, NpgsqlDbType.TimestampTz, ct);
        }, ct);
    }

    private static async Task ReserveIdsAsync<T>(NpgsqlConnection connection, string table, List<T> rows, Action<T, long> set, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return;
        }

        await using var command = new NpgsqlCommand($"SELECT nextval(pg_get_serial_sequence('\"{table}\"', 'Id')) FROM generate_series(1, @n)", connection);
        command.Parameters.AddWithValue("n", rows.Count);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var i = 0;
        while (await reader.ReadAsync(ct))
        {
            set(rows[i++], reader.GetInt64(0));
        }
    }

    private static async Task CopyAsync<T>(NpgsqlConnection connection, string copy, List<T> rows, Func<NpgsqlBinaryImporter, T, Task> write, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return;
        }

        await using var importer = await connection.BeginBinaryImportAsync(copy, ct);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            await write(importer, row);
        }

        await importer.CompleteAsync(ct);
    }

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter w, T? value, CancellationToken ct) where T : struct =>
        value is { } v ? w.WriteAsync(v, ct) : w.WriteNullAsync(ct);
}
