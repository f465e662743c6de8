using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Playwright;

namespace Luoshi.Tests.Browser;

/// <summary>
/// 对照盘点 in the browser: the office sees the default choice (the work points, 重点任务 only, no
/// appeal ledger) and downloads the numbered 督查通报; a staff member on the phone finds no 督查通报
/// button and downloads an unnumbered 本科室情况 without the red masthead.
/// </summary>
public class ReviewJourneyTests
{
    private static async Task<List<string>> DownloadAsync(Journey journey, string selector)
    {
        var download = await journey.Page.RunAndWaitForDownloadAsync(() => journey.Page.Locator(selector).ClickAsync());
        var path = await download.PathAsync();
        using var document = WordprocessingDocument.Open(path, false);
        return [.. document.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().Select(p => p.InnerText)];
    }

    [Fact]
    public async Task TheOfficeReviewsTheWorkPointsAndStaffGetAnUnnumberedPaper()
    {
        var site = await DemoSite.ForAsync("journey");

        await using (var office = await site.AsAsync("office"))
        {
            await office.OpenAsync("/Reviews");
            Assert.True(await office.Page.Locator("input[name=kind][value='0']").IsCheckedAsync());
            Assert.False(await office.Page.Locator("input[name=kind][value='3']").IsCheckedAsync());
            var appealPlans = office.Page.Locator("label:has-text('诉求办理') input[name=plan]");
            for (var i = 0; i < await appealPlans.CountAsync(); i++)
            {
                Assert.False(await appealPlans.Nth(i).IsCheckedAsync());
            }

            await office.AssertCleanAsync();
            var bulletin = await DownloadAsync(office, "a:text('下载督查通报（Word）')");
            Assert.Equal("督查通报", bulletin[0]);
            Assert.Matches("^督查〔[0-9]{4}〕[0-9]+号$", bulletin[1]);
        }

        await using (var staff = await site.AsAsync("staff", Screen.Phone))
        {
            await staff.OpenAsync("/Reviews");
            Assert.Equal(0, await staff.Page.Locator("a:text('下载督查通报（Word）')").CountAsync());
            await staff.AssertCleanAsync();
            await staff.ShotAsync("reviews-staff-phone");
            var paper = await DownloadAsync(staff, "a:has-text('本科室情况')");
            Assert.DoesNotContain(paper, p => p.Contains('〔') || p.Contains("督查通报", StringComparison.Ordinal));
            Assert.Contains(paper, p => p.Contains("本科室情况", StringComparison.Ordinal));
        }
    }
}
