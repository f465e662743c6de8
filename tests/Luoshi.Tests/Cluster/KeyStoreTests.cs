using Luoshi.Data;
using Luoshi.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Tests.Cluster;

/// <summary>Where the data-protection keys live, and the move of an existing deployment's folder into the database.</summary>
public class KeyStoreTests
{
    [Theory]
    [InlineData("Host=127.0.0.1;Database=x", null, null, "Database")]
    [InlineData("Host=127.0.0.1;Database=x", "/var/lib/luoshi/keys", null, "Folder")]
    [InlineData("Host=127.0.0.1;Database=x", "/var/lib/luoshi/keys", "Database", "Database")]
    [InlineData("Data Source=data/luoshi.db", null, null, "Folder")]
    [InlineData("Data Source=data/luoshi.db", null, "database", "Database")]
    public void TheStoreIsTheDatabaseOnPostgresUnlessAFolderOrAStoreIsNamed(string connection, string? folder, string? store, string expected)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Luoshi"] = connection,
            ["DataProtection:Folder"] = folder,
            ["DataProtection:Store"] = store,
        }).Build();
        Assert.Equal(expected, KeyStore.Choose(config).ToString());
    }

    [Fact]
    public async Task TheFoldersKeysAreCopiedIntoAnEmptyTableOnceAndWhatTheyProtectedStillOpens()
    {
        var app = TestApp.For("keys-postgres");
        var folder = Directory.CreateTempSubdirectory("luoshi-keys-").FullName;
        var keys = Path.Combine(folder, "keys");
        var byFolder = new ServiceCollection();
        byFolder.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(keys)).SetApplicationName("Luoshi");
        var sealedBefore = byFolder.BuildServiceProvider().GetRequiredService<IDataProtectionProvider>().CreateProtector("Luoshi.Tests").Protect("钉钉机器人密钥");

        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Luoshi"] = app.ConnectionString,
            ["DataProtection:Store"] = "Database",
            ["DataProtection:Folder"] = keys,
        }).Build();

        async Task<(int Copied, IDataProtectionProvider Provider)> StartAsync()
        {
            var services = new ServiceCollection();
            services.AddScoped<LuoshiDb>(_ => app.Services.GetRequiredService<IDbContextFactory<PostgresDb>>().CreateDbContext());
            KeyStore.Persist(services.AddDataProtection(), config, folder).SetApplicationName("Luoshi");
            var provider = services.BuildServiceProvider();
            await using var scope = provider.CreateAsyncScope();
            var copied = await KeyStore.PrepareAsync(scope.ServiceProvider.GetRequiredService<LuoshiDb>(), config, folder, provider.GetRequiredService<IDataProtectionProvider>());
            return (copied, provider.GetRequiredService<IDataProtectionProvider>());
        }

        var (copied, first) = await StartAsync();
        Assert.Equal(1, copied);
        Assert.Equal("钉钉机器人密钥", first.CreateProtector("Luoshi.Tests").Unprotect(sealedBefore));

        // The next start (another instance) copies nothing and makes no key of its own.
        var (again, second) = await StartAsync();
        Assert.Equal(0, again);
        Assert.Equal("钉钉机器人密钥", second.CreateProtector("Luoshi.Tests").Unprotect(sealedBefore));
        await using var db = app.Services.GetRequiredService<IDbContextFactory<PostgresDb>>().CreateDbContext();
        Assert.Equal(1, await db.DataProtectionKeys.CountAsync());
    }
}
