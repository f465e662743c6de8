using Microsoft.EntityFrameworkCore;

namespace Luoshi.Data;

internal enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

internal static class DatabaseSetup
{
    /// <summary>What a save writes beside its rows, each owned by its feature, in this order, in the
    /// save's transaction (see <see cref="LuoshiDb.SaveChangesAsync(bool, CancellationToken)"/>).</summary>
    private static Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] SaveInterceptors(IConfiguration configuration) =>
        [Features.Lights.LightTallyInterceptor.Instance, Features.Notices.NoticeCountInterceptor.Instance, Features.Tasks.CooperationOpenInterceptor.Instance,
            // Before the record: its second step saves again, and a BesideSaveInterceptor after it would lose what it took.
            Features.Assessment.AssessmentInputsInterceptor.Instance, Features.Record.RecordInterceptor.For(configuration),
            Features.Dispatch.DispatchProgressInterceptor.Instance, Features.Idempotency.IdempotencyMark.Instance];

    public const string DefaultSqlite = "Data Source=data/luoshi.db";

    /// <summary>
    /// SQLite (a file under data/ in the content root, see <see cref="DataPaths"/>) unless the connection string is a PostgreSQL one
    /// (<c>Host=…</c>); <c>Database:Provider</c> can say so explicitly.
    /// </summary>
    public static (DatabaseProvider Provider, string ConnectionString) Resolve(IConfiguration configuration)
    {
        var connection = configuration.GetConnectionString("Luoshi");
        if (string.IsNullOrWhiteSpace(connection))
        {
            connection = DefaultSqlite;
        }

        var named = configuration["Database:Provider"];
        var provider = named is not null
            ? Enum.Parse<DatabaseProvider>(named, ignoreCase: true)
            : connection.Contains("Host=", StringComparison.OrdinalIgnoreCase) ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
        return (provider, connection);
    }

    public static IServiceCollection AddLuoshiDb(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var (provider, connection) = Resolve(configuration);
        var saveInterceptors = SaveInterceptors(configuration);
        // Secrets kept in the database are encrypted in one place (SM4 with 国密 on, else data protection).
        services.AddSingleton<Sm4KeySource>();
        services.AddSingleton<SecretBox>();
        if (provider == DatabaseProvider.Postgres)
        {
            // A failover of the primary (several hosts in the connection string, Target Session Attributes=primary)
            // is waited out when connecting; see PrimaryWaitInterceptor.
            var npgsql = new Npgsql.NpgsqlConnectionStringBuilder(Tune(connection));
            // The read context (a replica's when ConnectionStrings:LuoshiRead names one) and what the
            // primary's contexts then add to tell which person wrote.
            var personWrites = ReadRouting.AddPostgres(services, configuration, Tune, npgsql.ConnectionString);
            services.AddPooledDbContextFactory<PostgresDb>(o => o.UseNpgsql(npgsql.ConnectionString).AddInterceptors(saveInterceptors).AddInterceptors(WriteGeneration.Interceptors)
                .AddInterceptors(personWrites is null ? [] : [personWrites])
                .AddInterceptors(PrimaryWaitInterceptor.For(configuration)));
            services.AddUnitScoped<PostgresDb>();
            // Several instances may share this database: each tells the others of its writes (WriteListener).
            services.AddOptions<ClusterOptions>().BindConfiguration("Cluster");
            if (configuration.GetValue("Cluster:Notify", true))
            {
                var listened = npgsql.ConnectionString;
                services.AddHostedService(sp => ActivatorUtilities.CreateInstance<WriteListener>(sp, listened));
            }
        }
        else
        {
            connection = DataPaths.Sqlite(connection, contentRoot);
            EnsureFolder(connection);
            services.AddPooledDbContextFactory<SqliteDb>(o => o.UseSqlite(connection).AddInterceptors(saveInterceptors).AddInterceptors(WriteGeneration.Interceptors));
            services.AddUnitScoped<SqliteDb>();
            ReadRouting.AddSqlite(services, connection);
        }

        return services;
    }

    /// <summary>The PostgreSQL connection string as the app uses it (the primary's and the replica's alike).</summary>
    private static string Tune(string connection)
    {
        // Prepared statements for the queries every request repeats, unless the operator says otherwise.
        var npgsql = new Npgsql.NpgsqlConnectionStringBuilder(connection);
        if (!connection.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            npgsql.MaxAutoPrepare = 64;
        }

        // A prepared statement is planned afresh on every run, not once for any values: after five
        // runs PostgreSQL may switch to a generic plan, and a generic plan cannot use the unit filter
        // ("@none OR UnitId = @unit") or a viewer's section list as an index condition. On 100k tasks
        // a section head's dashboard then read every open milestone of the bureau (44 ms instead of
        // 1.8 ms for that query; see README, "The unit filter's cost"). Planning costs well under a
        // millisecond for these queries; the parse that preparing saves is kept.
        if (npgsql.Options is null || !npgsql.Options.Contains("plan_cache_mode", StringComparison.Ordinal))
        {
            npgsql.Options = $"{npgsql.Options} -c plan_cache_mode=force_custom_plan".Trim();
        }

        return npgsql.ConnectionString;
    }

    /// <summary>One context per scope, from the pool, told whose rows it sees. A pooled context cannot
    /// take scoped services in its constructor, so the unit is handed over as the context is rented;
    /// disposing the scope returns the context to the pool.</summary>
    private static void AddUnitScoped<TContext>(this IServiceCollection services)
        where TContext : LuoshiDb
    {
        services.AddScoped<LuoshiDb>(sp =>
        {
            var db = sp.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext();
            db.CurrentUnit = CurrentUnit.OfSignedInUser(sp.GetRequiredService<IHttpContextAccessor>());
            return db;
        });
        services.AddScoped(sp => (TContext)sp.GetRequiredService<LuoshiDb>());
    }

    private static void EnsureFolder(string connection)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connection);
        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(folder) && builder.DataSource != ":memory:")
        {
            Directory.CreateDirectory(folder);
        }
    }
}
