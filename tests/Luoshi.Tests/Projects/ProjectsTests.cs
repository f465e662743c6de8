using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Luoshi.Features.Lights;
using Luoshi.Features.Supervision;
using Luoshi.Tests.Infrastructure;
using Luoshi.Tests.Supervision;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Luoshi.Tests.Projects;

/// <summary>重点项目: a WorkTask of kind Project moving 意向 → 签约 → 资金到位 → 开工 → 投产/竣工.</summary>
public class ProjectsTests
{
    private static readonly DateOnly Today = TestApp.Today;

    internal static string Day(int offset) => Today.AddDays(offset).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Registers a project as the office; returns its task id.</summary>
    internal static async Task<int> CreateAsync(Bureau b, string person = "staffA", int intent = -60, int? sign = 10, string? title = null, int? section = null)
    {
        var admin = await b.ApiAsync("admin");
        var response = await admin.PostAsJsonAsync("/api/projects", new
        {
            title = title ?? "新能源电池项目" + Guid.NewGuid().ToString("N")[..4], investor = "某某新能源有限公司", amount = 52000m, industry = "新能源",
            leadSectionId = section ?? b.SectionA, responsiblePersonId = b.Person(person), intentOn = Day(intent), intentEvidence = "投资意向书",
            signTarget = sign is null ? null : Day(sign.Value), fundsTarget = Day(40), startTarget = Day(80), completeTarget = Day(200),
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("id").GetInt32();
    }

    internal static Task<HttpResponseMessage> AdvanceAsync(HttpClient api, int id, string stage, int day, string evidence = "合同编号 HT-2026-001") =>
        api.PostAsJsonAsync($"/api/projects/{id}/stages", new { stage, reachedOn = Day(day), evidence });

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AProjectIsCreatedAndAdvancedStageByStageCompletingItsStageMilestone(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var id = await CreateAsync(b);
        var staff = await b.ApiAsync("staffA");

        var signed = await AdvanceAsync(staff, id, "签约", -30);
        Assert.Equal(HttpStatusCode.Created, signed.StatusCode);
        Assert.Equal(30, (await signed.ReadJsonAsync()).GetProperty("daysFromPrevious").GetInt32());

        var task = await b.WithDbAsync(d => d.Tasks.Include(t => t.Milestones).SingleAsync(t => t.Id == id));
        Assert.Equal(Luoshi.Features.Tasks.WorkKind.Project, task.Kind);
        Assert.Equal("签约", task.Stage);
        Assert.Equal(b.Person("staffA"), task.ResponsiblePersonId);
        Assert.Equal(Today.AddDays(-30), task.Milestones.Single(m => m.Title == "签约").CompletedOn);
        Assert.Null(task.Milestones.Single(m => m.Title == "资金到位").CompletedOn);
        Assert.Equal("2026年重点项目", await b.WithDbAsync(d => d.Plans.Where(p => p.Id == task.PlanId).Select(p => p.Title).SingleAsync()));
        Assert.Equal(1, await b.WithDbAsync(d => d.TaskEvents.CountAsync(e => e.TaskId == id && e.Kind == "stage")));

        var list = await (await staff.GetAsync("/api/projects?stage=签约")).ReadJsonAsync();
        var row = Assert.Single(list.EnumerateArray());
        Assert.Equal("某某新能源有限公司", row.GetProperty("investor").GetString());
        Assert.Equal(Day(-60), row.GetProperty("stageDates")[0].GetString());
        Assert.Equal(Day(-30), row.GetProperty("stageDates")[1].GetString());
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TwoPeopleRecordingTheSameStageAtOnceGetOneStageAndAClearRefusal(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var id = await CreateAsync(b);
        var (staff, head) = (await b.ApiAsync("staffA"), await b.ApiAsync("headA"));

        var answers = await Concurrency.AtOnce.SendAsync(Concurrency.AtOnce.Copies, i => AdvanceAsync(i % 2 == 0 ? staff : head, id, "签约", -30));

        await Concurrency.AtOnce.ExactlyOneAsync(answers, HttpStatusCode.Created);
        Assert.Equal(2, await b.WithDbAsync(d => d.ProjectStages.CountAsync(s => s.TaskId == id)));
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task ASkippedBackDatedOrFutureStageIsRefusedAndNothingIsSaved(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var id = await CreateAsync(b);
        var staff = await b.ApiAsync("staffA");

        var skipped = await (await AdvanceAsync(staff, id, "资金到位", -10)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("不能跳过阶段：下一阶段应为“签约”", skipped.ErrorsOf("Stage"));
        var backDated = await (await AdvanceAsync(staff, id, "签约", -61)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(backDated.ErrorsOf("ReachedOn"), m => m.StartsWith("到达日期不能早于上一阶段“意向”", StringComparison.Ordinal));
        var future = await (await AdvanceAsync(staff, id, "签约", 1)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("到达日期不能晚于今天", future.ErrorsOf("ReachedOn"));
        await (await AdvanceAsync(staff, id, "签约", -10, evidence: "")).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(1, await b.WithDbAsync(d => d.ProjectStages.CountAsync(s => s.TaskId == id)));
        Assert.Equal("意向", await b.WithDbAsync(d => d.Tasks.Where(t => t.Id == id).Select(t => t.Stage).SingleAsync()));
        Assert.Equal(0, await b.WithDbAsync(d => d.TaskEvents.CountAsync(e => e.TaskId == id && e.Kind == "stage")));

        var admin = await b.ApiAsync("admin");
        var bad = await (await admin.PostAsJsonAsync("/api/projects", new
        {
            title = "倒填的项目", investor = "某公司", amount = -5m, industry = "制造", leadSectionId = b.SectionA, responsiblePersonId = b.Person("staffA"),
            intentOn = Day(3), signTarget = Day(50), fundsTarget = Day(20), completeTarget = Day(100),
        })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(bad.ErrorsOf("Amount"));
        Assert.Contains("意向日期不能晚于今天", bad.ErrorsOf("IntentOn"));
        Assert.NotEmpty(bad.ErrorsOf("FundsTarget"));
        Assert.Equal(0, await b.WithDbAsync(d => d.Tasks.CountAsync(t => t.UnitId == b.UnitId && t.Title == "倒填的项目")));
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TheFunnelCountsStagesReachedOverallPerPersonAndPerSectionWithMedianDays(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var staff = await b.ApiAsync("staffA");
        var first = await CreateAsync(b, intent: -100);
        await AdvanceAsync(staff, first, "签约", -80);
        await AdvanceAsync(staff, first, "资金到位", -50);
        var second = await CreateAsync(b, intent: -90, person: "headA");
        await AdvanceAsync(staff, second, "签约", -80);
        await CreateAsync(b, intent: -10, person: "staffB", section: b.SectionB);

        var funnel = await (await (await b.ApiAsync("admin")).GetAsync("/api/projects/funnel")).ReadJsonAsync();
        var stages = funnel.GetProperty("stages").EnumerateArray().ToList();
        Assert.Equal([3, 2, 1, 0, 0], stages.Select(s => s.GetProperty("reached").GetInt32()));
        Assert.Equal(15, stages[1].GetProperty("medianDays").GetDouble());
        Assert.Equal(30, stages[2].GetProperty("medianDays").GetDouble());
        Assert.Equal(JsonValueKind.Null, stages[3].GetProperty("medianDays").ValueKind);
        Assert.Equal(2.0 / 3, stages[1].GetProperty("shareOfIntents").GetDouble(), 6);
        int[] Reached(string list, string name) => [.. funnel.GetProperty(list).EnumerateArray().Single(r => r.GetProperty("name").GetString() == name).GetProperty("reached").EnumerateArray().Select(x => x.GetInt32())];
        Assert.Equal([1, 1, 1, 0, 0], Reached("byPerson", "A科员"));
        Assert.Equal([1, 1, 0, 0, 0], Reached("byPerson", "A科长"));
        Assert.Equal([2, 2, 1, 0, 0], Reached("bySection", "科室A"));
        Assert.Equal([1, 0, 0, 0, 0], Reached("bySection", "科室B"));

        var own = await (await staff.GetAsync("/api/projects/funnel")).ReadJsonAsync();
        Assert.Equal(2, own.GetProperty("stages")[0].GetProperty("reached").GetInt32());
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AStalledProjectGoesRedAndIsUrged(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var stalled = await CreateAsync(b, intent: -60, sign: -5);
        var moving = await CreateAsync(b, intent: -60, sign: 20);
        Assert.Equal(Light.Red, await b.LightOfAsync(stalled));
        Assert.NotEqual(Light.Red, await b.LightOfAsync(moving));

        await Travel.EscalateAsync(b);
        var steps = await b.WithDbAsync(d => d.EscalationSteps.Where(s => s.TaskId == stalled).ToListAsync());
        // Urged, or already past the 督办 day: the run raises the furthest step due.
        Assert.Contains(steps, s => s.Step is StepKind.Urge or StepKind.Supervise && s.Deadline == DeadlineKind.Milestone && s.DueOn == Today.AddDays(-5));
        Assert.DoesNotContain(await b.WithDbAsync(d => d.EscalationSteps.Where(s => s.TaskId == moving).ToListAsync()), s => s.Step == StepKind.Urge && s.Deadline == DeadlineKind.Milestone);

        // Signing clears the stalled stage: the light is no longer red.
        Assert.Equal(HttpStatusCode.Created, (await AdvanceAsync(await b.ApiAsync("staffA"), stalled, "签约", 0)).StatusCode);
        Assert.NotEqual(Light.Red, await b.LightOfAsync(stalled));
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task StaffOfAnotherSectionNeitherSeesNorAdvancesTheProject(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var id = await CreateAsync(b);
        var other = await b.ApiAsync("staffC");

        await (await AdvanceAsync(other, id, "签约", -5)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await (await other.GetAsync("/api/projects")).ReadJsonAsync()).EnumerateArray());
        Assert.Equal(0, (await (await other.GetAsync("/api/projects/funnel")).ReadJsonAsync()).GetProperty("stages")[0].GetProperty("reached").GetInt32());
        await (await other.PostAsJsonAsync("/api/projects", new { title = "x", investor = "y", industry = "z", leadSectionId = b.SectionC, responsiblePersonId = b.Person("staffC"), intentOn = Day(-1), completeTarget = Day(10) }))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        var pages = await b.PagesAsync("staffC");
        Assert.Equal(HttpStatusCode.NotFound, (await pages.GetAsync($"/Projects/{id}")).StatusCode);
        Assert.Equal(1, await b.WithDbAsync(d => d.ProjectStages.CountAsync(s => s.TaskId == id)));
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TheLedgerWorkbookHasOneRowPerProjectWithItsStageDatesAndTheFunnel(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var id = await CreateAsync(b, title: "智能装备产业园");
        await AdvanceAsync(await b.ApiAsync("staffA"), id, "签约", -20);
        await CreateAsync(b, title: "生物医药基地", person: "staffB", section: b.SectionB);

        var response = await (await b.ApiAsync("admin")).GetAsync("/api/projects/export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var workbook = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["项目台账", "漏斗", "按责任人", "按科室"], MiniExcel.GetSheetNames(workbook));
        var rows = MiniExcel.Query(workbook, useHeaderRow: true, sheetName: "项目台账").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(2, rows.Count);
        var row = rows.Single(r => (string)r["项目名称"] == "智能装备产业园");
        Assert.Equal(Day(-60), row["意向日期"]);
        Assert.Equal(Day(-20), row["签约日期"]);
        Assert.Equal("签约", row["当前阶段"]);
        Assert.Equal("A科员", row["责任人"]);
        var funnel = MiniExcel.Query(workbook, useHeaderRow: true, sheetName: "漏斗").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(2.0, Convert.ToDouble(funnel[0]["项目数"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1.0, Convert.ToDouble(funnel[1]["项目数"], System.Globalization.CultureInfo.InvariantCulture));
    }
}
