using System.IO.Compression;
using System.Text.Json;

namespace Luoshi.Data;

/// <summary>
/// One zip holding a SQLite installation: <c>database/luoshi.db</c>, <c>evidence/…</c>, <c>keys/…</c>
/// and <c>luoshi-backup.json</c> saying what is in it.
/// </summary>
internal static class BackupArchive
{
    public const string Manifest = "luoshi-backup.json";
    public const string Database = "database/luoshi.db";
    public const string EvidencePrefix = "evidence/";
    public const string KeysPrefix = "keys/";

    internal sealed record Contents(DateTime CreatedAtUtc, long DatabaseBytes, int EvidenceFiles, int KeyFiles);

    /// <summary>
    /// Copies the database with SQLite's online backup API, which reads one consistent snapshot while
    /// the app goes on writing. The database is copied before the evidence folder: a report's files
    /// are stored before its row is committed and never removed afterwards, so every file the copied
    /// rows point to is already there when the folder is read.
    /// </summary>
    public static Contents Write(DataFolders from, string archive, DateTime nowUtc)
    {
        var snapshot = Path.GetTempFileName();
        try
        {
            using (var source = DataFolders.Open(from.SqliteFile!))
            using (var copy = DataFolders.Open(snapshot))
            {
                source.BackupDatabase(copy);
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(archive))!);
            var partial = archive + ".part";
            Contents contents;
            using (var zip = ZipFile.Open(partial, ZipArchiveMode.Create))
            {
                zip.CreateEntryFromFile(snapshot, Database, CompressionLevel.Optimal);
                // Evidence is mostly PDFs and images, already compressed.
                var evidence = AddFolder(zip, from.Evidence, EvidencePrefix, CompressionLevel.Fastest);
                var keys = AddFolder(zip, from.Keys, KeysPrefix, CompressionLevel.Optimal);
                contents = new Contents(nowUtc, new FileInfo(snapshot).Length, evidence, keys);
                using var manifest = zip.CreateEntry(Manifest).Open();
                JsonSerializer.Serialize(manifest, contents);
            }

            // Moved into place only when complete, so a failed run never leaves a truncated backup under the name.
            File.Move(partial, archive, overwrite: true);
            return contents;
        }
        finally
        {
            File.Delete(snapshot);
        }
    }

    private static int AddFolder(ZipArchive zip, string folder, string prefix, CompressionLevel level)
    {
        if (!Directory.Exists(folder))
        {
            return 0;
        }

        var count = 0;
        // A .part file is an upload still being written (FolderEvidenceStore); no row points to it yet.
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".part", StringComparison.Ordinal)))
        {
            zip.CreateEntryFromFile(file, prefix + Path.GetRelativePath(folder, file).Replace('\\', '/'), level);
            count++;
        }

        return count;
    }
}
