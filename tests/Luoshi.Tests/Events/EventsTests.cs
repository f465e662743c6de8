using System.Net;
using System.Net.Http.Json;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Luoshi.Tests.Events;

/// <summary>活动: events that count toward a task's quantitative target.</summary>
public class EventsTests
{
    private static readonly DateOnly Today = TestApp.Today;

    private static string Day(int offset) => Today.AddDays(offset).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static Task<HttpResponseMessage> PostAsync(HttpClient api, Bureau b, int? taskId, int day, int? actual, string title = "科普日进社区", int? section = null) =>
        api.PostAsJsonAsync("/api/events", new
        {
            title, kind = "科普日", date = Day(day), place = "市科技馆", organiserSectionId = section ?? b.SectionA, partners = "市科协",
            targetParticipants = 200, actualParticipants = actual, taskId,
        });

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task HeldEventsCountTowardTheTaskTargetInEventsOrInPersonTimes(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var sessions = await b.TaskAsync(b.SectionA, Today.AddDays(-100), Today.AddDays(100), change: t => { t.Title = "组织科普活动"; t.TargetValue = 50; t.TargetUnit = "场"; });
        var visits = await b.TaskAsync(b.SectionA, Today.AddDays(-100), Today.AddDays(100), change: t => { t.TargetValue = 1000; t.TargetUnit = "人次"; });
        var staff = await b.ApiAsync("staffA");

        Assert.Equal(HttpStatusCode.Created, (await PostAsync(staff, b, sessions.Id, -20, 150)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(staff, b, sessions.Id, -3, 90)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(staff, b, sessions.Id, 30, null, "计划中的科技活动周")).StatusCode);
        var stored = await b.WithDbAsync(d => d.Tasks.SingleAsync(t => t.Id == sessions.Id));
        Assert.Equal(2m, stored.AchievedValue);
        Assert.Equal(4, stored.ProgressPercent);

        await PostAsync(staff, b, visits.Id, -5, 300);
        await PostAsync(staff, b, visits.Id, -4, 450);
        var people = await b.WithDbAsync(d => d.Tasks.SingleAsync(t => t.Id == visits.Id));
        Assert.Equal(750m, people.AchievedValue);
        Assert.Equal(75, people.ProgressPercent);

        var listed = await (await staff.GetAsync($"/api/events?task={sessions.Id}")).ReadJsonAsync();
        Assert.Equal(3, listed.GetArrayLength());
        var page = await (await b.PagesAsync("staffA")).GetHtmlAsync($"/Tasks/{sessions.Id}");
        Assert.Contains("已举办 2 场活动，另有 1 场待举办", page);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task BadEventInputIsRefusedWithReasonsAndNothingIsSaved(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-100), Today.AddDays(100), change: t => { t.TargetValue = 50; t.TargetUnit = "场"; });
        var admin = await b.ApiAsync("admin");

        var negative = await (await PostAsync(admin, b, task.Id, -3, -5)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("实际参与人数不能为负数", negative.ErrorsOf("ActualParticipants"));
        var farAway = await (await PostAsync(admin, b, task.Id, -800, 10)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("活动日期应在任务所属计划的年度（2026年）内", farAway.ErrorsOf("Date"));
        var unknown = await (await PostAsync(admin, b, task.Id, -3, 10, section: 987654)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("主办科室不存在，请从列表中选择", unknown.ErrorsOf("OrganiserSectionId"));
        var notHeld = await (await PostAsync(admin, b, task.Id, 10, 10)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(notHeld.ErrorsOf("ActualParticipants"));

        Assert.Equal(0, await b.WithDbAsync(d => d.Events.CountAsync(e => e.UnitId == b.UnitId)));
        Assert.Null(await b.WithDbAsync(d => d.Tasks.Where(t => t.Id == task.Id).Select(t => t.AchievedValue).SingleAsync()));
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task StaffOfAnotherSectionCannotCountOrSeeTheSectionsEvents(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-100), Today.AddDays(100), change: t => { t.TargetValue = 50; t.TargetUnit = "场"; });
        await PostAsync(await b.ApiAsync("staffA"), b, task.Id, -3, 50);
        var other = await b.ApiAsync("staffC");

        await (await PostAsync(other, b, task.Id, -3, 50, section: b.SectionC)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await PostAsync(other, b, null, -3, 50)).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(0, (await (await other.GetAsync("/api/events")).ReadJsonAsync()).GetArrayLength());
        Assert.Equal(1, (await (await (await b.ApiAsync("admin")).GetAsync("/api/events")).ReadJsonAsync()).GetArrayLength());
        Assert.Equal(1, await b.WithDbAsync(d => d.Events.CountAsync(e => e.UnitId == b.UnitId)));
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TheEventsWorkbookOpensWithOneRowPerEvent(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-100), Today.AddDays(100), change: t => { t.Title = "组织科普活动"; t.TargetValue = 50; t.TargetUnit = "场"; });
        var staff = await b.ApiAsync("staffA");
        await PostAsync(staff, b, task.Id, -3, 50, "专家进村");
        await PostAsync(staff, b, null, -1, 80, "学术年会");

        var response = await staff.GetAsync("/api/events/export");
        using var workbook = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = MiniExcel.Query(workbook, useHeaderRow: true, sheetName: "活动台账").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(2, rows.Count);
        var village = rows.Single(r => (string)r["活动名称"] == "专家进村");
        Assert.Equal("组织科普活动", village["关联任务"]);
        Assert.Equal("科室A", village["主办科室"]);
        Assert.Equal(50.0, Convert.ToDouble(village["实际参与人数"], System.Globalization.CultureInfo.InvariantCulture));
    }
}
