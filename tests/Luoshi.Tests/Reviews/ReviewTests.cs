using System.Net;
using System.Net.Http.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Luoshi.Features.Plans;
using Luoshi.Features.Reviews;
using Luoshi.Features.Tasks;
using Luoshi.Features.WorkItems;
using Microsoft.Extensions.DependencyInjection;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Luoshi.Tests.Reviews;

/// <summary>对照盘点: the month's breakdown table in Excel and the bulletin in Word, opened back and read.</summary>
public class ReviewTests
{
    private static readonly DateOnly Today = TestApp.Today;

    [Theory]
    [InlineData("2026-10", "2026-10-01", "2026-10-31", "2026年10月")]
    [InlineData("2026-Q3", "2026-07-01", "2026-09-30", "2026年第三季度")]
    [InlineData("2026-05-11", "2026-01-01", "2026-05-11", "截至2026年5月11日")]
    public void APeriodIsAMonthAQuarterOrTheDaysUpToADate(string text, string start, string end, string label)
    {
        var period = ReviewPeriod.Parse(text)!;
        Assert.Equal((DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), label), (period.Start, period.End, period.Label));
        Assert.Null(ReviewPeriod.Parse("2026-13"));
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TheMonthsWorkbookAndBulletinReadBackWithTheTasksAndTheirLights(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var late = await b.TaskAsync(b.SectionA, Today.AddDays(-60), Today.AddDays(-5), change: t => { t.Title = "建设孵化器"; t.ResponsiblePersonId = b.Person("staffA"); });
        var fine = await b.TaskAsync(b.SectionB, Today.AddDays(-10), Today.AddDays(90), change: t => { t.Title = "组织科普活动"; t.TargetValue = 50; t.TargetUnit = "场"; });
        var staffB = await b.ApiAsync("staffB");
        await staffB.PostAsJsonAsync($"/api/tasks/{fine.Id}/reports", new { progress = "已组织12场", percent = 24 });
        var admin = await b.PagesAsync("admin");

        var excel = await admin.GetAsync("/Reviews?handler=Excel&period=2026-05");
        Assert.Equal(HttpStatusCode.OK, excel.StatusCode);
        using var workbook = new MemoryStream(await excel.Content.ReadAsByteArrayAsync());
        Assert.Equal(["任务分解表", "科室统计"], MiniExcel.GetSheetNames(workbook));
        var rows = MiniExcel.Query(workbook, useHeaderRow: true, sheetName: "任务分解表").Cast<IDictionary<string, object>>().ToList();
        var lateRow = rows.Single(r => (string)r["任务"] == "建设孵化器");
        Assert.Equal("红灯", lateRow["亮灯"]);
        Assert.Equal("A科员", lateRow["责任人"]);
        var fineRow = rows.Single(r => (string)r["任务"] == "组织科普活动");
        Assert.Equal("已组织12场", fineRow["最新进展"]);
        Assert.Equal("50场", fineRow["量化目标"]);
        var figures = MiniExcel.Query(workbook, useHeaderRow: true, sheetName: "科室统计").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(1.0, Convert.ToDouble(figures.Single(f => (string)f["牵头科室"] == "科室B")["本期报送"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("合计", figures[^1]["牵头科室"]);
        Assert.Equal(2.0, Convert.ToDouble(figures[^1]["任务数"], System.Globalization.CultureInfo.InvariantCulture));

        var word = await admin.GetAsync("/Reviews?handler=Word&period=2026-05");
        using var document = WordprocessingDocument.Open(new MemoryStream(await word.Content.ReadAsByteArrayAsync()), false);
        var paragraphs = document.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Equal("督查通报", paragraphs[0]);
        Assert.Contains("关于2026年5月重点工作落实情况的通报", paragraphs);
        Assert.Contains("一、总体情况", paragraphs);
        Assert.Contains(paragraphs, p => p.StartsWith("已逾期（红灯）：“建设孵化器”", StringComparison.Ordinal));
        var bodyFont = document.MainDocumentPart.Document.Body.Descendants<RunFonts>().Select(f => f.EastAsia?.Value).Distinct().ToList();
        Assert.Contains("仿宋_GB2312", bodyFont);
        var margins = document.MainDocumentPart.Document.Body.Descendants<PageMargin>().Single();
        Assert.Equal(2098, margins.Top!.Value);

        // Nothing in English in what is sent out: headers, cells, the bulletin's text.
        var texts = rows.Concat(figures).SelectMany(r => r.Keys.Concat(r.Values.OfType<string>())).Append(document.MainDocumentPart.Document.Body.InnerText);
        // The test bureau's own name ends in a random hex tag ("测试局aae4e8"): that is data, not English.
        var unitName = await b.WithDbAsync(db => db.Units.Where(u => u.Id == b.UnitId).Select(u => u.Name).SingleAsync());
        Assert.All(texts, t => Assert.DoesNotMatch("[A-Za-z]{3,}", t.Replace(unitName, "", StringComparison.Ordinal)));
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TheDefaultReviewCountsTheWorkPointsOnlyAndChosenKindsBringInAppealsAndProjects(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var point = await b.TaskAsync(b.SectionA, Today.AddDays(-30), Today.AddDays(60), change: t => t.Title = "工作要点一");
        var appealPlan = await b.WithDbAsync(d => LedgerPlans.IdAsync(d, b.App.Services.GetRequiredService<Luoshi.Features.Plans.PlanCache>(), b.UnitId, 2026, new Luoshi.Features.Appeals.AppealLedgerKind(), DateTime.UtcNow, default));
        var projectPlan = await b.WithDbAsync(d => LedgerPlans.IdAsync(d, b.App.Services.GetRequiredService<Luoshi.Features.Plans.PlanCache>(), b.UnitId, 2026, new Luoshi.Features.Projects.ProjectLedgerKind(), DateTime.UtcNow, default));
        var appeal = await b.TaskAsync(b.SectionB, Today.AddDays(-3), Today.AddDays(10), change: t => { t.Title = "诉求一"; t.PlanId = appealPlan; });
        var project = await b.TaskAsync(b.SectionB, Today.AddDays(-3), Today.AddDays(100), change: t => { t.Title = "项目一"; t.PlanId = projectPlan; });
        await b.WithDbAsync(async d =>
        {
            await d.Tasks.Where(t => t.Id == appeal.Id).ExecuteUpdateAsync(u => u.SetProperty(t => t.Kind, WorkKind.Appeal));
            return await d.Tasks.Where(t => t.Id == project.Id).ExecuteUpdateAsync(u => u.SetProperty(t => t.Kind, WorkKind.Project));
        });
        var period = ReviewPeriod.Parse(Today.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture))!;

        async Task<Review> Review(ReviewChoice choice)
        {
            await using var scope = b.App.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ReviewData>().LoadAsync(b.AdminViewer, period, choice, default);
        }

        var byDefault = await Review(ReviewChoice.Default);
        Assert.Equal([point.Id], byDefault.Rows.Select(r => r.TaskId));
        Assert.Equal([b.PlanId], byDefault.CountedPlans);
        Assert.Equal(1, byDefault.Sections.Sum(s => s.Tasks));

        Assert.Empty(byDefault.Parts);

        // Choosing the kinds brings in their ledger plans by default, and with them the items, each
        // kind in a section of its own: the work points' table keeps the work points only.
        var all = await Review(ReviewChoice.From(null, [WorkKind.Task, WorkKind.Appeal, WorkKind.Project]));
        Assert.Equal(new[] { b.PlanId, appealPlan, projectPlan }.Order(), all.CountedPlans.Order());
        Assert.Equal([point.Id], all.Rows.Select(r => r.TaskId));
        Assert.Equal(["诉求办理情况", "重点项目推进情况"], all.Parts.Select(p => p.Title));
        // Ticking 诉求 on a page that showed the work points' plan only brings the appeals' plan with it.
        var ticked = await Review(ReviewChoice.From([b.PlanId], [WorkKind.Task, WorkKind.Appeal]));
        Assert.Equal(new[] { b.PlanId, appealPlan }.Order(), ticked.CountedPlans.Order());
        Assert.Equal(["诉求办理情况"], ticked.Parts.Select(p => p.Title));
        var appealsOnly = await Review(ReviewChoice.From([appealPlan], [WorkKind.Appeal]));
        Assert.Empty(appealsOnly.Rows);
        Assert.False(appealsOnly.HasWorkPoints);
        Assert.Equal(["诉求办理情况"], appealsOnly.Parts.Select(p => p.Title));

        // The page keeps the choice in its links, so the workbook counts the same items.
        var admin = await b.PagesAsync("admin");
        var page = await admin.GetHtmlAsync("/Reviews");
        Assert.Contains($"name=\"plan\" value=\"{b.PlanId}\" checked", page);
        Assert.DoesNotContain($"name=\"plan\" value=\"{appealPlan}\" checked", page);
        var excel = await admin.GetAsync($"/Reviews?handler=Excel&period={period.Start:yyyy-MM}&kind=0&kind=3");
        using var workbook = new MemoryStream(await excel.Content.ReadAsByteArrayAsync());
        var titles = MiniExcel.Query(workbook, useHeaderRow: true, sheetName: "任务分解表").Cast<IDictionary<string, object>>().Select(r => (string)r["任务"]).ToList();
        Assert.Equal(["工作要点一"], titles);
        Assert.Equal(["任务分解表", "科室统计", "诉求办理情况"], MiniExcel.GetSheetNames(workbook));
        var defaultExcel = await admin.GetAsync($"/Reviews?handler=Excel&period={period.Start:yyyy-MM}");
        using var defaultBook = new MemoryStream(await defaultExcel.Content.ReadAsByteArrayAsync());
        Assert.Equal(["工作要点一"], MiniExcel.Query(defaultBook, useHeaderRow: true, sheetName: "任务分解表").Cast<IDictionary<string, object>>().Select(r => (string)r["任务"]));
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task OnlyTheOfficeGetsTheBulletinWithTheRedMastheadOthersAnUnnumberedPaperOfWhatTheySee(string db)
    {
        var b = await Bureau.CreateAsync(db);
        await b.TaskAsync(b.SectionA, Today.AddDays(-30), Today.AddDays(60), change: t => { t.Title = "甲科任务"; t.ResponsiblePersonId = b.Person("staffA"); });
        await b.TaskAsync(b.SectionB, Today.AddDays(-30), Today.AddDays(60), change: t => t.Title = "乙科任务");
        var month = Today.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

        static async Task<(string Name, List<string> Paragraphs, List<string> Colours)> Word(PageClient client, string month)
        {
            var response = await client.GetAsync($"/Reviews?handler=Word&period={month}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
            var body = document.MainDocumentPart!.Document!.Body!;
            return (response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName!,
                body.Elements<Paragraph>().Select(p => p.InnerText).ToList(),
                body.Descendants<Color>().Select(c => c.Val?.Value ?? "").ToList());
        }

        var office = await Word(await b.PagesAsync("admin"), month);
        Assert.Equal("督查通报", office.Paragraphs[0]);
        // Its number is given when it is issued (BulletinIssueTests); the download is the 送审稿.
        Assert.Equal("〔2026〕第　期（送审稿，印发时编号）", office.Paragraphs[1]);
        Assert.Contains("FF0000", office.Colours);

        var staff = await Word(await b.PagesAsync("staffA"), month);
        Assert.StartsWith("本科室情况", staff.Name, StringComparison.Ordinal);
        Assert.DoesNotContain(staff.Paragraphs, p => p.Contains("督查通报", StringComparison.Ordinal) || p.Contains('〔'));
        Assert.DoesNotContain("FF0000", staff.Colours);
        Assert.Contains(staff.Paragraphs, p => p.Contains("本科室情况", StringComparison.Ordinal));
        Assert.DoesNotContain(staff.Paragraphs, p => p.Contains("乙科任务", StringComparison.Ordinal));

        var leader = await Word(await b.PagesAsync("leader"), month);
        Assert.StartsWith("情况汇总", leader.Name, StringComparison.Ordinal);
        Assert.DoesNotContain(leader.Paragraphs, p => p.Contains('〔'));

        var staffPage = await (await b.PagesAsync("staffA")).GetHtmlAsync("/Reviews");
        Assert.DoesNotContain("预览督查通报", staffPage);
        Assert.DoesNotContain("签发并印发", staffPage);
        Assert.Contains("不编号", staffPage);
    }

    [Fact]
    public void TheBulletinGivesTheYearOfALateDeadlinePraisesTheSectionsThatFinishedAndEndsWithTheBanji()
    {
        var period = ReviewPeriod.Parse("2026-11")!;
        var rows = new List<ReviewRow>
        {
            new(1, null, "建设孵化器", null, "科室甲", "", "张三", "", new DateOnly(2027, 1, 15), null, 10, Luoshi.Features.Lights.Light.Yellow, Luoshi.Features.Lights.LightReason.BehindSchedule, null),
            new(2, null, "组织科普活动", null, "科室乙", "", null, "", new DateOnly(2026, 10, 1), null, 100, Luoshi.Features.Lights.Light.Done, Luoshi.Features.Lights.LightReason.Completed, new DateOnly(2026, 9, 30)),
            new(3, null, "修订办法", null, "科室丙", "", null, "", new DateOnly(2026, 12, 20), null, 50, Luoshi.Features.Lights.Light.Green, Luoshi.Features.Lights.LightReason.OnTrack, null),
        };
        var sections = new List<SectionFigures>
        {
            new("科室甲", 1, 0, 0, 0, 1, 0, 0, 1, 1),
            new("科室乙", 1, 1, 0, 0, 0, 0, 0, 1, 0),
            new("科室丙", 1, 0, 0, 1, 0, 0, 0, 1, 0),
        };
        var review = new Review("某某局", period, new DateOnly(2026, 11, 30), rows, sections);
        using var document = WordprocessingDocument.Open(new MemoryStream(Bulletin.Write(review, "〔2026〕第11期", new DateOnly(2026, 11, 30))), false);
        var paragraphs = document.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Contains(paragraphs, p => p.Contains("时限2027年1月15日", StringComparison.Ordinal));
        Assert.Contains("科室乙牵头的任务已按时全部完成，进展按时报送，予以表扬。", paragraphs);
        Assert.Contains("科室丙无逾期事项，无逾期报送。", paragraphs);
        Assert.Equal("抄送：局领导。", paragraphs[^2]);
        Assert.EndsWith("印发日期：2026年11月30日", paragraphs[^1], StringComparison.Ordinal);

        using var plain = WordprocessingDocument.Open(new MemoryStream(Bulletin.WriteUnnumbered(review, "情况汇总", new DateOnly(2026, 11, 30))), false);
        Assert.DoesNotContain(plain.MainDocumentPart!.Document!.Body!.Elements<Paragraph>(), p => p.InnerText.StartsWith("抄送", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnUnreadablePeriodIsABadRequestThatSaysHowToWriteIt()
    {
        var b = await Bureau.CreateAsync("sqlite");
        var admin = await b.PagesAsync("admin");
        var response = await admin.GetAsync("/Reviews?period=下个月");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
