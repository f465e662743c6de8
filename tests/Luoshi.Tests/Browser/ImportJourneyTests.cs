using System.Text;

namespace Luoshi.Tests.Browser;

/// <summary>
/// The office turns a work-points document into a plan in the browser: upload, review, and the
/// mistakes a person makes on the review (no default section, a title cleared) told row by row with
/// every other edit kept, until the plan is made.
/// </summary>
public class ImportJourneyTests
{
    [Fact]
    public async Task TheOfficeImportsAPlanCorrectingTheReviewUntilItIsAccepted()
    {
        var site = await DemoSite.ForAsync("journey");
        await using var office = await site.AsAsync("office");
        var mark = FormChecks.Unique();
        var text = $"""
            示范市科学技术局2026年工作要点{mark}
            一、强化企业创新主体地位
            （一）新增国家高新技术企业50家，由高新技术科牵头。
            （二）开展科技型中小企业评价入库工作，6月底前完成。
            二、建设高能级创新平台
            （一）新建市级重点实验室5家。
            """;
        await office.OpenAsync("/Plans/Import");
        await office.Page.SetInputFilesAsync("input[type=file]", new Microsoft.Playwright.FilePayload { Name = "工作要点.txt", MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes(text) });
        await office.SubmitAsync("main button.primary");
        Assert.Contains("/Plans/Import/", office.Page.Url);
        var rows = office.Page.Locator("table.import tbody tr");
        Assert.Equal(3, await rows.CountAsync());

        // The second row's deadline is changed, the first row's title cleared, and no default section chosen.
        await rows.Nth(1).Locator("input[type=date]").FillAsync("2026-09-30");
        await rows.Nth(0).Locator("textarea[name$='.Title']").FillAsync("");
        await office.SubmitAsync("main button.primary");
        var sectionMessage = await office.Page.Locator("#Input_DefaultSectionId ~ .field-validation-error").InnerTextAsync();
        Assert.Contains("没有识别出牵头科室", sectionMessage);
        Assert.Contains("第2、3项", sectionMessage.Replace("1、", "", StringComparison.Ordinal));
        Assert.Equal("2026-09-30", await rows.Nth(1).Locator("input[type=date]").InputValueAsync());
        await office.AssertCleanAsync();

        await office.Page.SelectOptionAsync("#Input_DefaultSectionId", new Microsoft.Playwright.SelectOptionValue { Label = "政策法规科" });
        await office.SubmitAsync("main button.primary");
        Assert.Contains("invalid", await rows.Nth(0).GetAttributeAsync("class") ?? "");
        Assert.Contains("第1项：请填写任务名称", await rows.Nth(0).InnerTextAsync());
        Assert.Equal("2026-09-30", await rows.Nth(1).Locator("input[type=date]").InputValueAsync());
        Assert.Equal("政策法规科", await office.Page.Locator("#Input_DefaultSectionId option:checked").InnerTextAsync());
        await office.AssertCleanAsync();

        await rows.Nth(0).Locator("textarea[name$='.Title']").FillAsync("新增国家高新技术企业50家");
        await office.SubmitAsync("main button.primary");
        Assert.Contains("已建立计划，共 3 项任务", await office.Page.Locator(".notice").InnerTextAsync());
        Assert.Contains(mark, await office.Page.Locator("h1").InnerTextAsync());
        var main = await office.MainTextAsync();
        Assert.Contains("新建市级重点实验室5家", main);
        await office.AssertCleanAsync();
    }
}
