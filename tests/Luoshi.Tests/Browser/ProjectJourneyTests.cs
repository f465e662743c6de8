using Microsoft.Playwright;

namespace Luoshi.Tests.Browser;

/// <summary>
/// 重点项目 in the browser: the office registers a project assigned to a person of 高新技术科, and
/// that section's head records its signing; a stage that skips one, or has no evidence, is refused.
/// </summary>
public class ProjectJourneyTests
{
    [Fact]
    public async Task TheOfficeRegistersAProjectAndTheLeadSectionsHeadRecordsItsStages()
    {
        var site = await DemoSite.ForAsync("journey");
        var title = $"光电芯片封装项目{FormChecks.Unique()}";
        string url;
        await using (var office = await site.AsAsync("office"))
        {
            await office.OpenAsync("/Projects");
            await office.Page.GetByRole(AriaRole.Link, new() { Name = "登记项目" }).ClickAsync();
            await office.Page.WaitForURLAsync("**/Projects/Create");

            await office.Page.FillAsync("#Input_Investor", "某光电有限公司");
            await office.Page.FillAsync("#Input_Amount", "35000");
            await office.Page.FillAsync("#Input_Industry", "集成电路");
            await office.SubmitUncheckedAsync("main form button[type=submit]");

            await office.AssertMessageBesideAsync("#Input_Title", "Input.Title", "请填写项目名称");
            Assert.Equal("某光电有限公司", await office.ValueAsync("#Input_Investor"));
            Assert.Equal("35000", await office.ValueAsync("#Input_Amount"));
            await office.AssertReadsCleanAsync();

            await office.Page.FillAsync("#Input_Title", title);
            await office.SubmitUncheckedAsync("main form button[type=submit]");
            await office.AssertMessageBesideAsync("#Input_ResponsiblePersonId", "Input.ResponsiblePersonId", "请指定项目责任人");
            await office.AssertMessageBesideAsync("#Input_CompleteTarget", "Input.CompleteTarget", "请填写投产/竣工的目标日期");
            Assert.Equal(title, await office.ValueAsync("#Input_Title"));
            await office.AssertReadsCleanAsync();

            await office.Page.SelectOptionAsync("#Input_LeadSectionId", new SelectOptionValue { Label = "高新技术科" });
            await office.Page.SelectOptionAsync("#Input_ResponsiblePersonId", new SelectOptionValue { Label = "李娜（高新技术科）" });
            await office.Page.FillAsync("#Input_SignTarget", "2026-06-30");
            await office.Page.FillAsync("#Input_CompleteTarget", "2027-03-31");
            await office.SubmitAsync("main form button[type=submit]");

            Assert.Matches(@"/Projects/\d+$", office.Page.Url);
            Assert.Contains(title, await office.Page.InnerTextAsync("main h1"), StringComparison.Ordinal);
            Assert.Contains("李娜", await office.MainTextAsync(), StringComparison.Ordinal);
            await office.AssertReadsCleanAsync();
            url = new Uri(office.Page.Url).AbsolutePath;
        }

        await using var head = await site.AsAsync("head");
        await head.OpenAsync(url);
        Assert.Equal("签约", await head.ValueAsync("#next-stage"));

        // A form left open while someone else moved on, or altered: it names a stage two ahead.
        await head.Page.EvaluateAsync("() => document.querySelector('input[name=\"Input.Stage\"]').value = '开工'");
        await head.Page.FillAsync("input[name='Input.Evidence']", "开工报告");
        await head.SubmitUncheckedAsync("main form button[type=submit]");
        await head.AssertMessageBesideAsync("#next-stage", "Input.Stage", "不能跳过阶段：下一阶段应为“签约”");
        Assert.Equal("开工报告", await head.ValueAsync("input[name='Input.Evidence']"));
        await head.AssertReadsCleanAsync();

        await head.OpenAsync(url);
        await head.Page.FillAsync("input[name='Input.Evidence']", "");
        await head.SubmitUncheckedAsync("main form button[type=submit]");
        await head.AssertMessageBesideAsync("input[name='Input.Evidence']", "Input.Evidence", "请填写佐证说明");
        await head.AssertReadsCleanAsync();

        await head.Page.FillAsync("input[name='Input.Evidence']", "合同编号 77 号");
        await head.SubmitAsync("main form button[type=submit]");
        Assert.EndsWith(url, head.Page.Url, StringComparison.Ordinal);
        Assert.Contains("合同编号 77 号", await head.Page.Locator("main li.done", new() { HasText = "签约" }).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("资金到位", await head.ValueAsync("#next-stage"));
        Assert.Contains("项目已进入“签约”阶段", await head.Page.InnerTextAsync("body"), StringComparison.Ordinal);
        await head.AssertReadsCleanAsync();
    }
}
