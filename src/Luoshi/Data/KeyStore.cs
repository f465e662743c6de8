using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Data;

/// <summary>Where the data-protection keys live.</summary>
internal enum KeyStoreKind
{
    /// <summary>XML files in <c>DataProtection:Folder</c>: one instance, or a folder every instance mounts.</summary>
    Folder,

    /// <summary>The <c>DataProtectionKeys</c> table: every instance on the database reads the same ring.</summary>
    Database,
}

/// <summary>
/// The keys that sign the login cookies and protect the robots' tokens must be the same on every
/// instance, or a cookie issued by one is refused by the next. On PostgreSQL (the database several
/// instances share) they are kept in the database unless the operator named a folder; SQLite is one
/// instance and keeps the folder. <c>DataProtection:Store</c> (<c>Folder</c> or <c>Database</c>) overrides
/// both. The first start on the database copies the folder's keys in, so an existing deployment's
/// sessions and protected secrets survive the move.
/// </summary>
internal static class KeyStore
{
    /// <summary>An explicit <c>DataProtection:Store</c> wins; then an explicit <c>DataProtection:Folder</c>
    /// (a deployment that set one keeps it); then the database on PostgreSQL, the folder on SQLite.</summary>
    public static KeyStoreKind Choose(IConfiguration config)
    {
        if (config["DataProtection:Store"] is { Length: > 0 } named)
        {
            return Enum.TryParse<KeyStoreKind>(named, ignoreCase: true, out var kind)
                ? kind
                : throw new InvalidOperationException($"DataProtection:Store 只能是 Folder 或 Database，现为 {named}。");
        }

        if (config["DataProtection:Folder"] is { Length: > 0 })
        {
            return KeyStoreKind.Folder;
        }

        return DatabaseSetup.Resolve(config).Provider == DatabaseProvider.Postgres ? KeyStoreKind.Database : KeyStoreKind.Folder;
    }

    public static IDataProtectionBuilder Persist(IDataProtectionBuilder keys, IConfiguration config, string contentRoot) =>
        Choose(config) == KeyStoreKind.Database
            ? keys.PersistKeysToDbContext<LuoshiDb>()
            : keys.PersistKeysToFileSystem(new DirectoryInfo(DataPaths.KeysFolder(config, contentRoot)));

    /// <summary>Copies the folder's key files into an empty key table, once, before anything reads the
    /// ring. Two instances starting together take turns (an advisory lock on PostgreSQL), so the keys
    /// are copied once. Returns how many were copied.</summary>
    public static async Task<int> ImportFolderAsync(LuoshiDb db, IConfiguration config, string contentRoot, CancellationToken ct = default)
    {
        if (Choose(config) != KeyStoreKind.Database)
        {
            return 0;
        }

        var folder = new DirectoryInfo(DataPaths.KeysFolder(config, contentRoot));
        if (!folder.Exists)
        {
            return 0;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtext('luoshi-key-import'))", ct);
        }

        if (await db.DataProtectionKeys.AnyAsync(ct))
        {
            return 0;
        }

        // The same shape the EF Core repository writes: the file's name without .xml, the element unformatted.
        var files = folder.GetFiles("key-*.xml");
        foreach (var file in files)
        {
            db.DataProtectionKeys.Add(new DataProtectionKey
            {
                FriendlyName = Path.GetFileNameWithoutExtension(file.Name),
                Xml = XElement.Load(file.FullName).ToString(SaveOptions.DisableFormatting),
            });
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return files.Length;
    }
}
