using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Luoshi.Features.Tasks;
using Luoshi.Tests.Directives;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Tests.Meetings;

/// <summary>会议议定事项: a meeting registered with its decisions, one work item each (refused as a whole
/// when one row is wrong), listed with counts, exported, and read from uploaded minutes for review.</summary>
public class MeetingTests
{
    private static readonly DateOnly Today = TestApp.Today;

    /// <summary>局长办公会 with two decisions: 第1项 led by section A, 第2项 by B with A cooperating.</summary>
    internal static async Task<JsonElement> CreateAsync(HttpClient admin, Bureau b, int soonDays = 20, int laterDays = 60)
    {
        var response = await admin.PostAsJsonAsync("/api/meetings", new
        {
            name = "局长办公会", heldOn = DirectiveTests.Day(-2), minutesNumber = "〔2026〕5号",
            decisions = new object[]
            {
                new { number = 1, text = "制定科技型企业培育实施方案", leadSectionId = b.SectionA, dueDate = DirectiveTests.Day(soonDays) },
                new { number = 2, text = "开展重点实验室绩效评估", leadSectionId = b.SectionB, cooperatingSectionIds = new[] { b.SectionA }, dueDate = DirectiveTests.Day(laterDays) },
            },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AMeetingsDecisionsBecomeWorkItemsCitingTheMinutes(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var admin = await b.ApiAsync("admin");
        var created = await CreateAsync(admin, b);
        var id = created.GetProperty("id").GetInt32();
        var taskIds = created.GetProperty("taskIds").EnumerateArray().Select(t => t.GetInt32()).ToList();
        Assert.Equal(2, taskIds.Count);

        var tasks = await b.WithDbAsync(d => d.Tasks.Include(t => t.Cooperations).Where(t => taskIds.Contains(t.Id)).OrderBy(t => t.Id).ToListAsync());
        Assert.All(tasks, t => Assert.Equal(WorkKind.MeetingDecision, t.Kind));
        Assert.Equal(["局长办公会纪要〔2026〕5号 第1项", "局长办公会纪要〔2026〕5号 第2项"], tasks.Select(t => t.SourceLabel));
        Assert.Equal([b.SectionA], tasks[1].Cooperations.Select(c => c.SectionId));
        Assert.Equal($"{Today.Year}年会议议定事项", await b.WithDbAsync(d => d.Plans.Where(p => p.Id == tasks[0].PlanId).Select(p => p.Title).SingleAsync()));

        await b.WithDbAsync(d => d.Tasks.Where(t => t.Id == taskIds[0]).ExecuteUpdateAsync(s => s.SetProperty(t => t.CompletedOn, Today)));
        var row = Assert.Single((await (await admin.GetAsync("/api/meetings")).ReadJsonAsync()).EnumerateArray());
        Assert.Equal(2, row.GetProperty("decisions").GetInt32());
        Assert.Equal(1, row.GetProperty("done").GetInt32());
        Assert.Equal(0, row.GetProperty("overdue").GetInt32());

        // Section B sees its decision (and the meeting), section C sees no part of it.
        var headB = await b.ApiAsync("headB");
        var seen = await (await headB.GetAsync($"/api/meetings/{id}")).ReadJsonAsync();
        Assert.Equal([2], seen.GetProperty("decisions").EnumerateArray().Select(x => x.GetProperty("number").GetInt32()));
        var headC = await b.ApiAsync("headC");
        await (await headC.GetAsync($"/api/meetings/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await (await headC.GetAsync("/api/meetings")).ReadJsonAsync()).EnumerateArray());
        await (await headC.GetAsync($"/api/meetings/{id}/export")).AssertProblemAsync(HttpStatusCode.NotFound);

        var excel = DirectiveTests.ExcelText(await (await admin.GetAsync($"/api/meetings/{id}/export")).Content.ReadAsByteArrayAsync());
        Assert.Contains("制定科技型企业培育实施方案", excel);
        Assert.Contains("开展重点实验室绩效评估", excel);
        Assert.Contains("已办结", excel);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AWrongRowRefusesTheWholeMeeting(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var admin = await b.ApiAsync("admin");
        var refused = await (await admin.PostAsJsonAsync("/api/meetings", new
        {
            name = "局长办公会", heldOn = DirectiveTests.Day(-1), minutesNumber = "〔2026〕6号",
            decisions = new object[]
            {
                new { number = 1, text = "事项一", leadSectionId = b.SectionA, dueDate = DirectiveTests.Day(10) },
                new { number = 1, text = "事项二", leadSectionId = 0, dueDate = DirectiveTests.Day(-3) },
            },
        })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(refused.ErrorsOf("Decisions[1].Number"));
        Assert.NotEmpty(refused.ErrorsOf("Decisions[1].LeadSectionId"));
        Assert.NotEmpty(refused.ErrorsOf("Decisions[1].DueDate"));
        var none = await (await admin.PostAsJsonAsync("/api/meetings", new { name = "局长办公会", heldOn = DirectiveTests.Day(-1), minutesNumber = "〔2026〕6号", decisions = Array.Empty<object>() }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("请至少填写一项议定事项", none.ErrorsOf("Decisions"));
        await (await (await b.ApiAsync("headA")).PostAsJsonAsync("/api/meetings", new { name = "会", heldOn = DirectiveTests.Day(-1), minutesNumber = "1" }))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(0, await b.WithDbAsync(d => d.Meetings.CountAsync(m => m.UnitId == b.UnitId)));
        Assert.Equal(0, await b.WithDbAsync(d => d.Tasks.CountAsync(t => t.UnitId == b.UnitId && t.Kind == WorkKind.MeetingDecision)));
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task MinutesAreReadIntoRowsToReviewWithoutSavingAnything(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var admin = await b.ApiAsync("admin");
        // Minutes name units as offices do (…科), which is what the reader looks for.
        await b.WithDbAsync(d => d.Sections.Where(s => s.Id == b.SectionA).ExecuteUpdateAsync(s => s.SetProperty(x => x.Name, "规划科")));
        await b.WithDbAsync(d => d.Sections.Where(s => s.Id == b.SectionB).ExecuteUpdateAsync(s => s.SetProperty(x => x.Name, "成果转化科")));
        var year = Today.Year + 1;
        var minutes = $"""
            局长办公会议纪要
            〔{Today.Year}〕7号
            {Today.Year}年{Today.Month}月{Today.Day}日，局长主持召开局长办公会议，研究科技创新工作。现将会议议定事项纪要如下：
            一、会议同意制定科技型企业培育实施方案，由规划科牵头，成果转化科配合，{year}年3月底前完成。
            二、会议要求开展重点实验室绩效评估，由成果转化科负责，{year}年6月底前完成。
            出席：局长、副局长
            """;
        var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(minutes)), "file", "纪要.txt" } };
        var response = await admin.PostAsync("/api/meetings/minutes", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var read = await response.ReadJsonAsync();
        Assert.Equal($"〔{Today.Year}〕7号", read.GetProperty("minutesNumber").GetString());
        var rows = read.GetProperty("decisions").EnumerateArray().ToList();
        Assert.Equal([1, 2], rows.Select(r => r.GetProperty("number").GetInt32()));
        Assert.Equal([b.SectionA, b.SectionB], rows.Select(r => r.GetProperty("leadSectionId").GetInt32()));
        Assert.Equal([b.SectionB], rows[0].GetProperty("cooperatingSectionIds").EnumerateArray().Select(x => x.GetInt32()));
        Assert.Equal($"{year}-03-31", rows[0].GetProperty("dueDate").GetString());
        Assert.Equal(0, await b.WithDbAsync(d => d.Meetings.CountAsync(m => m.UnitId == b.UnitId)));

        var notMinutes = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes("这是一段普通文字。")), "file", "随笔.txt" } };
        await (await admin.PostAsync("/api/meetings/minutes", notMinutes)).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await (await b.ApiAsync("headA")).PostAsync("/api/meetings/minutes", new MultipartFormDataContent { { new ByteArrayContent([1]), "file", "a.txt" } }))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
    }
}
