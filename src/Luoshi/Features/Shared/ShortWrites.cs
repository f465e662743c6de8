using System.Data.Common;
using Luoshi.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Luoshi.Features.Shared;

/// <summary>
/// Writes many rows in short transactions, so that a long import does not hold SQLite's one write lock
/// for its whole length: logins (a session row, a failed-password count) and reports wait at most for
/// one batch. Between batches on SQLite the writer pauses longer than Microsoft.Data.Sqlite waits
/// between its retries on a busy database (about 150 ms), or a waiting writer could find the lock
/// taken again every time it looked. PostgreSQL locks rows, not the database, so there is no pause;
/// the batches there only keep the change tracker (and the memory) small. The caller keeps the import
/// all or nothing on its own, for instance by writing under a parent row that stays hidden until the
/// last batch is in.
/// </summary>
internal static class ShortWrites
{
    public const int BatchRows = 5000;

    public static readonly TimeSpan SqlitePause = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Plain rows (no navigations, no recorded kinds), written with multi-row INSERTs (a hundred rows a
    /// statement) rather than through the change tracker: 200,000 rows through EF took a minute and a
    /// half on a loaded machine. Columns come from the EF model, so a new property is written without
    /// touching this.
    /// </summary>
    public static async Task InsertInBatchesAsync<T>(LuoshiDb db, IEnumerable<T> rows, CancellationToken ct) where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new ArgumentException($"{typeof(T).Name} is not in the model.", nameof(rows));
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().Where(p => !(p.IsPrimaryKey() && p.ValueGenerated != ValueGenerated.Never)).ToList();
        var head = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", columns.Select(c => $"\"{c.GetColumnName(table)}\""))}) VALUES ";
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            foreach (var batch in rows.Chunk(BatchRows))
            {
                await using (var transaction = await db.Database.BeginTransactionAsync(ct))
                {
                    foreach (var statement in batch.Chunk(100))
                    {
                        await using var command = db.Database.GetDbConnection().CreateCommand();
                        command.Transaction = transaction.GetDbTransaction();
                        command.CommandText = head + string.Join(", ", statement.Select((_, r) => "(" + string.Join(", ", columns.Select((_, c) => $"@p{r}_{c}")) + ")"));
                        for (var r = 0; r < statement.Length; r++)
                        {
                            for (var c = 0; c < columns.Count; c++)
                            {
                                command.Parameters.Add(Parameter(command, $"@p{r}_{c}", columns[c], statement[r]));
                            }
                        }

                        await command.ExecuteNonQueryAsync(ct);
                    }

                    await transaction.CommitAsync(ct);
                }

                if (db.Database.IsSqlite())
                {
                    await Task.Delay(SqlitePause, ct);
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static DbParameter Parameter(DbCommand command, string name, IProperty column, object row)
    {
        var value = column.PropertyInfo!.GetValue(row);
        if (column.GetTypeMapping().Converter is { } converter && value is not null)
        {
            value = converter.ConvertToProvider(value);
        }

        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        return parameter;
    }
}
