using System.Reflection;
using System.Security.Claims;
using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Reports;
using Luoshi.Features.Supervision;
using Luoshi.Features.Tasks;
using Luoshi.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Luoshi.Tests.Data;

/// <summary>The unit enforced below the code: the database refuses a row that points at another
/// unit's row, and a context that knows its unit sees nothing of another's.</summary>
public class UnitIsolationTests
{
    private static readonly DateOnly Start = new(2026, 3, 2);
    private static readonly DateOnly Due = new(2026, 12, 31);

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TheDatabaseRefusesAReportOnATaskOfAnotherUnit(string provider)
    {
        var (a, b) = (await Bureau.CreateAsync(provider), await Bureau.CreateAsync(provider));
        var task = await a.TaskAsync(a.SectionA, Start, Due);

        // The same report in the task's own unit goes in: what is refused below is the unit alone.
        await SaveAsync(a, db => db.Reports.Add(Report(a, task.Id)));
        await AssertRefusedAsync(provider, b, db => db.Reports.Add(Report(b, task.Id)));
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TheDatabaseRefusesAMilestoneOrASheetOnATaskOfAnotherUnit(string provider)
    {
        var (a, b) = (await Bureau.CreateAsync(provider), await Bureau.CreateAsync(provider));
        var task = await a.TaskAsync(a.SectionA, Start, Due);

        await SaveAsync(a, db => db.Milestones.Add(Milestone(a, task.Id)));
        await AssertRefusedAsync(provider, b, db => db.Milestones.Add(Milestone(b, task.Id)));
        await SaveAsync(a, db => db.EscalationSteps.Add(Sheet(a, task.Id)));
        await AssertRefusedAsync(provider, b, db => db.EscalationSteps.Add(Sheet(b, task.Id)));
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AContextOfOneUnitSeesNoneOfAnotherUnitsRows(string provider)
    {
        var (a, b) = (await Bureau.CreateAsync(provider), await Bureau.CreateAsync(provider));
        await MakeWorkAsync(a);
        await MakeWorkAsync(b);

        foreach (var type in await TenantTypesAsync(a))
        {
            // Every unit's rows share these tables (other tests' bureaus too): each context sees its own.
            var seenByA = await UnitsSeenAsync(a, type, CurrentUnit.Of(a.UnitId));
            Assert.True(seenByA.All(u => u == a.UnitId), $"{type.Name}: unit {a.UnitId} sees units {string.Join(",", seenByA)}");
            var seenByB = await UnitsSeenAsync(b, type, CurrentUnit.Of(b.UnitId));
            Assert.True(seenByB.All(u => u == b.UnitId), $"{type.Name}: unit {b.UnitId} sees units {string.Join(",", seenByB)}");
        }
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AContextWithoutAUnitSeesEveryUnit(string provider)
    {
        var (a, b) = (await Bureau.CreateAsync(provider), await Bureau.CreateAsync(provider));
        await MakeWorkAsync(a);
        await MakeWorkAsync(b);

        Type[] made = [typeof(Section), typeof(Person), typeof(LeaderCharge), typeof(Luoshi.Features.Plans.Plan), typeof(WorkTask), typeof(Milestone), typeof(TaskCooperation), typeof(ProgressReport), typeof(EscalationStep)];
        foreach (var type in made)
        {
            var seen = await UnitsSeenAsync(a, type, unit: null);
            Assert.True(seen.Contains(a.UnitId) && seen.Contains(b.UnitId), $"{type.Name}: a context without a unit sees units {string.Join(",", seen)}");
            Assert.Equal([a.UnitId], await UnitsSeenAsync(a, type, CurrentUnit.Of(a.UnitId)));
        }
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TheUnitIsAParameterAndNoUnitLeavesNoCondition(string provider)
    {
        var app = TestApp.For(provider);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LuoshiDb>();

        db.CurrentUnit = CurrentUnit.Of(7);
        var ofUnit = db.Tasks.Where(t => t.Title == "x").ToQueryString();
        Assert.Contains("UnitId\" = @", ofUnit, StringComparison.Ordinal);
        Assert.DoesNotContain("IS NULL", ofUnit, StringComparison.Ordinal);

        db.CurrentUnit = null;
        var ofAll = db.Tasks.Where(t => t.Title == "x").ToQueryString();
        Assert.DoesNotContain("UnitId", ofAll.Split("WHERE")[1], StringComparison.Ordinal);
        Assert.DoesNotContain("IS NULL", ofAll, StringComparison.Ordinal);
    }

    [Fact]
    public void ARequestSeesTheUnitOfItsSignedInUserAndNoneWithoutOne()
    {
        var accessor = new HttpContextAccessor { HttpContext = new DefaultHttpContext() };
        var unit = CurrentUnit.OfSignedInUser(accessor);
        Assert.Null(unit.Id);

        accessor.HttpContext.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ViewerClaims.Unit, "42")], "test"));
        Assert.Equal(42, unit.Id);

        // A public form names its unit in the route: a signed-in visitor of another unit still reaches it.
        accessor.HttpContext.SetEndpoint(new Endpoint(null, new EndpointMetadataCollection(new AllowAnonymousAttribute()), "public form"));
        Assert.Null(unit.Id);

        accessor.HttpContext = null;
        Assert.Null(unit.Id);
    }

    private static async Task MakeWorkAsync(Bureau bureau)
    {
        var task = await bureau.TaskAsync(bureau.SectionA, Start, Due, cooperating: [bureau.SectionB], milestones: ("节点", new DateOnly(2026, 6, 30)));
        await SaveAsync(bureau, db => db.Reports.Add(Report(bureau, task.Id)));
        await SaveAsync(bureau, db => db.EscalationSteps.Add(Sheet(bureau, task.Id)));
    }

    private static ProgressReport Report(Bureau bureau, int taskId) => new()
    {
        UnitId = bureau.UnitId, TaskId = taskId, SectionId = bureau.SectionA, AuthorId = bureau.Person("staffA"),
        PeriodStart = new DateOnly(2026, 4, 1), PeriodEnd = new DateOnly(2026, 4, 30), SubmittedAt = TestApp.Now.UtcDateTime, Progress = "按计划推进",
    };

    private static Milestone Milestone(Bureau bureau, int taskId) =>
        new() { UnitId = bureau.UnitId, TaskId = taskId, Title = "节点", DueDate = new DateOnly(2026, 9, 30) };

    private static EscalationStep Sheet(Bureau bureau, int taskId) => new()
    {
        UnitId = bureau.UnitId, TaskId = taskId, Deadline = DeadlineKind.Task, DueOn = Due, Step = StepKind.Remind,
        RaisedOn = TestApp.Today, RaisedAt = TestApp.Now.UtcDateTime, Facts = "到期提醒",
    };

    private static async Task SaveAsync(Bureau bureau, Action<LuoshiDb> add)
    {
        await using var scope = bureau.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LuoshiDb>();
        add(db);
        await db.SaveChangesAsync();
    }

    private static async Task AssertRefusedAsync(string provider, Bureau bureau, Action<LuoshiDb> add)
    {
        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => SaveAsync(bureau, add));
        if (provider == "postgres")
        {
            Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, Assert.IsType<PostgresException>(refused.InnerException).SqlState);
        }
        else
        {
            var sqlite = Assert.IsType<SqliteException>(refused.InnerException);
            Assert.Contains("FOREIGN KEY", sqlite.Message, StringComparison.Ordinal);
        }
    }

    private static async Task<List<Type>> TenantTypesAsync(Bureau bureau)
    {
        await using var scope = bureau.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LuoshiDb>();
        return [.. db.Model.GetEntityTypes().Where(UnitKeys.IsTenantOwned).Select(t => t.ClrType)];
    }

    private static readonly MethodInfo UnitsOf = typeof(UnitIsolationTests).GetMethod(nameof(UnitsOfAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static async Task<List<int>> UnitsSeenAsync(Bureau bureau, Type type, CurrentUnit? unit)
    {
        await using var scope = bureau.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LuoshiDb>();
        db.CurrentUnit = unit;
        return await (Task<List<int>>)UnitsOf.MakeGenericMethod(type).Invoke(null, [db])!;
    }

    private static Task<List<int>> UnitsOfAsync<T>(LuoshiDb db)
        where T : class =>
        db.Set<T>().Select(e => EF.Property<int>(e, "UnitId")).Distinct().OrderBy(u => u).ToListAsync();
}
