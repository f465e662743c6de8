using Luoshi.Features.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Luoshi.Data;

/// <summary>What a backup must hold besides the database: the evidence files the reports point to,
/// and the data-protection keys without which logins, tokens and signed forms issued before the
/// backup can no longer be read. Null <see cref="SqliteFile"/> means the database is PostgreSQL.</summary>
internal sealed record DataFolders(string? SqliteFile, string Evidence, string Keys)
{
    public static DataFolders Of(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LuoshiDb>();
        var file = db.Database.IsSqlite()
            ? new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource
            : null;
        var evidence = services.GetRequiredService<IOptions<EvidenceOptions>>().Value.Folder;
        var keys = DataPaths.KeysFolder(services.GetRequiredService<IConfiguration>(), services.GetRequiredService<IWebHostEnvironment>().ContentRootPath);
        return new DataFolders(file, evidence, keys);
    }

    /// <summary>A connection of its own, unpooled, so the file is let go as soon as it is closed.</summary>
    public static Microsoft.Data.Sqlite.SqliteConnection Open(string file)
    {
        var connection = new Microsoft.Data.Sqlite.SqliteConnection(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ConnectionString);
        connection.Open();
        return connection;
    }
}
