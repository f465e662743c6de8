using System.IO.Compression;
using System.Text.Json;

namespace Luoshi.Data;

/// <summary>Puts a <see cref="BackupArchive"/> back: the database, the evidence files and the keys.</summary>
internal static class BackupRestore
{
    internal sealed record Result(BackupArchive.Contents Contents, string? SetAside);

    /// <summary>Why the archive cannot be restored over <paramref name="to"/>; null when it can.</summary>
    public static string? Refusal(ZipArchive zip, DataFolders to, bool force)
    {
        if (zip.GetEntry(BackupArchive.Manifest) is null || zip.GetEntry(BackupArchive.Database) is null)
        {
            return "这不是落实的备份文件（缺少 luoshi-backup.json 或 database/luoshi.db）。";
        }

        return !force && HasTables(to.SqliteFile!)
            ? $"数据库 {to.SqliteFile} 已有数据，未作改动。确要用备份覆盖，请加 --force（覆盖前会把现有数据库另存一份）。"
            : null;
    }

    /// <summary>
    /// Writes the archived database into the target with SQLite's backup API rather than copying the
    /// file over it: SQLite then deals with the target's write-ahead log itself, where a copied file
    /// beside a stale <c>-wal</c> would be corrupted by it. A database that is replaced is first
    /// saved beside itself.
    /// </summary>
    public static Result Restore(ZipArchive zip, DataFolders to, DateTime nowLocal)
    {
        var contents = JsonSerializer.Deserialize<BackupArchive.Contents>(zip.GetEntry(BackupArchive.Manifest)!.Open())!;
        var extracted = Path.GetTempFileName();
        try
        {
            zip.GetEntry(BackupArchive.Database)!.ExtractToFile(extracted, overwrite: true);
            using var source = DataFolders.Open(extracted);
            if (!Sound(source))
            {
                throw new InvalidDataException("备份中的数据库已损坏（PRAGMA quick_check 未通过），未作任何改动。");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(to.SqliteFile!)!);
            string? aside = null;
            if (HasTables(to.SqliteFile!))
            {
                aside = $"{to.SqliteFile}.before-restore-{nowLocal:yyyyMMddHHmmss}";
                using var current = DataFolders.Open(to.SqliteFile!);
                using var copy = DataFolders.Open(aside);
                current.BackupDatabase(copy);
            }

            using (var target = DataFolders.Open(to.SqliteFile!))
            {
                source.BackupDatabase(target);
            }

            Extract(zip, BackupArchive.EvidencePrefix, to.Evidence);
            Extract(zip, BackupArchive.KeysPrefix, to.Keys);
            return new Result(contents, aside);
        }
        finally
        {
            File.Delete(extracted);
        }
    }

    private static bool Sound(Microsoft.Data.Sqlite.SqliteConnection database)
    {
        try
        {
            using var check = database.CreateCommand();
            check.CommandText = "PRAGMA quick_check";
            return check.ExecuteScalar() as string == "ok";
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            // Not a database at all ("file is not a database").
            return false;
        }
    }

    private static bool HasTables(string file)
    {
        if (!File.Exists(file) || new FileInfo(file).Length == 0)
        {
            return false;
        }

        using var connection = DataFolders.Open(file);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table'";
        return (long)command.ExecuteScalar()! > 0;
    }

    private static void Extract(ZipArchive zip, string prefix, string folder)
    {
        var root = Path.GetFullPath(folder) + Path.DirectorySeparatorChar;
        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith(prefix, StringComparison.Ordinal) && e.Name.Length > 0))
        {
            var path = Path.GetFullPath(Path.Combine(root, entry.FullName[prefix.Length..]));
            // An entry named ../… must not write outside the folder.
            if (!path.StartsWith(root, StringComparison.Ordinal))
            {
                throw new InvalidDataException($"备份中的文件名不合法：{entry.FullName}");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            entry.ExtractToFile(path, overwrite: true);
        }
    }
}
