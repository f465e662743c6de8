using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Tests.Browser;
using Luoshi.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Xunit.Abstractions;

namespace Luoshi.Tests.Cluster;

/// <summary>
/// The read-heavy pages on a streaming replica (<c>ConnectionStrings:LuoshiRead</c>): the read context
/// really reads the standby and sees only its unit's rows there; a person who wrote sees the write on the
/// next page while the standby has not replayed it, and someone else is served by the standby meanwhile;
/// a replica over the lag bound or stopped leaves the pages to the primary. One class: the tests pause
/// and stop the one standby, so they must not run at the same time.
/// </summary>
public class ReplicaTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private static ReplicaServers Servers => ReplicaServers.Shared;

    [ReplicaFact]
    public async Task TheReadContextReadsTheStandbyAndTheUnitFilterHoldsThere()
    {
        var a = await Bureau.CreateAsync("replica");
        var b = await Bureau.CreateAsync("replica");
        var task = await a.TaskAsync(a.SectionA, TestApp.Today.AddDays(-30), TestApp.Today.AddDays(30));
        await CaughtUpAsync(a.App);

        // Through the container, as a request of a person of unit B gets it.
        await using (var scope = a.App.Services.CreateAsyncScope())
        {
            var db = OnReplica(scope.ServiceProvider, b);
            Assert.True(await db.Database.SqlQuery<bool>($"SELECT pg_is_in_recovery() AS \"Value\"").SingleAsync());
            Assert.True(await db.Tasks.IgnoreQueryFilters().AnyAsync(t => t.Id == task.Id), "the row is on the standby");
            Assert.False(await db.Tasks.AnyAsync(t => t.Id == task.Id), "unit B read unit A's task through the read context");
            Assert.Empty(await db.Tasks.Where(t => t.UnitId == a.UnitId).Select(t => t.Id).ToListAsync());
            Assert.Empty(await db.Milestones.Where(m => m.TaskId == task.Id).ToListAsync());
            Assert.Equal(QueryTrackingBehavior.NoTracking, db.ChangeTracker.QueryTrackingBehavior);
            Assert.Throws<InvalidOperationException>(() => db.SaveChangesAsync().GetAwaiter().GetResult());
        }

        await using (var scope = a.App.Services.CreateAsyncScope())
        {
            var db = OnReplica(scope.ServiceProvider, a);
            Assert.True(await db.Tasks.AnyAsync(t => t.Id == task.Id), "unit A reads its own task on the standby");
        }
    }

    [ReplicaFact]
    public async Task APersonSeesTheirOwnReportWhileTheStandbyLagsAndSomeoneElseIsServedByTheStandby()
    {
        var b = await Bureau.CreateAsync("replica");
        var task = await b.TaskAsync(b.SectionA, new DateOnly(2026, 1, 5), new DateOnly(2026, 12, 31));
        using var writer = await b.ApiAsync("staffA");
        using var other = await b.ApiAsync("headA");
        await CaughtUpAsync(b.App);
        Assert.Equal((1, 0), await LightsAsync(other));

        await Servers.PauseReplayAsync();
        try
        {
            var response = await writer.PostAsJsonAsync($"/api/tasks/{task.Id}/reports", new { progress = "完成了前四个月的工作", percent = 40, problems = "经费未到位", nextSteps = "协调财政" });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);

            // The writer's very next read: the primary, since the standby has not replayed the report.
            Assert.Equal((0, 1), await LightsAsync(writer));
            // The section head wrote nothing: the standby answers, as it stands (replay paused).
            Assert.Equal((1, 0), await LightsAsync(other));
        }
        finally
        {
            await Servers.ResumeReplayAsync();
        }

        var waited = Stopwatch.StartNew();
        var seen = (Yellow: -1, Green: -1);
        while (waited.Elapsed < Patience && (seen = await LightsAsync(other)) != (0, 1))
        {
            await Task.Delay(200);
        }

        Assert.True(seen == (0, 1), $"the standby did not show the report within {Patience}: yellow {seen.Yellow}, green {seen.Green}");
    }

    [ReplicaFact]
    public async Task AStandbyOverTheLagBoundIsNotUsed()
    {
        var app = TestApp.For("replica");
        await CaughtUpAsync(app);
        var watch = new ReplicaWatch(new NpgsqlConnectionStringBuilder(Servers.Replica).ConnectionString, TimeSpan.FromSeconds(1), NullLogger<ReplicaWatch>.Instance);
        await watch.AskAsync();
        Assert.True(watch.Usable(out _), "the standby streams and has replayed everything");

        await Servers.PauseReplayAsync();
        try
        {
            await using (var primary = new NpgsqlConnection(Servers.Primary))
            {
                await primary.OpenAsync();
                await using var write = new NpgsqlCommand("CREATE TABLE IF NOT EXISTS lag_probe (at timestamptz); INSERT INTO lag_probe VALUES (now())", primary);
                await write.ExecuteNonQueryAsync();
            }

            // Lag only grows while replay is paused: wait until it is past the bound of one second.
            var waited = Stopwatch.StartNew();
            var usable = true;
            while (waited.Elapsed < Patience && usable)
            {
                await Task.Delay(500);
                await watch.AskAsync();
                usable = watch.Usable(out _);
            }

            Assert.False(usable, $"a standby whose replay stood still for {waited.Elapsed} was still used");
        }
        finally
        {
            await Servers.ResumeReplayAsync();
        }

        var again = Stopwatch.StartNew();
        while (again.Elapsed < Patience && !watch.Usable(out _))
        {
            await watch.AskAsync();
            await Task.Delay(200);
        }

        Assert.True(watch.Usable(out _), "the standby caught up but was not used again");
    }

    [ReplicaFact]
    public async Task WithTheStandbyStoppedThePagesReadThePrimary()
    {
        var b = await Bureau.CreateAsync("replica");
        await b.TaskAsync(b.SectionA, new DateOnly(2026, 1, 5), new DateOnly(2026, 12, 31));
        using var head = await b.ApiAsync("headA");
        var pages = await b.PagesAsync("admin");
        await CaughtUpAsync(b.App);

        Servers.StopReplica();
        try
        {
            // The watch still thinks the standby usable: the first read fails there and runs on the primary.
            Assert.Equal((1, 0), await LightsAsync(head));
            Assert.Equal(HttpStatusCode.OK, (await pages.GetAsync("/")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await pages.GetAsync("/Reviews")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await pages.GetAsync("/Reviews?handler=Excel")).StatusCode);
            await using var scope = b.App.Services.CreateAsyncScope();
            Assert.False(scope.ServiceProvider.GetRequiredService<ReadDb>().ReadsReplica, "a stopped standby is not read");
        }
        finally
        {
            await Servers.StartReplicaAsync();
        }

        await CaughtUpAsync(b.App);
        output.WriteLine("the standby is used again after its restart");
    }

    /// <summary>The office dashboard read from the standby renders in Chromium (and shows the standby's
    /// state while replay is paused), while the person who reported sees the report on theirs.</summary>
    [ReplicaFact]
    public async Task TheOfficeDashboardReadFromTheStandbyRendersInTheBrowser()
    {
        var b = await Bureau.CreateAsync("replica-browser");
        var task = await b.TaskAsync(b.SectionA, new DateOnly(2026, 1, 5), new DateOnly(2026, 12, 31), change: t => t.Title = "建设科技企业孵化器" + FormChecks.Unique());
        await using var office = await SignInAsync(b, "admin");
        await using var staff = await SignInAsync(b, "staffA");
        await CaughtUpAsync(b.App);

        await Servers.PauseReplayAsync();
        try
        {
            await staff.OpenAsync($"/Tasks/{task.Id}");
            await staff.Page.ClickAsync("text=报送进展");
            await staff.Page.FillAsync("#Input_Progress", "已完成选址和方案论证，入驻企业8家。");
            await staff.Page.FillAsync("#Input_Percent", "40");
            await staff.Page.FillAsync("#Input_Problems", "运营团队尚未确定。");
            await staff.SubmitAsync("main button[type=submit]");
            await staff.OpenAsync("/");
            Assert.Equal("1", await staff.Page.Locator(".count.green strong").InnerTextAsync());

            await office.OpenAsync("/");
            Assert.Equal("1", await office.Page.Locator(".count.yellow strong").InnerTextAsync());
            Assert.Equal("0", await office.Page.Locator(".count.green strong").InnerTextAsync());
            await office.AssertCleanAsync();
        }
        finally
        {
            await Servers.ResumeReplayAsync();
        }
    }

    [Fact]
    public void AWritePositionCookieCountsForThePersonItNamesOnly()
    {
        var writes = new ReadYourWrites("Host=127.0.0.1", TimeSpan.FromMinutes(1));
        Assert.Equal(1000, writes.Required(Request(person: 7, cookie: "7.1000")));
        Assert.Equal(0, writes.Required(Request(person: 8, cookie: "7.1000")));
        Assert.Equal(0, writes.Required(Request(person: 7, cookie: "7.x")));
        Assert.Equal(0, writes.Required(Request(person: null, cookie: "7.1000")));

        static DefaultHttpContext Request(int? person, string cookie)
        {
            var http = new DefaultHttpContext();
            http.Request.Headers.Cookie = $"{ReadYourWrites.CookieName}={cookie}";
            if (person is { } id)
            {
                http.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ViewerClaims.Person, id.ToString(System.Globalization.CultureInfo.InvariantCulture))], "test"));
            }

            return http;
        }
    }

    private static async Task<Journey> SignInAsync(Bureau b, string key)
    {
        var journey = await Journey.StartAsync(b.App.BaseAddress!, Screen.Desk, storageState: null);
        await journey.OpenAsync("/Account/Login");
        await journey.Page.FillAsync("#UserName", b.People[key].Login);
        await journey.Page.FillAsync("#Password", Bureau.Password);
        await journey.SubmitAsync("main button[type=submit]");
        Assert.DoesNotContain("/Account/", journey.Page.Url, StringComparison.Ordinal);
        return journey;
    }

    private static async Task<(int Yellow, int Green)> LightsAsync(HttpClient api)
    {
        var response = await api.GetAsync("/api/dashboard");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var totals = (await response.ReadJsonAsync()).GetProperty("totals");
        return (totals.GetProperty("yellow").GetInt32(), totals.GetProperty("green").GetInt32());
    }

    /// <summary>Until the app's watch finds the standby usable and past everything the primary wrote so far.</summary>
    private static async Task CaughtUpAsync(TestApp app)
    {
        long written;
        await using (var primary = new NpgsqlConnection(app.ConnectionString))
        {
            await primary.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT (pg_current_wal_insert_lsn() - '0/0'::pg_lsn)::bigint", primary);
            written = (long)(await command.ExecuteScalarAsync())!;
        }

        var watch = app.Services.GetRequiredService<ReadRouting>().Watch!;
        var waited = Stopwatch.StartNew();
        long replayed = 0;
        while (waited.Elapsed < Patience)
        {
            await watch.AskAsync();
            if (watch.Usable(out replayed) && replayed >= written)
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail($"the standby did not catch up within {Patience}: replayed {replayed}, written {written}");
    }

    /// <summary>A read context as a request of a person of <paramref name="unit"/> gets it, on the standby.
    /// Not async: the request it sets on the accessor (an async local) must stay set for the caller's queries.</summary>
    private static ReadDb OnReplica(IServiceProvider services, Bureau unit)
    {
        var http = new DefaultHttpContext
        {
            RequestServices = services,
            User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ViewerClaims.Unit, unit.UnitId.ToString(System.Globalization.CultureInfo.InvariantCulture))], "test")),
        };
        services.GetRequiredService<IHttpContextAccessor>().HttpContext = http;
        var db = services.GetRequiredService<ReadDb>();
        Assert.True(db.ReadsReplica, "the watch found the standby usable, but the read context was opened on the primary");
        return db;
    }
}
