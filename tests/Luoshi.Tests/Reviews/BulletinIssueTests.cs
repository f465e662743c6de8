using System.Globalization;
using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Tests.Reviews;

/// <summary>印发: each 督查通报 the office issues takes the next number of the year, kept with its file and recorded.</summary>
public class BulletinIssueTests
{
    private static readonly DateOnly Today = TestApp.Today;
    private static readonly string Month = Today.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static Task<HttpResponseMessage> IssueAsync(PageClient client, string period, bool again = false) =>
        client.PostFormAsync($"/Reviews?handler=Issue&period={period}", again ? new() { ["again"] = "true" } : [], $"/Reviews?period={period}");

    private static async Task<List<string>> ParagraphsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        return [.. document.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().Select(p => p.InnerText)];
    }

    private static Task<List<(long Id, int Year, int Number, string Period)>> IssuedAsync(Bureau b) =>
        b.WithDbAsync(async db => (await db.IssuedBulletins.Where(x => x.UnitId == b.UnitId).OrderBy(x => x.Number)
            .Select(x => new { x.Id, x.Year, x.Number, x.Period }).ToListAsync()).Select(x => (x.Id, x.Year, x.Number, x.Period)).ToList());

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TheOfficeIssuesNumberedBulletinsKeptAndRecordedAndIssuesAPeriodAgainOnlyWhenConfirmed(string db)
    {
        var b = await Bureau.CreateAsync(db);
        await b.TaskAsync(b.SectionA, Today.AddDays(-30), Today.AddDays(-2), change: t => t.Title = "建设孵化器");
        var admin = await b.PagesAsync("admin");

        // The preview carries no number: numbers are given by issuing only.
        var draft = await ParagraphsAsync(await admin.GetAsync($"/Reviews?handler=Word&period={Month}"));
        Assert.Equal("督查通报", draft[0]);
        Assert.Contains("送审稿", draft[1], StringComparison.Ordinal);
        Assert.DoesNotMatch("第[0-9]+期", draft[1]);

        var first = await IssueAsync(admin, Month);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var issued = Assert.Single(await IssuedAsync(b));
        Assert.Equal((Today.Year, 1), (issued.Year, issued.Number));
        Assert.EndsWith($"issued={issued.Id}", first.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var page = await admin.GetHtmlAsync(first.Headers.Location.OriginalString);
        Assert.Contains($"已印发{Today.Year}年{Today.Month}月督查通报 〔{Today.Year}〕第1期", page);

        var file = await admin.GetAsync($"/Reviews?handler=Issued&id={issued.Id}");
        var paragraphs = await ParagraphsAsync(file);
        Assert.Equal("督查通报", paragraphs[0]);
        Assert.Equal($"〔{Today.Year}〕第1期", paragraphs[1]);
        Assert.Contains(paragraphs, p => p.StartsWith("已逾期（红灯）：“建设孵化器”", StringComparison.Ordinal));
        Assert.Equal($"督查通报〔{Today.Year}〕第1期-{Today.Year}年{Today.Month}月.docx", file.Content.Headers.ContentDisposition!.FileNameStar);
        var recorded = await b.WithDbAsync(d => d.RecordEntries.Where(e => e.UnitId == b.UnitId && e.EntityKey == $"bulletin:{issued.Id}").Select(e => e.Kind).ToListAsync());
        Assert.Equal(["bulletin"], recorded);

        // The same period again: the office is asked first, and nothing is numbered until it confirms.
        var asked = await IssueAsync(admin, Month);
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var question = await asked.Content.ReadAsStringAsync();
        Assert.Contains($"已于{Today.Year}年{Today.Month}月{Today.Day}日印发（〔{Today.Year}〕第1期）", question);
        Assert.Contains("确认另编新号印发", question);
        Assert.Single(await IssuedAsync(b));

        Assert.Equal(HttpStatusCode.Redirect, (await IssueAsync(admin, Month, again: true)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await IssueAsync(admin, $"{Today.Year}-Q1")).StatusCode);
        var all = await IssuedAsync(b);
        Assert.Equal([1, 2, 3], all.Select(x => x.Number));
        Assert.Equal($"{Today.Year}年第一季度", all[2].Period);
        var list = await admin.GetHtmlAsync("/Reviews");
        Assert.Contains($"督查通报〔{Today.Year}〕第2期", list);
        Assert.Contains($"handler=Issued&id={all[2].Id}", list);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task OnlyTheOfficeIssuesSectionsGet403AndOnlyTheOfficeAndLeadersDownloadIssuedBulletins(string db)
    {
        var b = await Bureau.CreateAsync(db);
        await b.TaskAsync(b.SectionA, Today.AddDays(-30), Today.AddDays(20));
        foreach (var who in new[] { "headA", "staffA", "leader" })
        {
            var response = await IssueAsync(await b.PagesAsync(who), Month);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("督查通报由办公室印发", await response.Content.ReadAsStringAsync());
        }

        Assert.Empty(await IssuedAsync(b));
        Assert.Equal(HttpStatusCode.Redirect, (await IssueAsync(await b.PagesAsync("admin"), Month)).StatusCode);
        var id = Assert.Single(await IssuedAsync(b)).Id;
        Assert.Equal(HttpStatusCode.NotFound, (await (await b.PagesAsync("staffA")).GetAsync($"/Reviews?handler=Issued&id={id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await b.PagesAsync("leader")).GetAsync($"/Reviews?handler=Issued&id={id}")).StatusCode);
        Assert.DoesNotContain("签发并印发", await (await b.PagesAsync("headA")).GetHtmlAsync("/Reviews"));

        // Another unit's office cannot reach this unit's bulletin by its id.
        var other = await Bureau.CreateAsync(db);
        Assert.Equal(HttpStatusCode.NotFound, (await (await other.PagesAsync("admin")).GetAsync($"/Reviews?handler=Issued&id={id}")).StatusCode);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TwoIssuesAtOnceTakeNumbersOneAndTwoAndTheSamePeriodTwiceAtOnceIsNumberedOnce(string db)
    {
        var b = await Bureau.CreateAsync(db);
        await b.TaskAsync(b.SectionA, Today.AddDays(-30), Today.AddDays(20));
        var offices = await Task.WhenAll(b.PagesAsync("admin"), b.PagesAsync("admin"));

        var lastMonth = Today.AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var both = await Task.WhenAll(IssueAsync(offices[0], Month), IssueAsync(offices[1], lastMonth));
        Assert.All(both, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal([1, 2], (await IssuedAsync(b)).Select(x => x.Number));

        // The same new period pressed by two people at once: one number, the other is asked to confirm.
        var quarter = $"{Today.Year}-Q1";
        var same = await Task.WhenAll(IssueAsync(offices[0], quarter), IssueAsync(offices[1], quarter));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Redirect], same.Select(r => r.StatusCode).Order());
        var all = await IssuedAsync(b);
        Assert.Equal([1, 2, 3], all.Select(x => x.Number));
        Assert.Single(all, x => x.Period == $"{Today.Year}年第一季度");
    }
}
