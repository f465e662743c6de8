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

    /// <summary>
    /// Before anything reads the ring: copies the folder's key files into an empty key table, and
    /// makes sure the table holds a key. Instances starting together take turns (a session advisory lock
    /// on PostgreSQL), so the second finds the first one's key instead of making its own: two keys made
    /// side by side would each be unknown to the other instance until its ring is read again, and a
    /// cookie issued by one would be refused by the other meanwhile. Returns how many files were copied.
    /// </summary>
    public static async Task<int> PrepareAsync(LuoshiDb db, IConfiguration config, string contentRoot, IDataProtectionProvider protection, CancellationToken ct = default)
    {
        if (Choose(config) != KeyStoreKind.Database)
        {
            return 0;
        }

        var postgres = db.Database.IsNpgsql();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (postgres)
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({LockKey})", ct);
            }

            var copied = await db.DataProtectionKeys.AnyAsync(ct) ? 0 : await CopyFolderAsync(db, config, contentRoot, ct);
            // Reads the ring, and makes and stores its first key when there is none.
            protection.CreateProtector("Luoshi.KeyStore").Protect("key ring");
            return copied;
        }
        finally
        {
            if (postgres)
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None);
            }

            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The lock the starting instances take turns on: one bigint, apart from the other locks.</summary>
    private const long LockKey = 0x4C756F73686B; // "Luoshk"

    /// <summary>The same shape the EF Core repository writes: the file's name without .xml, the element unformatted.</summary>
    private static async Task<int> CopyFolderAsync(LuoshiDb db, IConfiguration config, string contentRoot, CancellationToken ct)
    {
        var folder = new DirectoryInfo(DataPaths.KeysFolder(config, contentRoot));
        if (!folder.Exists)
        {
            return 0;
        }

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
        return files.Length;
    }
}
