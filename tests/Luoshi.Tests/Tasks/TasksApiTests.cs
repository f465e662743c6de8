using System.Net;
using System.Net.Http.Json;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Tests.Tasks;

public class TasksApiTests
{
    private static readonly DateOnly Today = TestApp.Today;

    private static object NewTask(Bureau b, string title, int section, DateOnly start, DateOnly due, object[]? milestones = null, object[]? cooperations = null) => new
    {
        task = new { planId = b.PlanId, title, leadSectionId = section, leadLeaderId = b.Person("leader"), responsiblePersonId = b.Person("staffA"), startDate = start, dueDate = due, targetValue = 50, targetUnit = "家", tags = new[] { "重点工作" }, cooperations },
        milestones,
    };

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AdminCreatesATaskWithMilestonesAndItsLightIsComputed(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var api = await b.ApiAsync("admin");
        var response = await api.PostAsJsonAsync("/api/tasks", NewTask(b, "新增高新技术企业50家", b.SectionA, Today.AddDays(-30), Today.AddDays(120),
            [new { title = "完成申报", dueDate = Today.AddDays(2) }], [new { sectionId = b.SectionB, part = "政策解读" }]));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var task = await response.ReadJsonAsync();
        Assert.Equal("Yellow", task.GetProperty("light").GetString());
        Assert.Equal("MilestoneDueSoon", task.GetProperty("lightReason").GetString());
        Assert.Equal(50, task.GetProperty("targetValue").GetDecimal());
        Assert.Single(task.GetProperty("milestones").EnumerateArray());
        var id = task.GetProperty("id").GetInt32();
        var history = await b.WithDbAsync(d => d.TaskEvents.Where(e => e.TaskId == id).Select(e => e.Summary).ToListAsync());
        Assert.Contains(history, h => h.Contains("新增高新技术企业50家"));
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task StaffOfAnotherSectionCannotSeeTheTask(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var task = await b.TaskAsync(b.SectionB, Today.AddDays(-10), Today.AddDays(60));

        var staffA = await b.ApiAsync("staffA");
        var problem = await (await staffA.GetAsync($"/api/tasks/{task.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("无权", problem.GetProperty("detail").GetString());
        // A well-formed change, so the answer is about the task, not the body (an empty body is a 400 for any task).
        var change = new { planId = b.PlanId, title = "越权修改", leadSectionId = b.SectionB, startDate = Today, dueDate = Today.AddDays(30) };
        await (await staffA.PutAsJsonAsync($"/api/tasks/{task.Id}", change)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await staffA.PostAsJsonAsync($"/api/tasks/{task.Id}/reports", new { progress = "越权报送" })).AssertProblemAsync(HttpStatusCode.NotFound);
        var list = await (await staffA.GetAsync("/api/tasks")).ReadJsonAsync();
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), t => t.GetProperty("id").GetInt32() == task.Id);
        Assert.Equal(0, await b.WithDbAsync(d => d.Reports.CountAsync(r => r.TaskId == task.Id)));
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AnotherBureauCannotSeeTheTaskEvenAsAdmin(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var other = await Bureau.CreateAsync(db);
        var task = await b.TaskAsync(b.SectionA, Today, Today.AddDays(30));
        var api = await other.ApiAsync("admin");
        await (await api.GetAsync($"/api/tasks/{task.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task ACooperatingSectionReadsTheTaskButCannotEditTheLeadSectionsFields(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-10), Today.AddDays(60), cooperating: [b.SectionB]);
        var headB = await b.ApiAsync("headB");

        var read = await headB.GetAsync($"/api/tasks/{task.Id}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var body = await read.ReadJsonAsync();
        var edit = System.Text.Json.Nodes.JsonNode.Parse(body.GetRawText())!;
        edit["description"] = "配合科室想改牵头科室的说明";
        var problem = await (await headB.PutAsJsonAsync($"/api/tasks/{task.Id}", edit)).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("任务说明", problem.GetProperty("detail").GetString());
        Assert.Null(await b.WithDbAsync(d => d.Tasks.Where(t => t.Id == task.Id).Select(t => t.Description).SingleAsync()));
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TheLeadSectionHeadAssignsTheResponsiblePersonButNotTheDueDate(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-10), Today.AddDays(60));
        var headA = await b.ApiAsync("headA");
        var edit = System.Text.Json.Nodes.JsonNode.Parse((await (await headA.GetAsync($"/api/tasks/{task.Id}")).ReadJsonAsync()).GetRawText())!;

        edit["responsiblePersonId"] = b.Person("staffA");
        Assert.Equal(HttpStatusCode.OK, (await headA.PutAsJsonAsync($"/api/tasks/{task.Id}", edit)).StatusCode);

        edit["dueDate"] = Today.AddDays(200).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var problem = await (await headA.PutAsJsonAsync($"/api/tasks/{task.Id}", edit)).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("完成时限", problem.GetProperty("detail").GetString());
        var stored = await b.WithDbAsync(d => d.Tasks.SingleAsync(t => t.Id == task.Id));
        Assert.Equal(b.Person("staffA"), stored.ResponsiblePersonId);
        Assert.Equal(Today.AddDays(60), stored.DueDate);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task ALeaderSeesOnlyTheSectionsInHisCharge(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var inCharge = await b.TaskAsync(b.SectionA, Today, Today.AddDays(30));
        var elsewhere = await b.TaskAsync(b.SectionC, Today, Today.AddDays(30));
        var leader = await b.ApiAsync("leader");
        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync($"/api/tasks/{inCharge.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await leader.GetAsync($"/api/tasks/{elsewhere.Id}")).StatusCode);
        var problem = await (await leader.PostAsJsonAsync($"/api/tasks/{inCharge.Id}/reports", new { progress = "领导不报送" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.NotNull(problem.GetProperty("detail").GetString());
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task OnlyTheOfficeCreatesTasks(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var headA = await b.ApiAsync("headA");
        await (await headA.PostAsJsonAsync("/api/tasks", NewTask(b, "科长自建任务", b.SectionA, Today, Today.AddDays(9)))).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task InvalidTaskInputIsRefusedInChineseAndNothingIsSaved(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var api = await b.ApiAsync("admin");
        var before = await b.WithDbAsync(d => d.Tasks.CountAsync(t => t.UnitId == b.UnitId));

        var dueBeforeStart = await (await api.PostAsJsonAsync("/api/tasks", NewTask(b, "日期颠倒", b.SectionA, Today, Today.AddDays(-1)))).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("完成时限不能早于开始日期", dueBeforeStart.ErrorsOf("DueDate"));

        var noTitle = await (await api.PostAsJsonAsync("/api/tasks", NewTask(b, "", b.SectionA, Today, Today.AddDays(1)))).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("请填写任务名称", noTitle.ErrorsOf("Title").Concat(noTitle.ErrorsOf("Task.Title")));

        var unknownSection = await (await api.PostAsJsonAsync("/api/tasks", NewTask(b, "未知科室", 999999, Today, Today.AddDays(1)))).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("牵头科室不存在", unknownSection.ErrorsOf("LeadSectionId"));

        var badMilestone = await (await api.PostAsJsonAsync("/api/tasks", NewTask(b, "节点越界", b.SectionA, Today, Today.AddDays(5), [new { title = "太晚", dueDate = Today.AddDays(50) }]))).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(badMilestone.ErrorsOf("milestones[0].DueDate"));

        Assert.Equal(before, await b.WithDbAsync(d => d.Tasks.CountAsync(t => t.UnitId == b.UnitId)));
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AnImpossibleDateInJsonIsAProblemThatSaysWhereAndHow(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var api = await b.ApiAsync("admin");
        var json = $$$"""{"task":{"planId":{{{b.PlanId}}},"title":"坏日期","leadSectionId":{{{b.SectionA}}},"startDate":"2026-13-45","dueDate":"2026-12-31"}}""";
        var response = await api.PostAsync("/api/tasks", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("2026-03-31", problem.GetProperty("detail").GetString());
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task UnknownIdsAreNotFoundProblems(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var api = await b.ApiAsync("admin");
        await (await api.GetAsync("/api/tasks/987654321")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await api.GetAsync("/api/plans/987654321")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await api.PutAsJsonAsync("/api/milestones/987654321", new { title = "x", dueDate = Today })).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TheTaskListFiltersBySectionLeaderLightDueDateAndTextAndPages(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var overdue = await b.TaskAsync(b.SectionA, Today.AddDays(-60), Today.AddDays(-3), change: t => t.Title = "逾期的平台建设");
        await b.TaskAsync(b.SectionA, Today.AddDays(-5), Today.AddDays(200), change: t => t.Title = "长期的人才引进");
        await b.TaskAsync(b.SectionB, Today.AddDays(-5), Today.AddDays(20), change: t => { t.Title = "科室B的平台任务"; t.LeadLeaderId = b.Person("otherLeader"); });
        var api = await b.ApiAsync("admin");

        async Task<int[]> Ids(string query) =>
            [.. (await (await api.GetAsync("/api/tasks?" + query)).ReadJsonAsync()).GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetInt32())];

        Assert.Equal(2, (await Ids($"section={b.SectionA}")).Length);
        Assert.Equal([overdue.Id], await Ids($"section={b.SectionA}&light=red"));
        Assert.Equal([overdue.Id], await Ids("light=红灯"));
        Assert.Single(await Ids($"leader={b.Person("otherLeader")}"));
        Assert.Equal(2, (await Ids("q=平台")).Length);
        Assert.Equal(2, (await Ids($"dueBefore={Today.AddDays(30):yyyy-MM-dd}")).Length);

        var page = await (await api.GetAsync("/api/tasks?pageSize=2&page=2")).ReadJsonAsync();
        Assert.Equal(3, page.GetProperty("total").GetInt32());
        Assert.Single(page.GetProperty("items").EnumerateArray());

        var bad = await (await api.GetAsync("/api/tasks?light=purple")).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(bad.ErrorsOf("light"));
        await (await api.GetAsync("/api/tasks?pageSize=100000")).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task CompletingTheOverdueMilestoneTurnsTheTaskFromRed(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-40), Today.AddDays(100), milestones: ("方案印发", Today.AddDays(-2)));
        Assert.Equal(Luoshi.Features.Lights.Light.Red, await b.LightOfAsync(task.Id));
        var staffA = await b.ApiAsync("staffA");
        var milestone = task.Milestones.Single();
        var response = await staffA.PutAsJsonAsync($"/api/milestones/{milestone.Id}", new { title = milestone.Title, dueDate = milestone.DueDate, completedOn = Today });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(Luoshi.Features.Lights.Light.Red, await b.LightOfAsync(task.Id));

        // Staff may complete a milestone but not move it.
        var move = await staffA.PutAsJsonAsync($"/api/milestones/{milestone.Id}", new { title = milestone.Title, dueDate = Today.AddDays(30), completedOn = Today });
        await move.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task TheApiWithoutATokenIsUnauthorizedEvenWithAPageCookie()
    {
        var b = await Bureau.CreateAsync("sqlite");
        var pages = await b.PagesAsync("admin");
        Assert.Equal(HttpStatusCode.Unauthorized, (await pages.GetAsync("/api/tasks")).StatusCode);
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesTheTaskEndpoints()
    {
        // Behind login (OpenApi:Public is false): a signed-in browser reads it.
        var client = (await (await Bureau.CreateAsync("sqlite")).PagesAsync("staffA")).Http;
        var doc = await (await client.GetAsync("/openapi/v1.json")).ReadJsonAsync();
        Assert.True(doc.GetProperty("paths").TryGetProperty("/api/tasks", out _));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api-docs/")).StatusCode);
    }
}
