using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Playwright;

namespace Luoshi.Tests.Browser;

/// <summary>
/// 对照盘点 in the browser: the office sees the default choice (the work points, 重点任务 only, no
/// appeal ledger), previews the 督查通报 as an unnumbered 送审稿, issues it (印发) and downloads it with
/// its number, on the desk and on the phone, where issuing the same period again asks first; a section
/// head is refused (403) when he posts an issue; a staff member on the phone finds no 督查通报 button and
/// downloads an unnumbered 本科室情况 without the red masthead.
/// </summary>
public class ReviewJourneyTests
{
    private static async Task<List<string>> DownloadAsync(Journey journey, string selector)
    {
        var download = await journey.Page.RunAndWaitForDownloadAsync(() => journey.Page.Locator(selector).First.ClickAsync());
        var path = await download.PathAsync();
        using var document = WordprocessingDocument.Open(path, false);
        return [.. document.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().Select(p => p.InnerText)];
    }

    [Fact]
    public async Task TheOfficeReviewsTheWorkPointsIssuesANumberedBulletinAndStaffGetAnUnnumberedPaper()
    {
        var site = await DemoSite.ForAsync("journey");
        string first;

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
            var draft = await DownloadAsync(office, "a:text('预览督查通报（Word，送审稿）')");
            Assert.Equal("督查通报", draft[0]);
            Assert.Contains("送审稿", draft[1], StringComparison.Ordinal);

            await office.SubmitAsync("button:has-text('签发并印发')");
            var notice = office.Page.Locator("p.notice");
            first = System.Text.RegularExpressions.Regex.Match(await notice.InnerTextAsync(), "〔[0-9]{4}〕第[0-9]+期").Value;
            Assert.NotEmpty(first);
            await office.AssertCleanAsync();
            await office.ShotAsync("reviews-issued-desk");
            var bulletin = await DownloadAsync(office, "p.notice a:text('下载')");
            Assert.Equal("督查通报", bulletin[0]);
            Assert.Equal(first, bulletin[1]);
            Assert.Contains(bulletin, p => p.StartsWith("抄送", StringComparison.Ordinal));
        }

        await using (var phone = await site.AsAsync("office", Screen.Phone))
        {
            // The same period again: asked first, then a number of its own; both stay on the list.
            await phone.OpenAsync("/Reviews");
            await phone.SubmitAsync("button:has-text('签发并印发')");
            Assert.Contains($"（{first}）", await phone.MainTextAsync(), StringComparison.Ordinal);
            await phone.AssertCleanAsync();
            await phone.ShotAsync("reviews-issue-again-phone");
            await phone.SubmitAsync("button:text('确认另编新号印发')");
            var second = System.Text.RegularExpressions.Regex.Match(await phone.Page.Locator("p.notice").InnerTextAsync(), "〔[0-9]{4}〕第[0-9]+期").Value;
            Assert.NotEqual(first, second);
            await phone.AssertCleanAsync();
            var listed = await phone.Page.Locator("section:has(h2:text('已印发的督查通报')) li").AllInnerTextsAsync();
            Assert.Contains(listed, l => l.Contains(first, StringComparison.Ordinal));
            var again = await DownloadAsync(phone, $"section:has(h2:text('已印发的督查通报')) a:has-text('{second}')");
            Assert.Equal(second, again[1]);
        }

        await using (var head = await site.AsAsync("head"))
        {
            await head.OpenAsync("/Reviews");
            Assert.Equal(0, await head.Page.Locator("button:has-text('签发并印发')").CountAsync());
            // Posted by hand with his own valid token, the issue is refused.
            var status = 0;
            await head.ExpectingAsync(403, async () => status = await head.Page.EvaluateAsync<int>("""
                async () => {
                  const token = document.querySelector('input[name=__RequestVerificationToken]').value;
                  const r = await fetch('/Reviews?handler=Issue', { method: 'POST', body: new URLSearchParams({ __RequestVerificationToken: token }) });
                  return r.status;
                }
                """));
            Assert.Equal(403, status);
        }

        await using (var staff = await site.AsAsync("staff", Screen.Phone))
        {
            await staff.OpenAsync("/Reviews");
            Assert.Equal(0, await staff.Page.Locator("a:has-text('督查通报')").CountAsync());
            Assert.Equal(0, await staff.Page.Locator("button:has-text('签发并印发')").CountAsync());
            await staff.AssertCleanAsync();
            await staff.ShotAsync("reviews-staff-phone");
            var paper = await DownloadAsync(staff, "a:has-text('本科室情况')");
            Assert.DoesNotContain(paper, p => p.Contains('〔') || p.Contains("督查通报", StringComparison.Ordinal));
            Assert.Contains(paper, p => p.Contains("本科室情况", StringComparison.Ordinal));
        }
    }

    /// <summary>
    /// The office chooses the work points and appeals: each is a section of its own (重点任务, 诉求办理情况),
    /// on the page and in the 送审稿; it issues the bulletin. The section head finds the notice in his
    /// inbox, opens it to his own unnumbered 本科室情况, and the numbered bulletin is not there for him.
    /// </summary>
    [Fact]
    public async Task TheOfficeReviewsWorkPointsAndAppealsInSectionsOfTheirOwnAndTheHeadIsToldAndGetsOnlyHisOwnPaper()
    {
        var site = await DemoSite.ForAsync("journey");
        string number;
        string issuedLink;

        await using (var office = await site.AsAsync("office"))
        {
            await office.OpenAsync("/Reviews");
            // The year up to today (截至某日), a period of its own, so that the other journey's first
            // issue of the month stays its first; it holds the demo's appeals, received today.
            var today = System.Text.RegularExpressions.Regex.Match(await office.Page.Locator("h1 small").InnerTextAsync(), "[0-9]{4}-[0-9]{2}-[0-9]{2}").Value;
            await office.Page.Locator("input[name=date]").FillAsync(today);
            await office.Page.Locator("input[name=kind][value='3']").CheckAsync();
            await office.SubmitAsync("button:text-is('盘点')");
            Assert.True(await office.Page.Locator("input[name=kind][value='0']").IsCheckedAsync());
            Assert.True(await office.Page.Locator("input[name=kind][value='3']").IsCheckedAsync());
            var headings = await office.Page.Locator("main section.card h2").AllInnerTextsAsync();
            Assert.Contains("重点任务", headings);
            Assert.Contains("诉求办理情况", headings);
            var appeals = office.Page.Locator("section.review-part:has(h2:text-is('诉求办理情况'))");
            Assert.Contains("本期受理（件）", await appeals.Locator("thead").InnerTextAsync(), StringComparison.Ordinal);
            var total = await appeals.Locator("tr.total th").AllInnerTextsAsync();
            Assert.Equal("合计", total[0].Trim());
            Assert.True(int.Parse(total[1], System.Globalization.CultureInfo.InvariantCulture) >= 2, "本期受理：" + total[1]);
            await office.AssertCleanAsync();
            await office.ShotAsync("reviews-sections-desk");

            var draft = await DownloadAsync(office, "a:text('预览督查通报（Word，送审稿）')");
            Assert.Contains(draft, p => p.EndsWith("、诉求办理情况", StringComparison.Ordinal));
            Assert.Contains(draft, p => p.StartsWith("本期受理诉求", StringComparison.Ordinal));

            await office.SubmitAsync("button:has-text('签发并印发')");
            if (await office.Page.Locator("button:text('确认另编新号印发')").CountAsync() > 0)
            {
                await office.SubmitAsync("button:text('确认另编新号印发')");
            }

            var notice = office.Page.Locator("p.notice");
            number = System.Text.RegularExpressions.Regex.Match(await notice.InnerTextAsync(), "〔[0-9]{4}〕第[0-9]+期").Value;
            Assert.NotEmpty(number);
            issuedLink = (await notice.Locator("a:text('下载')").GetAttributeAsync("href"))!;
            var bulletin = await DownloadAsync(office, "p.notice a:text('下载')");
            Assert.Equal(number, bulletin[1]);
            Assert.Contains(bulletin, p => p.EndsWith("、诉求办理情况", StringComparison.Ordinal));
        }

        await using (var head = await site.AsAsync("head", Screen.Phone))
        {
            await head.OpenAsync("/Notices");
            var told = head.Page.Locator($"li:has-text('{number}')").First;
            Assert.Contains("督查通报", await told.InnerTextAsync(), StringComparison.Ordinal);
            await head.AssertCleanAsync();
            await head.ShotAsync("reviews-bulletin-notice-phone");
            var paper = await DownloadAsync(head, $"li:has-text('{number}') a:text('打开')");
            Assert.Contains(paper, p => p.Contains("本科室情况", StringComparison.Ordinal));
            Assert.DoesNotContain(paper, p => p.Contains('〔') || p.Contains("督查通报", StringComparison.Ordinal));

            // The numbered bulletin by its address: not there for a section.
            var status = 0;
            await head.ExpectingAsync(404, async () => status = (await head.Page.GotoAsync(head.BaseUrl + issuedLink))!.Status);
            Assert.Equal(404, status);
        }
    }
}
