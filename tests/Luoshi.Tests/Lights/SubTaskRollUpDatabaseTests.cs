using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Luoshi.Features.Lights;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Tests.Lights;

/// <summary>The roll-up of parts (分解任务) as every write and the daily refresh keep it, on both databases.</summary>
public class SubTaskRollUpDatabaseTests
{
    private static readonly DateOnly Today = TestApp.Today;

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AReportOnAPartMovesItsParentsProgressAndLightAndTheDailyRefreshKeepsThem(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var parent = await b.TaskAsync(b.SectionA, Today.AddDays(-5), Today.AddDays(100));
        // Unreported since March: yellow, and so is the task above it.
        var unreported = await b.TaskAsync(b.SectionB, Today.AddDays(-60), Today.AddDays(60), change: i => { i.ParentId = parent.Id; i.Weight = 3; });
        var started = await b.TaskAsync(b.SectionA, Today.AddDays(-5), Today.AddDays(100), change: i => i.ParentId = parent.Id);
        var admin = await b.ApiAsync("admin");
        Assert.Equal((0, LightReason.PartAtRisk), await StateAsync(admin, parent.Id));

        var staff = await b.ApiAsync("staffB");
        Assert.Equal(HttpStatusCode.Created, (await staff.PostAsJsonAsync($"/api/tasks/{unreported.Id}/reports", new { progress = "完成调研和方案", percent = 60 })).StatusCode);
        Assert.Equal((45, LightReason.OnTrack), await StateAsync(admin, parent.Id));

        await Luoshi.Tests.Requests.RequestsTests.CompleteAsync(b, started.Id);
        Assert.Equal((70, LightReason.OnTrack), await StateAsync(admin, parent.Id));

        // A part past its due date turns the task red as soon as it is added.
        await b.TaskAsync(b.SectionC, Today.AddDays(-60), Today.AddDays(-2), change: i => i.ParentId = parent.Id);
        Assert.Equal((56, LightReason.PartOverdue), await StateAsync(admin, parent.Id));
        Assert.Equal(Light.Red, await b.LightOfAsync(parent.Id));
        await AssertTallyMatchesTasksAsync(b);

        // The daily refresh, in the database, gives every task the light the rules give, the roll-up included.
        await using var scope = b.App.Services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<Luoshi.Data.LuoshiDb>();
        var lights = scope.ServiceProvider.GetRequiredService<TaskLights>();
        await database.Tasks.Where(t => t.UnitId == b.UnitId).ExecuteUpdateAsync(s => s.SetProperty(t => t.Light, Light.Green).SetProperty(t => t.LightReason, LightReason.OnTrack));
        await lights.RefreshUnitAsync(b.UnitId);
        Assert.Equal((56, LightReason.PartOverdue), await StateAsync(admin, parent.Id));
        var day = await lights.DayAsync(b.UnitId);
        foreach (var task in await database.Tasks.AsNoTracking().Where(t => t.UnitId == b.UnitId).ToListAsync())
        {
            Assert.Equal(LightRules.Evaluate(task, day), task.LightReason);
        }

        await AssertTallyMatchesTasksAsync(b);

        // A change of the calendar reschedules every task in bulk; the roll-up is redone with it.
        await database.Tasks.Where(t => t.Id == parent.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.PartsDueBy, (DateOnly?)null).SetProperty(t => t.ProgressPercent, 0));
        await lights.RescheduleUnitAsync(b.UnitId);
        Assert.Equal((56, LightReason.PartOverdue), await StateAsync(admin, parent.Id));
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task MovingAPartRollsUpBothTheTaskItLeftAndTheOneItJoined(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var first = await b.TaskAsync(b.SectionA, Today.AddDays(-5), Today.AddDays(100));
        var second = await b.TaskAsync(b.SectionA, Today.AddDays(-5), Today.AddDays(100));
        var late = await b.TaskAsync(b.SectionB, Today.AddDays(-60), Today.AddDays(-2), change: i => i.ParentId = first.Id);
        var admin = await b.ApiAsync("admin");
        Assert.Equal(LightReason.PartOverdue, (await StateAsync(admin, first.Id)).Reason);

        Assert.Equal(HttpStatusCode.OK, (await PutAsync(admin, late.Id, t => t["parentId"] = second.Id)).StatusCode);
        Assert.Equal(LightReason.OnTrack, (await StateAsync(admin, first.Id)).Reason);
        Assert.Equal(LightReason.PartOverdue, (await StateAsync(admin, second.Id)).Reason);
        await AssertTallyMatchesTasksAsync(b);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task ATaskCannotGoUnderItsOwnPartAndAWeightIsOneToAHundred(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var top = await b.TaskAsync(b.SectionA, Today.AddDays(-5), Today.AddDays(100));
        var part = await b.TaskAsync(b.SectionA, Today.AddDays(-5), Today.AddDays(100), change: i => i.ParentId = top.Id);
        var admin = await b.ApiAsync("admin");

        var loop = await PutAsync(admin, top.Id, t => t["parentId"] = part.Id);
        Assert.Equal(HttpStatusCode.BadRequest, loop.StatusCode);
        Assert.Contains("上级任务不能是本任务的分解任务", await loop.Content.ReadAsStringAsync());

        var heavy = await PutAsync(admin, part.Id, t => t["weight"] = 101);
        Assert.Equal(HttpStatusCode.BadRequest, heavy.StatusCode);
        Assert.Contains("权重应为1到100的整数", await heavy.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, (await PutAsync(admin, part.Id, t => t["weight"] = 5)).StatusCode);
        Assert.Equal(5, (await admin.GetFromJsonAsync<JsonObject>($"/api/tasks/{part.Id}"))!["weight"]!.GetValue<int>());
    }

    [Fact]
    public async Task TheTaskPageListsItsPartsAndLinksOnlyThoseTheViewerMayOpen()
    {
        var b = await Bureau.CreateAsync("sqlite");
        var top = await b.TaskAsync(b.SectionA, Today.AddDays(-5), Today.AddDays(100));
        var own = await b.TaskAsync(b.SectionA, Today.AddDays(-5), Today.AddDays(100), change: i => { i.ParentId = top.Id; i.Weight = 2; });
        var other = await b.TaskAsync(b.SectionB, Today.AddDays(-60), Today.AddDays(-2), change: i => i.ParentId = top.Id);

        var html = await (await b.PagesAsync("headA")).GetHtmlAsync($"/Tasks/{top.Id}");
        Assert.Contains("进度按分解任务加权汇总", html);
        Assert.Contains($"<a href=\"/Tasks/{own.Id}\">{own.Title}</a>", html);
        Assert.Contains(other.Title, html);
        Assert.DoesNotContain($"/Tasks/{other.Id}\"", html);
        Assert.Contains("分解任务逾期", html);

        // A task without parts says nothing of them.
        Assert.DoesNotContain("进度按分解任务加权汇总", await (await b.PagesAsync("headA")).GetHtmlAsync($"/Tasks/{own.Id}"));
    }

    private static async Task<HttpResponseMessage> PutAsync(HttpClient api, int id, Action<JsonObject> change)
    {
        var task = (await api.GetFromJsonAsync<JsonObject>($"/api/tasks/{id}"))!;
        change(task);
        return await api.PutAsJsonAsync($"/api/tasks/{id}", task);
    }

    private static async Task<(int Progress, LightReason Reason)> StateAsync(HttpClient api, int id)
    {
        var task = (await api.GetFromJsonAsync<JsonObject>($"/api/tasks/{id}"))!;
        return (task["progressPercent"]!.GetValue<int>(), Enum.Parse<LightReason>(task["lightReason"]!.GetValue<string>()));
    }

    private static async Task AssertTallyMatchesTasksAsync(Bureau b)
    {
        var counted = await b.WithDbAsync(d => d.Tasks.Where(t => t.UnitId == b.UnitId).GroupBy(t => new { t.LeadSectionId, t.Light })
            .Select(g => new { g.Key.LeadSectionId, g.Key.Light, Count = g.Count() }).ToListAsync());
        var tally = await b.WithDbAsync(d => d.SectionLightCounts.Where(c => c.UnitId == b.UnitId && c.Count != 0).ToListAsync());
        Assert.Equal(
            counted.Select(c => (c.LeadSectionId, c.Light, c.Count)).Order(),
            tally.Select(c => (c.SectionId, c.Light, c.Count)).Order());
    }
}
