using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Luoshi.Data;

/// <summary>
/// A number that moves whenever this process writes to the database through EF Core: after every
/// command that is not a plain SELECT (saves, ExecuteUpdate/ExecuteDelete, raw SQL) unless it is known
/// to have changed no row, and again after the commit of a transaction that wrote. What a request computes from the database (the viewer, the 待办 counts)
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
    private static long _access;

    public static long Current => Volatile.Read(ref _current);

    /// <summary>
    /// A second number that moves only with the writes that can change who a person is or what he or she
    /// may see: the logins and their sessions, people, charges, sections, units,
    /// the readers of restricted tasks, and tasks added, deleted or given another lead, leader,
    /// responsible person or restriction (<see cref="TouchesAccess"/>). (Cooperating sections are not among
    /// them: a section's cooperation is a sub-query of each task query, not part of the viewer.) The viewer and the session check
    /// are kept by it, so that a bureau's reports, which write all day, do not make every request load
    /// the person, the charges and the session again. Writes it cannot read (other instances) move it too.
    /// </summary>
    public static long Access => Volatile.Read(ref _access);

    public static readonly IInterceptor[] Interceptors = [new Commands(), new Transactions()];

    /// <summary>A write of this process: moves the generation and tells the other instances.</summary>
    public static void Bump()
    {
        Interlocked.Increment(ref _current);
        ClusterSignal.Raise();
    }

    /// <summary>A write of another instance, heard from the database: moves both generations here only
    /// (what it wrote is not known).</summary>
    public static void BumpFromElsewhere()
    {
        Interlocked.Increment(ref _current);
        Interlocked.Increment(ref _access);
    }

    /// <summary>The tables whose every write may change a viewer or a session (quoted, as in the SQL).</summary>
    private static readonly string[] AccessTables =
        ["\"People\"", "\"AspNetUsers\"", "\"AspNetUserTokens\"", "\"AspNetUserClaims\"", "\"AspNetUserLogins\"", "\"LeaderCharges\"", "\"Sections\"", "\"Units\"",
            "\"TaskReaders\""];

    /// <summary>The columns of a task that decide who sees it (<c>TaskAccess</c>, the restricted readers).</summary>
    private static readonly string[] AccessColumns = ["\"Restricted\"", "\"LeadLeaderId\"", "\"ResponsiblePersonId\"", "\"LeadSectionId\"", "\"UnitId\""];

    /// <summary>Whether a write statement may change a viewer or a session: it names an access table, adds
    /// or deletes tasks, or sets one of a task's access columns. A report's update of its task (progress,
    /// light, last report) does not. Unsure shapes count as access writes.</summary>
    internal static bool TouchesAccess(string sql)
    {
        foreach (var table in AccessTables)
        {
            if (sql.Contains(table, StringComparison.Ordinal))
            {
                return true;
            }
        }

        const string tasks = "\"Tasks\"";
        for (var at = sql.IndexOf(tasks, StringComparison.Ordinal); at >= 0; at = sql.IndexOf(tasks, at + tasks.Length, StringComparison.Ordinal))
        {
            var before = sql.AsSpan(0, at).TrimEnd();
            // INSERT INTO "Tasks", or DELETE FROM "Tasks" (not a sub-query's SELECT … FROM "Tasks").
            if (before.EndsWith("INTO", StringComparison.OrdinalIgnoreCase)
                || (before.EndsWith("FROM", StringComparison.OrdinalIgnoreCase) && before[..^4].TrimEnd().EndsWith("DELETE", StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }

            if (before.EndsWith("UPDATE", StringComparison.OrdinalIgnoreCase))
            {
                // The SET list runs to the statement's WHERE (or FROM, or its end): only it says what changes.
                var rest = sql.AsSpan(at + tasks.Length);
                var end = rest.Length;
                foreach (var stop in (ReadOnlySpan<string>)[" WHERE ", "\nWHERE ", " FROM ", "\nFROM ", ";"])
                {
                    var found = rest.IndexOf(stop, StringComparison.OrdinalIgnoreCase);
                    end = found >= 0 && found < end ? found : end;
                }

                foreach (var column in AccessColumns)
                {
                    if (rest[..end].Contains(column, StringComparison.Ordinal))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

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

    /// <summary>Transactions in which a write changed something: only their commit moves the generation
    /// again. A polled job's transaction that read, or wrote nothing, leaves the kept pages kept.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbTransaction, object> Written = [];
    private static readonly object Marked = new();
    private static readonly object MarkedAccess = new();

    /// <summary>Whether a statement that ran moves the generation: a write, unless it changed no row.</summary>
    internal static bool Moves(string sql, int? rows) => IsWrite(sql) && rows is not 0;

    /// <param name="rows">Rows the statement changed when known (a non-query); a write that changed none
    /// (the outbox's claim when nothing is due, a sweep that found nothing) is no write for the keepers.</param>
    private static void After(DbCommand command, int? rows = null)
    {
        if (Moves(command.CommandText, rows))
        {
            var access = TouchesAccess(command.CommandText);
            if (command.Transaction is { } transaction && (access || !Written.TryGetValue(transaction, out _)))
            {
                Written.AddOrUpdate(transaction, access ? MarkedAccess : Marked);
            }

            if (access)
            {
                Interlocked.Increment(ref _access);
            }

            Bump();
        }
    }

    private static void Committed(DbTransaction transaction)
    {
        if (Written.TryGetValue(transaction, out var mark))
        {
            Written.Remove(transaction);
            if (ReferenceEquals(mark, MarkedAccess))
            {
                Interlocked.Increment(ref _access);
            }

            Bump();
        }
    }

    private sealed class Commands : AfterCommands
    {
        protected override void Ran(DbCommand command, int? rows) => After(command, rows);

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
        public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(transaction);

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Committed(transaction);
            return Task.CompletedTask;
        }
    }
}
