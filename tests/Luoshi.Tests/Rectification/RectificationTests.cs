using System.Net;
using System.Net.Http.Json;
using Luoshi.Features.Lights;
using Luoshi.Features.Supervision;
using Luoshi.Features.Tasks;
using Luoshi.Tests.Infrastructure;
using Luoshi.Tests.Requests;
using Luoshi.Tests.Supervision;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Luoshi.Tests.Rectification;

/// <summary>Opinions → 问题清单 → 整改清单 → 销号.</summary>
public class RectificationTests
{
    private static readonly DateOnly Today = TestApp.Today;

    private static async Task<(int Problem, int[] Opinions)> ProblemAsync(Bureau b, string title = "项目申报材料繁杂")
    {
        var admin = await b.ApiAsync("admin");
        var opinions = new List<int>();
        foreach (var text in new[] { "申报材料太多", "重复填报" })
        {
            var r = await admin.PostAsJsonAsync("/api/opinions", new { content = text, source = "Meeting" });
            Assert.Equal(HttpStatusCode.Created, r.StatusCode);
            opinions.Add((await r.ReadJsonAsync()).GetProperty("id").GetInt32());
        }

        var created = await admin.PostAsJsonAsync("/api/problems", new { title, category = "作风建设", leaderId = b.Person("leader"), opinionIds = opinions });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return ((await created.ReadJsonAsync()).GetProperty("id").GetInt32(), [.. opinions]);
    }

    private static async Task<int> MeasureAsync(Bureau b, int problem, DateOnly due, string title = "精简申报材料清单")
    {
        var r = await (await b.ApiAsync("admin")).PostAsJsonAsync($"/api/problems/{problem}/measures", new { title, leadSectionId = b.SectionA, responsiblePersonId = b.Person("staffA"), dueDate = due });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        return (await r.ReadJsonAsync()).GetProperty("taskId").GetInt32();
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task OpinionsMergeIntoAProblemWhoseMeasuresAreRectificationTasksAndItClosesWhenAllAreAccepted(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var (problem, opinions) = await ProblemAsync(b);
        Assert.True(await b.WithDbAsync(d => d.Opinions.Where(o => opinions.Contains(o.Id)).AllAsync(o => o.ProblemId == problem)));
        var again = await (await (await b.ApiAsync("admin")).PostAsJsonAsync("/api/problems", new { title = "再并", category = "x", leaderId = b.Person("leader"), opinionIds = opinions })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(again.ErrorsOf("OpinionIds"));

        var m1 = await MeasureAsync(b, problem, Today.AddDays(30));
        var m2 = await MeasureAsync(b, problem, Today.AddDays(60), "建立一次填报共享机制");
        var tasks = await b.WithDbAsync(d => d.Tasks.Where(t => t.Id == m1 || t.Id == m2).ToListAsync());
        Assert.All(tasks, t => Assert.Equal((WorkKind.Rectification, b.Person("leader"), b.SectionA), (t.Kind, t.LeadLeaderId!.Value, t.LeadSectionId)));

        await RequestsTests.CompleteAsync(b, m1);
        var open = await (await b.ApiAsync("leader")).GetAsync("/api/problems");
        Assert.False((await open.ReadJsonAsync())[0].GetProperty("closed").GetBoolean());
        await RequestsTests.CompleteAsync(b, m2);
        var closed = (await (await (await b.ApiAsync("leader")).GetAsync("/api/problems")).ReadJsonAsync())[0];
        Assert.True(closed.GetProperty("closed").GetBoolean());
        Assert.StartsWith("已销号", closed.GetProperty("measures")[0].GetProperty("closeOut").GetString());
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AnOverdueMeasureIsRedAndUrged(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var (problem, _) = await ProblemAsync(b);
        var measure = await MeasureAsync(b, problem, Today.AddDays(-7));
        Assert.Equal(Light.Red, await b.LightOfAsync(measure));
        await Travel.EscalateAsync(b);
        // A week late is past the 督办 day: the run raises the furthest step due, the sheet itself.
        Assert.True(await b.WithDbAsync(d => d.EscalationSteps.AnyAsync(s => s.TaskId == measure && s.Step == StepKind.Supervise)));
    }

    [Fact]
    public async Task OnlyTheOfficeMergesAndSectionsSeeOnlyTheirMeasures()
    {
        var b = await Bureau.CreateAsync("sqlite");
        var (problem, _) = await ProblemAsync(b);
        await MeasureAsync(b, problem, Today.AddDays(10));
        var staffA = await b.ApiAsync("staffA");
        await (await staffA.GetAsync("/api/opinions")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await staffA.PostAsJsonAsync("/api/problems", new { title = "x", category = "y", leaderId = b.Person("leader") })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await staffA.PostAsJsonAsync($"/api/problems/{problem}/measures", new { title = "x", leadSectionId = b.SectionA, dueDate = Today })).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(1, (await (await staffA.GetAsync("/api/problems")).ReadJsonAsync()).GetArrayLength());
        Assert.Equal(0, (await (await (await b.ApiAsync("staffB")).GetAsync("/api/problems")).ReadJsonAsync()).GetArrayLength());
        Assert.Equal(2, (await (await (await b.ApiAsync("leader")).GetAsync("/api/opinions")).ReadJsonAsync()).GetArrayLength());
    }

    [Fact]
    public async Task ScriptInAProblemIsShownEscapedAndTheThreeListsExportToExcel()
    {
        var b = await Bureau.CreateAsync("sqlite");
        var (problem, _) = await ProblemAsync(b, "<script>alert(1)</script>办事难");
        await MeasureAsync(b, problem, Today.AddDays(-1));
        var admin = await b.PagesAsync("admin");
        var html = await admin.GetHtmlAsync("/Rectification");
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;办事难", html);
        Assert.DoesNotContain("<script>alert(1)", html);

        var response = await admin.GetAsync("/Rectification?handler=Excel");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["意见建议清单", "问题清单", "整改清单"], stream.GetSheetNames());
        var measures = stream.Query(useHeaderRow: true, sheetName: "整改清单").Cast<IDictionary<string, object>>().ToList();
        var row = Assert.Single(measures);
        Assert.Equal(["序号", "问题", "整改措施", "责任领导", "责任科室", "责任人", "完成时限", "完成情况", "销号情况"], row.Keys);
        Assert.Equal(("分管领导", "科室A", "A科员", "未销号"), (row["责任领导"], row["责任科室"], row["责任人"], row["销号情况"]));
        Assert.Equal(2, stream.Query(useHeaderRow: true, sheetName: "意见建议清单").Count());
    }
}
