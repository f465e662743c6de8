using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Luoshi.Features.Lights;
using Luoshi.Features.Notices;
using Luoshi.Features.Recheck;
using Luoshi.Features.Tasks;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Tests.Recheck;

/// <summary>回头看 through the API, on both databases: scheduled only for closed work, started by the job
/// on its day and only once, concluded once by the office, a failure reopening the original.</summary>
public class RecheckTests
{
    private static readonly DateOnly Today = TestApp.Today;

    private static async Task<WorkTask> ClosedTaskAsync(Bureau b)
    {
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-60), Today.AddDays(30));
        await Luoshi.Tests.Requests.RequestsTests.CompleteAsync(b, task.Id);
        return task;
    }

    private static async Task<int> StartDueAsync(Bureau b)
    {
        await using var scope = b.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Rechecks>().StartDueAsync(b.UnitId);
    }

    private static async Task<JsonElement> ScheduleTodayAsync(HttpClient office, int taskId)
    {
        var response = await office.PostAsJsonAsync("/api/rechecks", new { taskId, on = Today, what = "整改是否到位，有无反弹" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task OnlyTheOfficeSchedulesAndOnlyForClosedWork(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var open = await b.TaskAsync(b.SectionA, Today.AddDays(-60), Today.AddDays(30));
        var closed = await ClosedTaskAsync(b);
        var office = await b.ApiAsync("admin");

        var notClosed = await (await office.PostAsJsonAsync("/api/rechecks", new { taskId = open.Id, months = 3, what = "复查" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("只能对已办结", notClosed.ErrorsOf("taskId").Single());
        var both = await (await office.PostAsJsonAsync("/api/rechecks", new { taskId = closed.Id, what = "复查" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("二选一", both.ErrorsOf("on").Single());
        await (await office.PostAsJsonAsync("/api/rechecks", new { taskId = closed.Id, months = 25, what = "复查" })).AssertProblemAsync(HttpStatusCode.BadRequest);

        var head = await (await (await b.ApiAsync("headA")).PostAsJsonAsync("/api/rechecks", new { taskId = closed.Id, months = 3, what = "复查" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("回头看由办公室安排", head.GetProperty("detail").GetString());
        await (await (await b.ApiAsync("staffB")).PostAsJsonAsync("/api/rechecks", new { taskId = closed.Id, months = 3, what = "复查" })).AssertProblemAsync(HttpStatusCode.NotFound);

        var scheduled = await (await office.PostAsJsonAsync("/api/rechecks", new { taskId = closed.Id, months = 3, what = "复查整改成效" })).ReadJsonAsync();
        Assert.Equal(Today.AddMonths(3), DateOnly.Parse(scheduled.GetProperty("scheduledFor").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("待结论", scheduled.GetProperty("resultText").GetString());
        var twice = await (await office.PostAsJsonAsync("/api/rechecks", new { taskId = closed.Id, on = Today, what = "再查" })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("不能重复安排", twice.GetProperty("detail").GetString());

        // Months ahead: the job leaves it alone today.
        Assert.Equal(0, await StartDueAsync(b));
        await (await (await b.ApiAsync("staffA")).GetAsync("/api/rechecks")).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Single((await (await b.ApiAsync("leader")).GetFromJsonAsync<JsonElement>("/api/rechecks")).EnumerateArray());
        Assert.Empty((await (await b.ApiAsync("otherLeader")).GetFromJsonAsync<JsonElement>("/api/rechecks")).EnumerateArray());
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task OnItsDayTheJobStartsTheRecheckAsAWorkItemOfTheLeadSectionOnce(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var closed = await ClosedTaskAsync(b);
        var office = await b.ApiAsync("admin");
        var recheck = await ScheduleTodayAsync(office, closed.Id);
        var early = await (await office.PostAsJsonAsync($"/api/rechecks/{recheck.GetProperty("id").GetInt32()}/conclusion", new { passed = true })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("开始后才能作出结论", early.GetProperty("detail").GetString());

        Assert.Equal(1, await StartDueAsync(b));
        Assert.Equal(0, await StartDueAsync(b));
        await b.App.Services.GetRequiredService<RecheckJob>().RunAsync(CancellationToken.None);

        var row = await b.WithDbAsync(d => d.Rechecks.SingleAsync(r => r.UnitId == b.UnitId));
        var work = await b.WithDbAsync(d => d.Tasks.Where(t => t.UnitId == b.UnitId && t.Kind == WorkKind.Recheck).ToListAsync());
        var item = Assert.Single(work);
        Assert.Equal(item.Id, row.RecheckTaskId);
        Assert.Equal(b.SectionA, item.LeadSectionId);
        Assert.Equal(Today, item.StartDate);
        Assert.Equal(new DateOnly(2026, 5, 25), item.DueDate); // ten working days
        Assert.Equal("回头看：" + closed.Title, item.Title);
        Assert.Equal($"{Today.Year}年回头看", await b.WithDbAsync(d => d.Plans.Where(p => p.Id == item.PlanId).Select(p => p.Title).SingleAsync()));
        Assert.True(await b.WithDbAsync(d => d.Notices.AnyAsync(n => n.RecipientId == b.Person("headA") && n.TaskId == item.Id && n.Kind == NoticeKind.RecheckStarted)));
        // On the section's 待办 as any new task: it waits to be signed for.
        Assert.Contains(item.Id, await b.WithDbAsync(d => d.Tasks.Where(t => t.UnitId == b.UnitId && t.LeadSectionId == b.SectionA && t.SignedAt == null && t.CompletedOn == null).Select(t => t.Id).ToListAsync()));
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task APassedRecheckClosesAndTheOriginalStaysClosedOnce(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var closed = await ClosedTaskAsync(b);
        var office = await b.ApiAsync("admin");
        var id = (await ScheduleTodayAsync(office, closed.Id)).GetProperty("id").GetInt32();
        await StartDueAsync(b);

        await (await (await b.ApiAsync("leader")).PostAsJsonAsync($"/api/rechecks/{id}/conclusion", new { passed = true })).AssertProblemAsync(HttpStatusCode.Forbidden);
        var passed = await office.PostAsJsonAsync($"/api/rechecks/{id}/conclusion", new { passed = true });
        Assert.Equal(HttpStatusCode.OK, passed.StatusCode);
        Assert.Equal("通过", (await passed.ReadJsonAsync()).GetProperty("resultText").GetString());
        var again = await (await office.PostAsJsonAsync($"/api/rechecks/{id}/conclusion", new { passed = false, findings = "反弹", newDueDate = Today.AddDays(30) })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("不能重复作出结论", again.GetProperty("detail").GetString());

        var original = await b.WithDbAsync(d => d.Tasks.SingleAsync(t => t.Id == closed.Id));
        Assert.NotNull(original.CompletedOn);
        Assert.Equal(Light.Done, original.Light);
        var work = await b.WithDbAsync(d => d.Tasks.SingleAsync(t => t.UnitId == b.UnitId && t.Kind == WorkKind.Recheck));
        Assert.Equal(Today, work.CompletedOn);
        Assert.Equal(Light.Done, work.Light);
        Assert.True(await b.WithDbAsync(d => d.RecordEntries.AnyAsync(e => e.UnitId == b.UnitId && e.Kind == "recheck-decision")));
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AFailedRecheckReopensTheOriginalWithANewDueDate(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var closed = await ClosedTaskAsync(b);
        var office = await b.ApiAsync("admin");
        var id = (await ScheduleTodayAsync(office, closed.Id)).GetProperty("id").GetInt32();
        await StartDueAsync(b);

        var bare = await (await office.PostAsJsonAsync($"/api/rechecks/{id}/conclusion", new { passed = false })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("未通过时请写明发现的问题", bare.ErrorsOf("findings").Single());
        Assert.Equal("未通过时请给出新的完成时限", bare.ErrorsOf("newDueDate").Single());

        var failed = await office.PostAsJsonAsync($"/api/rechecks/{id}/conclusion", new { passed = false, findings = "部分问题反弹", newDueDate = Today.AddDays(40) });
        Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        Assert.Equal("未通过", (await failed.ReadJsonAsync()).GetProperty("resultText").GetString());
        await (await office.PostAsJsonAsync($"/api/rechecks/{id}/conclusion", new { passed = true })).AssertProblemAsync(HttpStatusCode.Conflict);

        var original = await b.WithDbAsync(d => d.Tasks.SingleAsync(t => t.Id == closed.Id));
        Assert.Null(original.CompletedOn);
        Assert.Equal(Today.AddDays(40), original.DueDate);
        Assert.NotEqual(Light.Done, original.Light);
        await using (var scope = b.App.Services.CreateAsyncScope())
        {
            Assert.Equal(LightRules.Evaluate(original, await scope.ServiceProvider.GetRequiredService<TaskLights>().DayAsync(b.UnitId)), original.LightReason);
        }

        var work = await b.WithDbAsync(d => d.Tasks.SingleAsync(t => t.UnitId == b.UnitId && t.Kind == WorkKind.Recheck));
        Assert.NotNull(work.CompletedOn);
        var history = await b.WithDbAsync(d => d.TaskEvents.Where(e => e.Kind == "recheck" && (e.TaskId == closed.Id || e.TaskId == work.Id)).Select(e => new { e.TaskId, e.Summary }).ToListAsync());
        Assert.Contains(history, h => h.TaskId == closed.Id && h.Summary.Contains("回头看未通过，重新打开", StringComparison.Ordinal));
        Assert.Contains(history, h => h.TaskId == work.Id && h.Summary.Contains("未通过", StringComparison.Ordinal));
        Assert.True(await b.WithDbAsync(d => d.Notices.AnyAsync(n => n.RecipientId == b.Person("headA") && n.TaskId == closed.Id && n.Kind == NoticeKind.RecheckFailed)));

        // Reopened, the task can be scheduled again once closed again: no open re-check stands in the way.
        Assert.Empty(await b.WithDbAsync(d => d.Rechecks.Where(r => r.OriginalTaskId == closed.Id && r.Result == RecheckResult.Pending).ToListAsync()));
    }
}
