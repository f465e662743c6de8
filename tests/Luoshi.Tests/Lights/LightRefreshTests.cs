using Luoshi.Features.Lights;
using Luoshi.Features.Tasks;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Tests.Lights;

/// <summary>The database computes the same lights as the rules do in memory.</summary>
public class LightRefreshTests
{
    private static readonly DateOnly Today = TestApp.Today;

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TheDatabaseRefreshGivesEveryTaskTheLightTheRulesGive(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var tasks = new List<WorkTask>
        {
            await b.TaskAsync(b.SectionA, Today.AddDays(10), Today.AddDays(100)),
            await b.TaskAsync(b.SectionA, Today.AddDays(-100), Today.AddDays(-4)),
            await b.TaskAsync(b.SectionA, Today.AddDays(-30), Today.AddDays(100), milestones: ("已过期节点", Today.AddDays(-4))),
            await b.TaskAsync(b.SectionB, Today.AddDays(-30), Today.AddDays(100), milestones: ("临近节点", Today.AddDays(3))),
            await b.TaskAsync(b.SectionB, Today.AddDays(-120), Today.AddDays(20)),
            await b.TaskAsync(b.SectionC, Today, Today.AddDays(300)),
        };

        await using var scope = b.App.Services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<Luoshi.Data.LuoshiDb>();
        var lights = scope.ServiceProvider.GetRequiredService<TaskLights>();
        // Scramble what is stored, then let the database put it right.
        await database.Tasks.Where(t => t.UnitId == b.UnitId).ExecuteUpdateAsync(s => s.SetProperty(t => t.Light, Light.Done).SetProperty(t => t.LightReason, LightReason.Completed));
        var changed = await lights.RefreshUnitAsync(b.UnitId);

        var day = await lights.DayAsync(b.UnitId);
        var stored = await database.Tasks.AsNoTracking().Where(t => t.UnitId == b.UnitId).ToListAsync();
        Assert.Equal(tasks.Count, changed);
        foreach (var task in stored)
        {
            Assert.Equal(LightRules.Evaluate(task, day), task.LightReason);
            Assert.Equal(task.LightReason.Of(), task.Light);
        }

        Assert.Equal(
            [LightReason.NotStarted, LightReason.TaskOverdue, LightReason.MilestoneOverdue, LightReason.MilestoneDueSoon, LightReason.ReportMissing, LightReason.OnTrack],
            stored.OrderBy(t => t.Id).Select(t => t.LightReason));
        Assert.Equal(0, await lights.RefreshUnitAsync(b.UnitId));
    }
}

public class LightTallyTests
{
    private static readonly DateOnly Today = TestApp.Today;

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TheSectionLightTallyFollowsEveryChangeOfTheTasks(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var late = await b.TaskAsync(b.SectionA, Today.AddDays(-60), Today.AddDays(-5));
        var later = await b.TaskAsync(b.SectionA, Today.AddDays(10), Today.AddDays(100));
        await b.TaskAsync(b.SectionB, Today.AddDays(-3), Today.AddDays(300));

        var admin = await b.ApiAsync("admin");
        var edit = System.Text.Json.Nodes.JsonNode.Parse((await (await admin.GetAsync($"/api/tasks/{later.Id}")).ReadJsonAsync()).GetRawText())!;
        edit["leadSectionId"] = b.SectionC;
        edit["responsiblePersonId"] = null;
        Assert.Equal(System.Net.HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/tasks/{later.Id}", edit)).StatusCode);
        await Luoshi.Tests.Requests.RequestsTests.CompleteAsync(b, late.Id);

        await AssertTallyMatchesTasks(b);
        await using var scope = b.App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TaskLights>().RefreshUnitAsync(b.UnitId);
        await AssertTallyMatchesTasks(b);
    }

    private static async Task AssertTallyMatchesTasks(Bureau b)
    {
        var counted = await b.WithDbAsync(d => d.Tasks.Where(t => t.UnitId == b.UnitId).GroupBy(t => new { t.LeadSectionId, t.Light })
            .Select(g => new { g.Key.LeadSectionId, g.Key.Light, Count = g.Count() }).ToListAsync());
        var tally = await b.WithDbAsync(d => d.SectionLightCounts.Where(c => c.UnitId == b.UnitId && c.Count != 0).ToListAsync());
        Assert.Equal(
            counted.Select(c => (c.LeadSectionId, c.Light, c.Count)).Order(),
            tally.Select(c => (c.SectionId, c.Light, c.Count)).Order());
    }
}
