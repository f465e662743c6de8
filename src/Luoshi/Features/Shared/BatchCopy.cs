using Npgsql;

namespace Luoshi.Features.Shared;

/// <summary>PostgreSQL's binary COPY for batches of new rows, with ids reserved up front so that
/// rows of one batch can point at each other.</summary>
internal static class BatchCopy
{
    public static async Task ReserveIdsAsync<T>(NpgsqlConnection connection, string table, List<T> rows, Action<T, long> set, CancellationToken ct)
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

    public static async Task CopyAsync<T>(NpgsqlConnection connection, string copy, List<T> rows, Func<NpgsqlBinaryImporter, T, Task> write, CancellationToken ct)
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

    public static Task WriteNullableAsync<T>(NpgsqlBinaryImporter w, T? value, CancellationToken ct) where T : struct =>
        value is { } v ? w.WriteAsync(v, ct) : w.WriteNullAsync(ct);
}
