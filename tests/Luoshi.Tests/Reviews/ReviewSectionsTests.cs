using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Luoshi.Features.Reviews;
using Luoshi.Features.Tasks;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Luoshi.Tests.Reviews;

/// <summary>
/// A review of several kinds: the work points keep their table, and appeals, key projects,
/// rectification and study each get a section of their own with their own figures, on the page, in
/// the bulletin and in the workbook. The items are made through each ledger's own API.
/// </summary>
public class ReviewSectionsTests
{
    private static readonly DateOnly Today = TestApp.Today;
    private static readonly string Month = Today.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static async Task<int> IdAsync(HttpResponseMessage response, string property)
    {
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.ReadJsonAsync()).GetProperty(property).GetInt32();
    }

    private static async Task<int> AppealAsync(HttpClient admin, Bureau b, int section, string person) =>
        await IdAsync(await admin.PostAsJsonAsync("/api/appeals", new { content = "成果转化奖励何时兑现", category = "成果转化", leadSectionId = section, responsiblePersonId = b.Person(person) }), "taskId");

    private static void Figures(IReadOnlyList<double?> actual, params double?[] expected) => Assert.Equal(expected, actual);

    private static async Task<List<int>> PlansAsync(Bureau b) =>
        await b.WithDbAsync(d => d.Plans.Where(p => p.UnitId == b.UnitId).Select(p => p.Id).ToListAsync());

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AMixedReviewHasASectionPerKindWithItsOwnFigures(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var admin = await b.ApiAsync("admin");
        var staffA = await b.ApiAsync("staffA");
        await b.TaskAsync(b.SectionA, Today.AddDays(-30), Today.AddDays(-5), change: t => t.Title = "要点甲");

        // Appeals: one received and answered on time today, then followed up 满意; one of section B
        // still open within its time; one received in April, past its first deadline and unanswered.
        var answered = await AppealAsync(admin, b, b.SectionA, "staffA");
        Assert.Equal(HttpStatusCode.OK, (await staffA.PostAsJsonAsync($"/api/appeals/{answered}/reply", new { text = "已安排兑现" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/appeals/{answered}/followup", new { satisfaction = "满意" })).StatusCode);
        await AppealAsync(admin, b, b.SectionB, "staffB");
        var old = await AppealAsync(admin, b, b.SectionA, "staffA");
        await b.WithDbAsync(d => d.Appeals.Where(a => a.TaskId == old)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.ReceivedOn, new DateOnly(2026, 4, 20)).SetProperty(a => a.FirstDueDate, new DateOnly(2026, 5, 6))));

        // Projects: one signed and with funds in place this month, one still an intention.
        var moving = await Projects.ProjectsTests.CreateAsync(b, title: "电池项目");
        Assert.Equal(HttpStatusCode.Created, (await Projects.ProjectsTests.AdvanceAsync(staffA, moving, "签约", -30)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Projects.ProjectsTests.AdvanceAsync(staffA, moving, "资金到位", -5, "到账凭证")).StatusCode);
        await Projects.ProjectsTests.CreateAsync(b, title: "芯片项目");

        // Rectification: one problem with two measures, neither done.
        var opinion = await IdAsync(await admin.PostAsJsonAsync("/api/opinions", new { content = "申报材料太多", source = "Meeting" }), "id");
        var problem = await IdAsync(await admin.PostAsJsonAsync("/api/problems", new { title = "申报负担重", category = "作风建设", leaderId = b.Person("leader"), opinionIds = new[] { opinion } }), "id");
        foreach (var (title, section) in new[] { ("精简材料", b.SectionA), ("合并填报", b.SectionB) })
        {
            await IdAsync(await admin.PostAsJsonAsync($"/api/problems/{problem}/measures", new { title, leadSectionId = section, responsiblePersonId = b.Person(section == b.SectionA ? "staffA" : "staffB"), dueDate = Today.AddDays(30) }), "taskId");
        }

        // Study: a group of three needing 3 group sessions and 20 hours each; 2 h on 1 May (two
        // members), 3 h on 1 April (one), so every member is behind by the ledger's rule.
        var (_, group) = await Study.StudyTests.PlanAsync(b);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/study/sessions", Study.StudyTests.Session(group, "2026-05-01", 2, [b.Person("headA"), b.Person("staffA")]))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/study/sessions", Study.StudyTests.Session(group, "2026-04-01", 3, [b.Person("staffA")]))).StatusCode);

        var choice = ReviewChoice.From(await PlansAsync(b), [WorkKind.Task, WorkKind.Appeal, WorkKind.Project, WorkKind.Rectification]);
        Review review;
        await using (var scope = b.App.Services.CreateAsyncScope())
        {
            review = await scope.ServiceProvider.GetRequiredService<ReviewData>().LoadAsync(b.AdminViewer, ReviewPeriod.Parse(Month)!, choice, default);
        }

        // The work points alone in their table: no appeal, project, measure or study requirement.
        Assert.Equal(["要点甲"], review.Rows.Select(r => r.Title));
        Assert.Equal(["诉求办理情况", "重点项目推进情况", "问题整改情况", "理论学习情况"], review.Parts.Select(p => p.Title));
        static IReadOnlyList<double?> Total(Review r, string title) => r.Parts.Single(p => p.Title == title).Total.Values;

        // 本期受理, 本期答复, 按时, 按时率, 超期未答复, 已回访, 满意率
        Figures(Total(review, "诉求办理情况"), 2, 1, 1, 1.0, 1, 1, 1.0);
        var appeals = review.Parts[0];
        Assert.Equal(["科室A", "科室B"], appeals.Lines.Select(l => l.Label));
        Figures(appeals.Lines[0].Values, 1, 1, 1, 1.0, 1, 1, 1.0);
        Assert.Contains("超期未答复", Assert.Single(appeals.Attention).Note, StringComparison.Ordinal);

        // 项目, 意向 … 投产/竣工, 本期推进, 逾期未竣工, 计划投资, 资金到位, 到位率
        Figures(Total(review, "重点项目推进情况"), 2, 1, 0, 1, 0, 0, 1, 0, 104000, 52000, 0.5);
        // 问题, 已销号, 措施, 已完成, 本期完成, 完成率, 逾期
        Figures(Total(review, "问题整改情况"), 1, 0, 2, 0, 0, 0.0, 0);
        Assert.Equal(2, review.Parts[2].Lines.Count);
        // 成员, 要求集体学习, 已集体学习, 本期学习, 人均学时, 要求学时, 达标, 落后, 四落实不全
        var study = Total(review, "理论学习情况");
        Figures([.. study.Take(4)], 3, 3, 2, 1);
        Assert.Equal(7.0 / 3, study[4]!.Value, 3);
        Figures([.. study.Skip(5)], 20, 0, 3, 0);

        // The same on the page, in the bulletin and in the workbook.
        var office = await b.PagesAsync("admin");
        var query = ReviewPeriod.Parse(Month)!.Query(review.CountedPlans, review.Kinds);
        var page = await office.GetHtmlAsync($"/Reviews?{query}");
        Assert.Contains("<h2>重点任务</h2>", page);
        Assert.Contains("<h2>诉求办理情况</h2>", page);
        Assert.Contains("<h2>理论学习情况</h2>", page);
        var word = await office.GetAsync($"/Reviews?handler=Word&{query}");
        using (var document = WordprocessingDocument.Open(new MemoryStream(await word.Content.ReadAsByteArrayAsync()), false))
        {
            var paragraphs = document.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().Select(p => p.InnerText).ToList();
            Assert.Contains("一、总体情况", paragraphs);
            Assert.Contains("三、诉求办理情况", paragraphs);
            Assert.Contains("四、重点项目推进情况", paragraphs);
            Assert.Contains("五、问题整改情况", paragraphs);
            Assert.Contains("六、理论学习情况", paragraphs);
            Assert.Contains("七、下步要求", paragraphs);
            Assert.Contains(paragraphs, p => p.StartsWith("本期受理诉求2件，答复1件，其中按时答复1件，按时答复率100%", StringComparison.Ordinal));
            Assert.Contains("科室A：本期受理1件，本期答复1件，其中按时答复1件，按时答复率100%，超期未答复1件，已回访1件，回访满意率100%。", paragraphs);
            Assert.Contains(paragraphs, p => p.Contains("计划投资104000万元，资金到位52000万元，投资到位率50%", StringComparison.Ordinal));
            // The work points' count is the work points': one, not eight.
            Assert.Contains(paragraphs, p => p.StartsWith("列入督查的重点工作共1项", StringComparison.Ordinal));
        }

        var excel = await office.GetAsync($"/Reviews?handler=Excel&{query}");
        using var workbook = new MemoryStream(await excel.Content.ReadAsByteArrayAsync());
        Assert.Equal(["任务分解表", "科室统计", "诉求办理情况", "重点项目推进情况", "问题整改情况", "理论学习情况", "需督促事项"], MiniExcel.GetSheetNames(workbook));
        var projects = MiniExcel.Query(workbook, useHeaderRow: true, sheetName: "重点项目推进情况").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal("合计", projects[^1]["牵头科室"]);
        Assert.Equal(104000.0, Convert.ToDouble(projects[^1]["计划投资（万元）"], CultureInfo.InvariantCulture));
        Assert.Equal(0.5, Convert.ToDouble(projects[^1]["投资到位率"], CultureInfo.InvariantCulture));
        var tasks = MiniExcel.Query(workbook, useHeaderRow: true, sheetName: "任务分解表").Cast<IDictionary<string, object>>().Select(r => (string)r["任务"]).ToList();
        Assert.Equal(["要点甲"], tasks);
    }
}
