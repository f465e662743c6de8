using Luoshi.Data;
using Luoshi.Features.Shared;
using Npgsql;
using NpgsqlTypes;

namespace Luoshi.Features.Notices;

/// <summary>
/// Notices and their outbox rows raised together, saved in the caller's transaction: through EF
/// (<see cref="AddTo"/>), or on PostgreSQL with COPY (<see cref="CopyAsync"/>) when a run raises
/// hundreds of thousands at once; ids are then reserved from the tables' sequences first, so that
/// deliveries can point at their notices. Either way the recipients' unread counts move in the same
/// transaction (<see cref="NoticeCounts"/>: the save's interceptor, or one upsert after the COPY).
/// </summary>
internal sealed class NoticeBatch
{
    public List<Notice> Notices { get; } = [];
    public List<NoticeDelivery> Deliveries { get; } = [];

    public void AddTo(LuoshiDb db)
    {
        db.Notices.AddRange(Notices);
        db.NoticeDeliveries.AddRange(Deliveries);
    }

    public async Task CopyAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await BatchCopy.ReserveIdsAsync(connection, "Notices", Notices, (n, id) => n.Id = id, ct);
        await BatchCopy.ReserveIdsAsync(connection, "NoticeDeliveries", Deliveries, (d, id) => d.Id = id, ct);
        await BatchCopy.CopyAsync(connection, """COPY "Notices" ("Id", "UnitId", "RecipientId", "Kind", "TaskId", "StepId", "Title", "Body", "CreatedAt") FROM STDIN (FORMAT BINARY)""", Notices, async (w, n) =>
        {
            await w.WriteAsync(n.Id, ct); await w.WriteAsync(n.UnitId, ct); await w.WriteAsync(n.RecipientId, ct); await w.WriteAsync((int)n.Kind, ct);
            await BatchCopy.WriteNullableAsync(w, n.TaskId, ct); await BatchCopy.WriteNullableAsync(w, n.StepId, ct);
            await w.WriteAsync(n.Title, ct); await w.WriteAsync(n.Body, ct); await w.WriteAsync(n.CreatedAt, NpgsqlDbType.TimestampTz, ct);
        }, ct);
        await BatchCopy.CopyAsync(connection, """COPY "NoticeDeliveries" ("Id", "UnitId", "NoticeId", "Channel", "Target", "MessageKey", "Status", "Attempts", "NextAttemptAt", "CreatedAt") FROM STDIN (FORMAT BINARY)""", Deliveries, async (w, d) =>
        {
            await w.WriteAsync(d.Id, ct); await w.WriteAsync(d.UnitId, ct); await w.WriteAsync(d.Notice?.Id ?? d.NoticeId, ct);
            await w.WriteAsync(d.Channel, ct); await w.WriteAsync(d.Target, ct); await w.WriteAsync(d.MessageKey, NpgsqlDbType.Uuid, ct);
            await w.WriteAsync((int)d.Status, ct); await w.WriteAsync(d.Attempts, ct);
            await w.WriteAsync(d.NextAttemptAt, NpgsqlDbType.TimestampTz, ct); await w.WriteAsync(d.CreatedAt, NpgsqlDbType.TimestampTz, ct);
        }, ct);
        // Last, so that the counters' row locks are held for the shortest time before the caller commits.
        await NoticeCounts.ApplyAsync(connection, NoticeCounts.Deltas(Notices), ct);
    }
}
