using Luoshi.Data;
using Luoshi.Features.Notices;
using Luoshi.Features.Shared;
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

    /// <summary>The notices of the steps (each step lists its own in <see cref="EscalationStep.Notices"/>)
    /// and their outbox rows; the batch of the Notices feature.</summary>
    public NoticeBatch Notices { get; } = new();

    public async Task SaveAsync(LuoshiDb db, CancellationToken ct)
    {
        if (db.Database.IsNpgsql() && db.Database.CurrentTransaction is not null)
        {
            await CopyAsync(db, ct);
            return;
        }

        db.EscalationSteps.AddRange(Steps);
        db.TaskEvents.AddRange(Events);
        Notices.AddTo(db);
        await db.SaveChangesAsync(ct);
    }

    private async Task CopyAsync(LuoshiDb db, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await BatchCopy.ReserveIdsAsync(connection, "EscalationSteps", Steps, (s, id) => s.Id = id, ct);
        foreach (var step in Steps)
        {
            step.Notices.ForEach(n => n.StepId = step.Id);
        }

        await BatchCopy.CopyAsync(connection, """COPY "EscalationSteps" ("Id", "UnitId", "TaskId", "Deadline", "DueOn", "Step", "RaisedOn", "RaisedAt", "Year", "Sequence", "Facts", "ReplyDueBy", "State", "Source") FROM STDIN (FORMAT BINARY)""", Steps, async (w, s) =>
        {
            await w.WriteAsync(s.Id, ct); await w.WriteAsync(s.UnitId, ct); await w.WriteAsync(s.TaskId, ct); await w.WriteAsync((int)s.Deadline, ct);
            await w.WriteAsync(s.DueOn, NpgsqlDbType.Date, ct); await w.WriteAsync((int)s.Step, ct); await w.WriteAsync(s.RaisedOn, NpgsqlDbType.Date, ct);
            await w.WriteAsync(s.RaisedAt, NpgsqlDbType.TimestampTz, ct); await BatchCopy.WriteNullableAsync(w, s.Year, ct); await BatchCopy.WriteNullableAsync(w, s.Sequence, ct);
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
        await BatchCopy.CopyAsync(connection, """COPY "TaskEvents" ("UnitId", "TaskId", "At", "ActorId", "Kind", "Summary") FROM STDIN (FORMAT BINARY)""", Events, async (w, e) =>
        {
            await w.WriteAsync(e.UnitId, ct); await w.WriteAsync(e.TaskId, ct); await w.WriteAsync(e.At, NpgsqlDbType.TimestampTz, ct);
            await BatchCopy.WriteNullableAsync(w, e.ActorId, ct); await w.WriteAsync(e.Kind, ct); await w.WriteAsync(e.Summary, ct);
        }, ct);
        await Notices.CopyAsync(connection, ct);
    }
}
