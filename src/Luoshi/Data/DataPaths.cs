namespace Luoshi.Data;

/// <summary>
/// Relative data paths (the SQLite file, the evidence folder, the data-protection keys) are taken
/// from the content root, not the working folder, so the app finds the same data however it was
/// started: <c>src/Luoshi/data/</c> under <c>dotnet run</c>, <c>data/</c> beside a published binary.
/// </summary>
internal static class DataPaths
{
    public const string DefaultKeys = "data/keys";

    public static string Resolve(string contentRoot, string path) => Path.GetFullPath(path, contentRoot);

    public static string KeysFolder(IConfiguration configuration, string contentRoot) =>
        Resolve(contentRoot, configuration["DataProtection:Folder"] ?? DefaultKeys);

    /// <summary>The SQLite connection string with its file made absolute (memory and URI names as given).</summary>
    public static string Sqlite(string connection, string contentRoot)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connection);
        if (builder.DataSource is ":memory:" or "" || builder.DataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return connection;
        }

        builder.DataSource = Resolve(contentRoot, builder.DataSource);
        return builder.ConnectionString;
    }
}
