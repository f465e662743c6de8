using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Tests.Tasks;

/// <summary>
/// The cooperating section's part of the visibility rule (TaskAccess.VisibleTo), now a condition of the
/// query rather than a list of ids loaded with the viewer: its staff see the task in their lists and on
/// its page and report on their part; another section's staff do not; a completed task stays theirs.
/// </summary>
public class CooperationVisibilityTests
{
    private static readonly DateOnly Today = TestApp.Today;

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task StaffOfACooperatingSectionSeeTheTaskInTheirListsAndOnItsPageAndReportOnTheirPart(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-10), Today.AddDays(60), cooperating: [b.SectionB]);
        var api = await b.ApiAsync("staffB");
        var pages = await b.PagesAsync("staffB");

        Assert.Contains(task.Id, await IdsAsync(api, "/api/tasks?open=true&sort=due"));
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/tasks/{task.Id}")).StatusCode);
        Assert.Contains(task.Title, await pages.GetHtmlAsync("/Tasks"), StringComparison.Ordinal);
        var page = await pages.GetHtmlAsync($"/Tasks/{task.Id}");
        Assert.Contains($"href=\"/Tasks/{task.Id}/Report\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await pages.GetAsync($"/Tasks/{task.Id}/Report")).StatusCode);

        var report = await api.PostAsJsonAsync($"/api/tasks/{task.Id}/reports", new { progress = "配合部分按计划推进", percent = 40 });
        Assert.Equal(HttpStatusCode.Created, report.StatusCode);
        Assert.Equal(b.SectionB, (await report.ReadJsonAsync()).GetProperty("sectionId").GetInt32());
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task StaffOfASectionThatDoesNotCooperateNeitherSeeTheTaskNorReportOnIt(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-10), Today.AddDays(60), cooperating: [b.SectionB]);
        var api = await b.ApiAsync("staffC");
        var pages = await b.PagesAsync("staffC");

        Assert.DoesNotContain(task.Id, await IdsAsync(api, "/api/tasks?open=true&sort=due"));
        Assert.DoesNotContain(task.Id, await IdsAsync(api, "/api/tasks"));
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/tasks/{task.Id}")).StatusCode);
        Assert.DoesNotContain(task.Title, await pages.GetHtmlAsync("/Tasks"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await pages.GetAsync($"/Tasks/{task.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsJsonAsync($"/api/tasks/{task.Id}/reports", new { progress = "不是本科室配合的任务", percent = 40 })).StatusCode);
        Assert.Equal(0, await b.WithDbAsync(d => d.Reports.CountAsync(r => r.TaskId == task.Id)));
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task ATaskCompletedLongAgoStaysVisibleToTheSectionThatCooperatedOnIt(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-500), Today.AddDays(-420), cooperating: [b.SectionB]);
        await b.WithDbAsync(d => d.Tasks.Where(t => t.Id == task.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.CompletedOn, Today.AddDays(-400)).SetProperty(t => t.ProgressPercent, 100)));
        var api = await b.ApiAsync("staffB");
        var pages = await b.PagesAsync("staffB");

        Assert.Contains(task.Id, await IdsAsync(api, "/api/tasks"));
        Assert.DoesNotContain(task.Id, await IdsAsync(api, "/api/tasks?open=true"));
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/tasks/{task.Id}")).StatusCode);
        Assert.Contains(task.Title, await pages.GetHtmlAsync($"/Tasks/{task.Id}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await (await b.ApiAsync("staffC")).GetAsync($"/api/tasks/{task.Id}")).StatusCode);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task ACooperationIsMarkedOpenWhileItsTaskIsAndTheOpenListReadsOnlyOpenOnes(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-30), Today.AddDays(30), cooperating: [b.SectionB]);
        var other = await b.TaskAsync(b.SectionA, Today.AddDays(-30), Today.AddDays(30), cooperating: [b.SectionB]);
        Task<bool> OpenAsync(int taskId, int section) => b.WithDbAsync(d => d.TaskCooperations.Where(c => c.TaskId == taskId && c.SectionId == section).Select(c => c.TaskOpen).SingleAsync());
        Task SaveAsync(int taskId, Action<Luoshi.Features.Tasks.WorkTask> change) => b.WithDbAsync(async d =>
        {
            change(await d.Tasks.Include(t => t.Cooperations).SingleAsync(t => t.Id == taskId));
            return await d.SaveChangesAsync();
        });
        Assert.True(await OpenAsync(task.Id, b.SectionB));

        // Done through any save of the task: its cooperations are no longer open ones, its lists keep it.
        await SaveAsync(task.Id, t => (t.CompletedOn, t.ProgressPercent) = (Today, 100));
        Assert.False(await OpenAsync(task.Id, b.SectionB));
        Assert.True(await OpenAsync(other.Id, b.SectionB));
        var api = await b.ApiAsync("staffB");
        Assert.Equal([other.Id], await IdsAsync(api, "/api/tasks?open=true"));
        Assert.Equal(1, (await (await api.GetAsync("/api/tasks?open=true")).ReadJsonAsync()).GetProperty("total").GetInt32());
        Assert.Equal([task.Id, other.Id], (await IdsAsync(api, "/api/tasks")).Order());
        var mine = await (await b.PagesAsync("staffB")).GetHtmlAsync("/Tasks/Mine");
        Assert.Contains(other.Title, mine, StringComparison.Ordinal);
        Assert.DoesNotContain(task.Title, mine, StringComparison.Ordinal);

        // A section added to the done task cooperates on a done task; reopened, both are open again.
        await SaveAsync(task.Id, t => t.Cooperations.Add(new() { UnitId = b.UnitId, TaskId = task.Id, SectionId = b.SectionC, Part = "补充配合" }));
        Assert.False(await OpenAsync(task.Id, b.SectionC));
        await SaveAsync(task.Id, t => t.CompletedOn = null);
        Assert.True(await OpenAsync(task.Id, b.SectionB));
        Assert.True(await OpenAsync(task.Id, b.SectionC));
        Assert.Equal([task.Id, other.Id], (await IdsAsync(api, "/api/tasks?open=true")).Order());
    }

    private static async Task<List<int>> IdsAsync(HttpClient api, string url)
    {
        var response = await api.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. body.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetInt32())];
    }
}
