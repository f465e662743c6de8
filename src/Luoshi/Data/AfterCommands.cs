using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Luoshi.Data;

/// <summary>
/// A command interceptor that looks at each command only after it ran: its text, and the rows it
/// changed when known (a non-query). For those that follow writes: <see cref="WriteGeneration"/> and the
/// read replica's read-your-writes.
/// </summary>
internal abstract class AfterCommands : DbCommandInterceptor
{
    /// <param name="rows">Rows the statement changed, when known.</param>
    protected abstract void Ran(DbCommand command, int? rows);

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Ran(command, result);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Ran(command, result);
        return ValueTask.FromResult(result);
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Ran(command, null);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Ran(command, null);
        return ValueTask.FromResult(result);
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Ran(command, null);
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Ran(command, null);
        return ValueTask.FromResult(result);
    }
}
