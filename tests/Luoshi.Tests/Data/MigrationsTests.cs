using Luoshi.Data;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Tests.Data;

/// <summary>The schema each provider's migrations build is the model the code uses: a change to an
/// entity without its migration fails here, not at a bureau's first start after an upgrade.</summary>
public class MigrationsTests
{
    [Fact]
    public void TheSqliteMigrationsCarryEveryChangeOfTheModel()
    {
        using var db = new SqliteDb(new DbContextOptionsBuilder<SqliteDb>().UseSqlite("Data Source=:memory:").Options);
        Assert.False(db.Database.HasPendingModelChanges(), "the model has changes no SQLite migration carries: add one (see README, Development)");
    }

    [Fact]
    public void ThePostgresMigrationsCarryEveryChangeOfTheModel()
    {
        // No server is needed: the model is compared with the last migration's snapshot.
        using var db = new PostgresDb(new DbContextOptionsBuilder<PostgresDb>().UseNpgsql("Host=127.0.0.1;Database=model-check").Options);
        Assert.False(db.Database.HasPendingModelChanges(), "the model has changes no PostgreSQL migration carries: add one (see README, Development)");
    }
}
