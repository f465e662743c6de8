using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Tests.Data;

/// <summary>The app's PostgreSQL connections plan each statement for its values: a generic plan
/// cannot use the unit filter or a viewer's sections as an index condition (a section head's
/// dashboard read every open milestone of a 100k-task bureau).</summary>
public class PlanCacheTests
{
    [Fact]
    public async Task PostgresConnectionsPlanEveryStatementForItsOwnValues()
    {
        var bureau = await Bureau.CreateAsync("postgres");

        var mode = await bureau.WithDbAsync(db => db.Database.SqlQueryRaw<string>("SELECT current_setting('plan_cache_mode') AS \"Value\"").SingleAsync());

        Assert.Equal("force_custom_plan", mode);
    }
}
