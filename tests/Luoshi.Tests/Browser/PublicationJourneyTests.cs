using Microsoft.Playwright;

namespace Luoshi.Tests.Browser;

/// <summary>
/// 公开承诺 as the issue's "done when" says: the office marks three demo tasks public, writes their
/// public words (an empty form first), previews and publishes; an anonymous phone sees them with their
/// status and dates, filters them, and reads an earlier edition unchanged; a later edit shows only in
/// the next edition.
/// </summary>
public class PublicationJourneyTests
{
    private static readonly (string Task, string Title, string Area)[] Picked =
    [
        ("新建市级重点实验室5家", "新建市级重点实验室", "平台建设"),
        ("选派科技特派员服务乡村振兴", "科技特派员服务乡村振兴", "乡村振兴"),
        ("修订市科技计划项目管理办法", "修订科技计划项目管理办法", "制度建设"),
    ];

    [Fact]
    public async Task TheOfficePublishesThreeCommitmentsAndAnyoneReadsThemOnAPhone()
    {
        var site = await DemoSite.ForAsync("journey");
        var unit = await site.UnitIdAsync();
        var unique = FormChecks.Unique();
        var titles = Picked.Select(p => $"{p.Title}第{unique}号").ToArray();
        int number;
        await using (var office = await site.AsAsync("office"))
        {
            await office.OpenAsync("/");
            // The menu link (in the 督查 group, folded until hovered).
            var link = office.Page.Locator("header nav a", new() { HasText = "公开承诺" });
            Assert.Equal(1, await link.CountAsync());
            await office.OpenAsync((await link.GetAttributeAsync("href"))!);
            Assert.EndsWith("/Publication", office.Page.Url, StringComparison.Ordinal);
            await office.AssertCleanAsync();
            for (var i = 0; i < Picked.Length; i++)
            {
                await office.OpenAsync("/Publication");
                await office.Page.SelectOptionAsync("select[name=taskId]", new SelectOptionValue { Label = Picked[i].Task });
                await office.SubmitAsync("form[action='/Publication/Edit'] button[type=submit]");
                Assert.Contains(Picked[i].Task, await office.MainTextAsync(), StringComparison.Ordinal);
                if (i == 0)
                {
                    await office.SubmitUncheckedAsync("main form[method=post] button.primary");
                    await office.AssertMessageBesideAsync("#Input_PublicTitle", "Input.PublicTitle", "请填写公开标题");
                    await office.AssertMessageBesideAsync("#Input_Narrative", "Input.Narrative", "请填写向社会公开的进展说明");
                    await office.AssertReadsCleanAsync();
                    await office.ShotAsync("公开承诺-编辑");
                }

                await office.Page.FillAsync("#Input_PublicTitle", titles[i]);
                await office.Page.FillAsync("#Input_Area", Picked[i].Area);
                await office.Page.FillAsync("#Input_Narrative", $"这是第{i + 1}项承诺的进展说明，已按计划组织实施。");
                await office.SubmitAsync("main form[method=post] button.primary");
                Assert.EndsWith("/Publication", office.Page.Url, StringComparison.Ordinal);
                Assert.Contains(titles[i], await office.MainTextAsync(), StringComparison.Ordinal);
            }

            await office.AssertCleanAsync();
            await office.ShotAsync("公开承诺-办公室");
            await office.Page.GetByRole(AriaRole.Link, new() { Name = "预览并发布" }).ClickAsync();
            await office.Page.WaitForURLAsync("**/Publication/Preview");
            var preview = await office.MainTextAsync();
            Assert.All(titles, t => Assert.Contains(t, preview, StringComparison.Ordinal));
            await office.AssertCleanAsync();
            await office.ShotAsync("公开承诺-预览");
            await office.SubmitAsync("main form button.primary");
            var notice = await office.Page.Locator("main .notice").InnerTextAsync();
            Assert.Matches("^已发布第[0-9]+期公开承诺$", notice);
            number = int.Parse(notice[4..notice.IndexOf('期', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(number >= 2, notice);

            // Rewritten after publishing: the public reads the old words until the next edition.
            await office.OpenAsync("/Publication");
            await office.Page.Locator("tr", new() { HasText = titles[0] }).GetByRole(AriaRole.Link, new() { Name = "编辑" }).ClickAsync();
            await office.Page.WaitForURLAsync("**/Publication/Edit?taskId=*");
            await office.Page.FillAsync("#Input_Narrative", $"改写后的说明第{unique}号");
            await office.SubmitAsync("main form[method=post] button.primary");
        }

        var violations = new List<string>();
        await using (var phone = await site.AnonymousAsync(Screen.Phone))
        {
            phone.Page.Console += (_, message) =>
            {
                if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
                {
                    violations.Add($"{phone.Page.Url}：{message.Text}");
                }
            };
            await phone.OpenAsync($"/Public/Progress/{unit}");
            var text = await phone.MainTextAsync();
            Assert.Contains($"第{number}期", text, StringComparison.Ordinal);
            Assert.All(titles, t => Assert.Contains(t, text, StringComparison.Ordinal));
            Assert.DoesNotContain($"改写后的说明第{unique}号", text, StringComparison.Ordinal);
            Assert.Contains("完成时限：", text, StringComparison.Ordinal);
            var card = phone.Page.Locator(".pub-item", new() { HasText = titles[0] });
            Assert.Matches("^(正常推进|滞后|已完成)$", await card.Locator(".light").InnerTextAsync());
            Assert.Matches(@"完成时限：20\d\d年\d+月\d+日", await card.InnerTextAsync());
            Assert.Contains("正常推进", await phone.Page.Locator(".pub-legend").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal(1, await phone.Page.Locator(".pub-qr svg").CountAsync());
            await phone.AssertCleanAsync();
            await phone.ShotAsync("公开承诺-手机");

            // Filtered by area with the plain form: only that area's commitments.
            await phone.Page.SelectOptionAsync("select[name=area]", new SelectOptionValue { Label = Picked[1].Area });
            await phone.SubmitAsync("form.pub-filters button[type=submit]");
            var filtered = await phone.MainTextAsync();
            Assert.Contains(titles[1], filtered, StringComparison.Ordinal);
            Assert.DoesNotContain(titles[0], filtered, StringComparison.Ordinal);
            await phone.AssertCleanAsync();

            // The demo's first edition, listed below, is as it was.
            await phone.Page.GetByRole(AriaRole.Link, new() { Name = "第1期", Exact = true }).ClickAsync();
            await phone.Page.WaitForURLAsync($"**/Public/Progress/{unit}/1");
            var first = await phone.MainTextAsync();
            Assert.Contains("全年新增国家高新技术企业50家", first, StringComparison.Ordinal);
            Assert.DoesNotContain(titles[0], first, StringComparison.Ordinal);
            await phone.AssertCleanAsync();

            await phone.OpenAsync($"/Public/Progress/{unit}/Embed");
            Assert.Contains("查看全部承诺事项", await phone.MainTextAsync(), StringComparison.Ordinal);
            await phone.AssertCleanAsync();
        }

        await using (var desk = await site.AnonymousAsync())
        {
            await desk.OpenAsync($"/Public/Progress/{unit}/{number}");
            await desk.AssertCleanAsync();
            await desk.ShotAsync("公开承诺-电脑");
            await desk.Page.EmulateMediaAsync(new() { Media = Media.Print });
            await desk.ShotAsync("公开承诺-打印");
        }

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
