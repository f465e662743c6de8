using System.Text;

namespace Luoshi.Tests.Browser;

/// <summary>
/// The office imports the minutes of a meeting: the review reads them as minutes (the meeting, each
/// 议定事项 with its units and deadline, full titles in text areas, labelled fields, at desk and phone
/// width), and each task made from them names its source: the minutes' number and the item.
/// </summary>
public class MinutesJourneyTests
{
    [Fact]
    public async Task TheOfficeImportsMinutesAndTheTaskPageNamesTheMinutesAndItem()
    {
        var site = await DemoSite.ForAsync("journey");
        await using var office = await site.AsAsync("office");
        var mark = FormChecks.Unique();
        var text = $"""
            示范市科学技术局局长办公会议纪要{mark}
            〔2026〕9号
            2026年5月6日，局长主持召开局长办公会议，研究近期重点工作。纪要如下：
            会议议定：
            一、关于高新技术企业培育梯队建设和申报辅导工作的安排。由高新技术科牵头，人才与成果科配合，9月30日前完成培育库建设。
            二、关于科技成果转化中试平台建设。人才与成果科牵头，高新技术科配合，力争新建中试平台2个，年底前完成。
            出席：局领导班子成员
            """;
        await office.OpenAsync("/Plans/Import");
        await office.Page.SetInputFilesAsync("input[type=file]", new Microsoft.Playwright.FilePayload { Name = "纪要.txt", MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes(text) });
        await office.SubmitAsync("main button.primary");
        var review = office.Page.Url;
        Assert.Contains("/Plans/Import/", review);
        Assert.Contains("按会议纪要读取", await office.MainTextAsync());
        var rows = office.Page.Locator("table.import tbody tr");
        Assert.Equal(2, await rows.CountAsync());
        // The whole title is in the text area, and every field has its label.
        Assert.Equal("关于高新技术企业培育梯队建设和申报辅导工作的安排", await rows.Nth(0).Locator("textarea").InputValueAsync());
        foreach (var label in new[] { "任务名称", "牵头科室", "完成时限", "目标值", "目标单位" })
        {
            Assert.Equal(1, await rows.Nth(0).Locator("label", new() { HasTextString = label }).CountAsync());
        }

        Assert.Equal("高新技术科", await rows.Nth(0).Locator("select option:checked").InnerTextAsync());
        Assert.Equal("2026-09-30", await rows.Nth(0).Locator("input[type=date]").InputValueAsync());
        await office.AssertCleanAsync();

        await using (var phone = await site.AsAsync("office", Screen.Phone))
        {
            await phone.OpenAsync(new Uri(review).PathAndQuery);
            Assert.Equal(2, await phone.Page.Locator("table.import tbody tr").CountAsync());
            await phone.AssertCleanAsync();
        }

        await office.SubmitAsync("main button.primary");
        Assert.Contains("已建立计划，共 2 项任务", await office.Page.Locator(".notice").InnerTextAsync());
        var source = $"示范市科学技术局局长办公会议纪要{mark}〔2026〕9号 第2项";
        var taskId = await site.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Tasks.Where(t => t.SourceLabel == source).Select(t => t.Id)));
        await office.OpenAsync($"/Tasks/{taskId}");
        Assert.Contains("来源：" + source, await office.MainTextAsync());
        await office.AssertCleanAsync();
    }
}
