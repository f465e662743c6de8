using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Luoshi.Data;

/// <summary>
/// Which server a <see cref="ReadDb"/> reads: the replica when one is configured, usable
/// (<see cref="ReplicaWatch"/>: a standby, streaming, lagging no more than
/// <c>Database:ReplicaMaxLagSeconds</c>) and past the person's last write (<see cref="ReadYourWrites"/>);
/// otherwise the primary. Decided once, as the request's context is made.
/// </summary>
internal sealed class ReadRouting(DbContextOptions<ReadDb> primary, ReplicaRoute? replica)
{
    public ReplicaWatch? Watch => replica?.Watch;

    public ReadDb Open(HttpContext? http)
    {
        if (replica is not null && replica.Watch.Usable(out var replayed) && replica.Writes.Required(http) <= replayed)
        {
            return new ReadDb(replica.Options) { ReplicaConnection = replica.ConnectionString };
        }

        return new ReadDb(primary);
    }

    /// <summary>The read context on PostgreSQL: the replica of <c>ConnectionStrings:LuoshiRead</c> when set
    /// (tuned as the primary's connections are), else the primary. Returns the interceptor the primary's
    /// contexts need to tell the persons' writes, or none without a replica.</summary>
    public static Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor? AddPostgres(IServiceCollection services, IConfiguration configuration, Func<string, string> tune, string primaryConnection)
    {
        // The primary's read sessions refuse writes in the server, as the standby's do.
        var readOnlyPrimary = new NpgsqlConnectionStringBuilder(primaryConnection);
        readOnlyPrimary.Options = $"{readOnlyPrimary.Options} -c default_transaction_read_only=on".Trim();
        var primary = Options(o => o.UseNpgsql(readOnlyPrimary.ConnectionString));
        var read = configuration.GetConnectionString("LuoshiRead");
        if (string.IsNullOrWhiteSpace(read))
        {
            services.AddSingleton(new ReadRouting(primary, null));
            AddScopedReadDb(services);
            return null;
        }

        var replicaConnection = tune(read);
        var maxLag = TimeSpan.FromSeconds(configuration.GetValue("Database:ReplicaMaxLagSeconds", 5.0));
        var writes = new ReadYourWrites(primaryConnection, maxLag + TimeSpan.FromMinutes(1));
        services.AddSingleton(writes);
        services.AddSingleton(sp =>
        {
            var watch = new ReplicaWatch(replicaConnection, maxLag, sp.GetRequiredService<ILogger<ReplicaWatch>>());
            var options = Options(o => o.UseNpgsql(replicaConnection,
                n => n.ExecutionStrategy(d => new ReplicaFallback(d, readOnlyPrimary.ConnectionString, watch))));
            return new ReadRouting(primary, new ReplicaRoute(options, replicaConnection, watch, writes));
        });
        AddScopedReadDb(services);
        return writes.Interceptor;
    }

    /// <summary>The read context on SQLite: the same file (there is no replica of a file).</summary>
    public static void AddSqlite(IServiceCollection services, string connection)
    {
        services.AddSingleton(new ReadRouting(Options(o => o.UseSqlite(connection)), null));
        AddScopedReadDb(services);
    }

    private static DbContextOptions<ReadDb> Options(Action<DbContextOptionsBuilder<ReadDb>> provider)
    {
        var builder = new DbContextOptionsBuilder<ReadDb>().UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
        provider(builder);
        return builder.Options;
    }

    private static void AddScopedReadDb(IServiceCollection services) =>
        services.AddScoped(sp =>
        {
            var http = sp.GetRequiredService<IHttpContextAccessor>();
            var db = sp.GetRequiredService<ReadRouting>().Open(http.HttpContext);
            db.CurrentUnit = CurrentUnit.OfSignedInUser(http);
            return db;
        });
}

/// <summary>The replica's side of <see cref="ReadRouting"/>: its contexts' options, the watch on it and the persons' writes.</summary>
internal sealed record ReplicaRoute(DbContextOptions<ReadDb> Options, string ConnectionString, ReplicaWatch Watch, ReadYourWrites Writes);
