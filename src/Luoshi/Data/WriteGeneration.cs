using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Luoshi.Data;

/// <summary>
/// A number that moves whenever this process writes to the database through EF Core: after every
/// command that is not a plain SELECT (saves, ExecuteUpdate/ExecuteDelete, raw SQL) and
/// again after every commit. What a request computes from the database (the viewer, the 待办 counts)
/// may be kept for a few seconds when it is stored with the generation read before computing it and
/// used only while the generation is still the same: a role change, a section move, a deactivation, a
/// decision are all writes, so the very next request computes afresh. The bump after the commit
/// closes the gap of a reader that read the old rows while a transaction was still open.
/// Writes that bypass EF Core (the notices' COPY) are bounded by the keeper's own short lifetime
/// instead. Per process and shared by every app of the process (tests run several): a write of one
/// only makes the others compute again. On PostgreSQL every local move is also told to the other
/// instances (<see cref="ClusterSignal"/>, <see cref="WriteListener"/>), whose generation moves in turn.
/// </summary>
internal static class WriteGeneration
{
    private static long _current;

    public static long Current => Volatile.Read(ref _current);

    public static readonly IInterceptor[] Interceptors = [new Commands(), new Transactions()];

    /// <summary>A write of this process: moves the generation and tells the other instances.</summary>
    public static void Bump()
    {
        Interlocked.Increment(ref _current);
        ClusterSignal.Raise();
    }

    /// <summary>A write of another instance, heard from the database: moves the generation here only.</summary>
    public static void BumpFromElsewhere() => Interlocked.Increment(ref _current);

    /// <summary>Plain reads leave the generation alone; anything else (or anything unsure) moves it. The
    /// keywords are matched with the space after them, so quoted names such as "UpdatedAt" do not count.</summary>
    internal static bool IsWrite(string sql)
    {
        var text = sql.AsSpan().TrimStart();
        if (!text.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return text.Contains("INSERT ", StringComparison.OrdinalIgnoreCase) || text.Contains("UPDATE ", StringComparison.OrdinalIgnoreCase)
            || text.Contains("DELETE ", StringComparison.OrdinalIgnoreCase);
    }

    private static void After(DbCommand command)
    {
        if (IsWrite(command.CommandText))
        {
            Bump();
        }
    }

    private sealed class Commands : DbCommandInterceptor
    {
        public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
        {
            After(command);
            return result;
        }

        public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            After(command);
            return ValueTask.FromResult(result);
        }

        public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
        {
            After(command);
            return result;
        }

        public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            After(command);
            return ValueTask.FromResult(result);
        }

        public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
        {
            After(command);
            return result;
        }

        public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
        {
            After(command);
            return ValueTask.FromResult(result);
        }

        /// <summary>A write that failed may still have written before it failed (a batch): move on anyway.</summary>
        public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => After(command);

        public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
        {
            After(command);
            return Task.CompletedTask;
        }
    }

    private sealed class Transactions : DbTransactionInterceptor
    {
        public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Bump();

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Bump();
            return Task.CompletedTask;
        }
    }
}
