using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Luoshi.Features.Tasks;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Luoshi.Tests.Assessment;

/// <summary>考核 through HTTP: the office sets the scheme, leaders and the office score, everyone sees what is theirs.</summary>
public class AssessmentTests
{
    /// <summary>A first-quarter scheme (ended before the tests' today, 11 May 2026) with two tasks: A's, late and
    /// urged once, with B cooperating; and B's, done on time.</summary>
    internal static async Task<(Bureau B, int Scheme, WorkTask Late, WorkTask Done)> QuarterAsync(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var late = await b.TaskAsync(b.SectionA, new(2026, 1, 5), new(2026, 3, 20), cooperating: [b.SectionB], change: t => { t.Title = "建设孵化器"; t.ResponsiblePersonId = b.Person("staffA"); t.LeadLeaderId = b.Person("leader"); });
        var done = await b.TaskAsync(b.SectionB, new(2026, 1, 5), new(2026, 2, 27), change: t => { t.Title = "组织科普活动"; t.ResponsiblePersonId = b.Person("staffB"); });
        await b.WithDbAsync(async d =>
        {
            await d.Tasks.Where(t => t.Id == done.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.CompletedOn, new DateOnly(2026, 2, 26)));
            // As the escalation run writes a 催办: no actor, dated when raised.
            d.TaskEvents.Add(new TaskEvent { UnitId = b.UnitId, TaskId = late.Id, At = new DateTime(2026, 3, 25, 2, 0, 0, DateTimeKind.Utc), Kind = "urge", Summary = "请尽快报送进展" });
            return await d.SaveChangesAsync();
        });
        var admin = await b.ApiAsync("admin");
        var created = await admin.PostAsJsonAsync("/api/assessments", new { name = "2026年第一季度考核", periodStart = "2026-01-01", periodEnd = "2026-03-31" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (b, (await created.ReadJsonAsync()).GetProperty("id").GetInt32(), late, done);
    }

    private static async Task<JsonElement> ResultsAsync(HttpClient api, int scheme)
    {
        var response = await api.GetAsync($"/api/assessments/{scheme}/results");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    private static JsonElement Row(JsonElement results, string list, string name) =>
        results.GetProperty(list).EnumerateArray().Single(r => r.GetProperty("name").GetString() == name);

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TheResultsRankTheSectionsAndTraceEachDeductionToItsCause(string db)
    {
        var (b, scheme, late, _) = await QuarterAsync(db);
        var results = await ResultsAsync(await b.ApiAsync("leader"), scheme);

        Assert.Equal(["科室B", "科室A"], results.GetProperty("sections").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        var a = Row(results, "sections", "科室A");
        Assert.Equal(2, a.GetProperty("rank").GetInt32());
        var causes = a.GetProperty("deductions").EnumerateArray().Select(d => (d.GetProperty("taskId").GetInt32(), d.GetProperty("cause").GetString(), d.GetProperty("points").GetDecimal())).ToList();
        // The lead section carries 0.7 of the 0.5 for the 催办 and of the 0.1 a day for 21 to 31 March (7 working days).
        Assert.Equal([(late.Id, "催办：请尽快报送进展", 0.35m), (late.Id, "逾期7个工作日（完成时限 2026-03-20）", 0.49m)], causes);
        Assert.Equal(0.15m, Row(results, "sections", "科室B").GetProperty("deductions").EnumerateArray().First().GetProperty("points").GetDecimal());
        Assert.Equal(1, Row(results, "people", "B科员").GetProperty("rank").GetInt32());
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AScoreOutsideTheSchemeIsRefusedInChineseAndNothingIsSaved(string db)
    {
        var (b, scheme, late, _) = await QuarterAsync(db);
        var admin = await b.ApiAsync("admin");

        var tooMany = await (await admin.PostAsJsonAsync($"/api/assessments/{scheme}/adjustments", new { sectionId = b.SectionA, points = 6, reason = "获奖" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.StartsWith("分值超出本方案范围", tooMany.ErrorsOf("Points").Single());
        var noReason = await (await admin.PostAsJsonAsync($"/api/assessments/{scheme}/adjustments", new { sectionId = b.SectionA, points = -1 })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(noReason.ErrorsOf("Reason"));
        var unknown = await (await admin.PostAsJsonAsync($"/api/assessments/{scheme}/adjustments", new { sectionId = 999999, points = 1, reason = "获奖" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["科室不存在"], unknown.ErrorsOf("SectionId"));
        var badGrade = await (await admin.PostAsJsonAsync($"/api/assessments/{scheme}/grades", new { taskId = late.Id, grade = "甲" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["质量等次应为本方案的“优、良、中、差”之一"], badGrade.ErrorsOf("Grade"));
        var badScheme = await (await admin.PostAsJsonAsync("/api/assessments", new { name = "权重不对", periodStart = "2026-01-01", periodEnd = "2026-03-31", qualityWeight = 50 })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(badScheme.ErrorsOf("CompletionWeight"));
        Assert.Equal((0, 0, 1), await b.WithDbAsync(async d => (
            await d.ScoreAdjustments.CountAsync(a => a.SchemeId == scheme), await d.QualityGrades.CountAsync(g => g.SchemeId == scheme), await d.AssessmentSchemes.CountAsync(s => s.UnitId == b.UnitId))));

        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/assessments/{scheme}/adjustments", new { sectionId = b.SectionA, points = 2, reason = "获省级表彰" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await (await b.ApiAsync("leader")).PostAsJsonAsync($"/api/assessments/{scheme}/grades", new { taskId = late.Id, grade = "优" })).StatusCode);
        var a = Row(await ResultsAsync(admin, scheme), "sections", "科室A");
        Assert.Equal(2m, a.GetProperty("bonus").GetDecimal());
        Assert.Equal(1m, a.GetProperty("qualityRate").GetDecimal());
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task StaffMayNotScoreAndSeeOnlyTheirOwnScore(string db)
    {
        var (b, scheme, late, _) = await QuarterAsync(db);
        var staff = await b.ApiAsync("staffA");

        await (await staff.PostAsJsonAsync($"/api/assessments/{scheme}/adjustments", new { personId = b.Person("staffA"), points = 5, reason = "自评" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await staff.PostAsJsonAsync($"/api/assessments/{scheme}/grades", new { taskId = late.Id, grade = "优" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await (await b.ApiAsync("otherLeader")).PostAsJsonAsync($"/api/assessments/{scheme}/grades", new { taskId = late.Id, grade = "差" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(0, await b.WithDbAsync(d => d.ScoreAdjustments.CountAsync(a => a.SchemeId == scheme)));

        var own = await ResultsAsync(staff, scheme);
        Assert.Empty(own.GetProperty("sections").EnumerateArray());
        Assert.Equal(["A科员"], own.GetProperty("people").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        var head = await ResultsAsync(await b.ApiAsync("headB"), scheme);
        Assert.Equal(["科室B"], head.GetProperty("sections").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task ALockedSchemeRefusesEveryScoreChange(string db)
    {
        var (b, scheme, late, _) = await QuarterAsync(db);
        var admin = await b.ApiAsync("admin");
        var before = (await ResultsAsync(admin, scheme)).GetProperty("sections").GetRawText();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/assessments/{scheme}/lock", null)).StatusCode);

        // The late task's due date is moved by hand, past the period: the locked scores do not move.
        await b.WithDbAsync(d => d.Tasks.Where(t => t.Id == late.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.DueDate, new DateOnly(2026, 6, 30))));
        Assert.Equal(before, (await ResultsAsync(admin, scheme)).GetProperty("sections").GetRawText());

        var refused = await (await admin.PostAsJsonAsync($"/api/assessments/{scheme}/adjustments", new { sectionId = b.SectionA, points = 1, reason = "补记" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["考核已锁定，不能再修改"], refused.ErrorsOf("Scheme"));
        await (await admin.PostAsJsonAsync($"/api/assessments/{scheme}/grades", new { taskId = late.Id, grade = "优" })).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TheWorkbookReadsBackWithBothRankingsTracedDeductionsAndTheRecords(string db)
    {
        var (b, scheme, _, _) = await QuarterAsync(db);
        var pages = await b.PagesAsync("admin");
        var detail = $"/Assessment/Detail?id={scheme}";
        Assert.Equal(HttpStatusCode.Redirect, (await pages.PostFormAsync($"{detail}&handler=Adjustment", new() { ["target"] = $"p{b.Person("staffA")}", ["kind"] = "扣分", ["points"] = "1.5", ["reason"] = "信息报送差错" }, detail)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await pages.PostFormAsync($"{detail}&handler=Award", new() { ["target"] = $"s{b.SectionB}", ["kind"] = "通报表扬", ["reason"] = "按时办结" }, detail)).StatusCode);
        var html = await pages.GetHtmlAsync(detail);
        Assert.Contains("催办：请尽快报送进展", html);

        var excel = await pages.GetAsync($"{detail}&handler=Excel");
        using var workbook = new MemoryStream(await excel.Content.ReadAsByteArrayAsync());
        Assert.Equal(["科室排名", "个人排名", "扣分明细", "加减分", "奖惩"], MiniExcel.GetSheetNames(workbook));
        var ranking = MiniExcel.Query(workbook, useHeaderRow: true, sheetName: "科室排名").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(("科室B", 1.0), ((string)ranking[0]["科室"], Convert.ToDouble(ranking[0]["名次"], System.Globalization.CultureInfo.InvariantCulture)));
        var deductions = MiniExcel.Query(workbook, useHeaderRow: true, sheetName: "扣分明细").Cast<IDictionary<string, object>>().ToList();
        Assert.Contains(deductions, d => (string)d["名称"] == "科室A" && (string)d["原因"] == "催办：请尽快报送进展" && (string)d["日期"] == "2026-03-25");
        var adjustments = MiniExcel.Query(workbook, useHeaderRow: true, sheetName: "加减分").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(("A科员", -1.5, "办公室管理员"), ((string)adjustments.Single()["对象"], Convert.ToDouble(adjustments.Single()["分值"], System.Globalization.CultureInfo.InvariantCulture), (string)adjustments.Single()["评定人"]));
        Assert.Equal("通报表扬", MiniExcel.Query(workbook, useHeaderRow: true, sheetName: "奖惩").Cast<IDictionary<string, object>>().Single()["类别"]);
    }

    [Fact]
    public async Task TheOfficeCreatesASchemeOnThePageAndABadAdjustmentShowsItsError()
    {
        var b = await Bureau.CreateAsync("sqlite");
        var pages = await b.PagesAsync("admin");
        var form = PageClient.FormFields(await pages.GetHtmlAsync("/Assessment"));
        Assert.Equal("2026-01-01", form["Input.PeriodStart"]);
        var created = await pages.PostFormAsync("/Assessment", form);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var detail = created.Headers.Location!.OriginalString;

        var refused = await pages.PostFormAsync($"{detail}&handler=Adjustment", new() { ["target"] = $"s{b.SectionA}", ["kind"] = "加分", ["points"] = "8", ["reason"] = "获奖" }, detail);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("分值超出本方案范围", await refused.Content.ReadAsStringAsync());
        Assert.Equal(0, await b.WithDbAsync(d => d.ScoreAdjustments.CountAsync(a => a.UnitId == b.UnitId)));
        Assert.Equal(HttpStatusCode.NotFound, (await (await b.PagesAsync("staffA")).GetAsync("/Assessment/Edit?id=" + detail.Split('=')[^1])).StatusCode);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task EveryScoreChangeIsInTheRecordAndOneEditedInTheDatabaseIsCaught(string db)
    {
        var (b, scheme, late, _) = await QuarterAsync(db);
        var admin = await b.ApiAsync("admin");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/assessments/{scheme}/adjustments", new { sectionId = b.SectionA, points = 2, reason = "获省级表彰" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/assessments/{scheme}/grades", new { taskId = late.Id, grade = "中" })).StatusCode);
        var kinds = await b.WithDbAsync(d => d.RecordEntries.Where(e => e.UnitId == b.UnitId).Select(e => e.Kind).ToListAsync());
        Assert.Contains("score-adjustment", kinds);
        Assert.Contains("quality-grade", kinds);
        Assert.True((await b.WithDbAsync(d => Luoshi.Features.Record.Verifier.VerifyAsync(d, b.UnitId, CancellationToken.None))).Intact);

        // Two points quietly become five.
        await b.WithDbAsync(d => d.Database.ExecuteSqlAsync($"UPDATE \"ScoreAdjustments\" SET \"Points\" = 5 WHERE \"UnitId\" = {b.UnitId}"));
        var broken = (await b.WithDbAsync(d => Luoshi.Features.Record.Verifier.VerifyAsync(d, b.UnitId, CancellationToken.None))).FirstBroken;
        Assert.NotNull(broken);
        Assert.StartsWith("adjustment:", broken.EntityKey);
        Assert.Contains("points: \"2\" → \"5\"", broken.What);
    }
}
