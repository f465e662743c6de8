using Microsoft.Playwright;

namespace Luoshi.Tests.Browser;

/// <summary>
/// 意见 → 问题 → 整改 in the browser: someone not signed in leaves an opinion in the online box, the
/// office merges it into a problem and sets a measure; the office also enters an opinion from a
/// meeting. Each form is refused once with its message beside the field and the typed values kept.
/// </summary>
public class RectificationJourneyTests
{
    [Fact]
    public async Task AnOpinionFromTheBoxBecomesAProblemWithAMeasure()
    {
        var site = await DemoSite.ForAsync("journey");
        var n = FormChecks.Unique();
        var receipt = await PublicFormJourneyTests.LeaveOpinionAsync(site, $"科技型企业认定咨询第{n}号：材料清单不清楚");

        await using var office = await site.AsAsync("office");
        await office.OpenAsync("/Rectification");
        await office.Page.GetByRole(AriaRole.Link, new() { Name = "意见建议" }).ClickAsync();
        await office.Page.WaitForURLAsync("**/Rectification/Opinions");
        var row = office.Page.Locator("main tr", new() { Has = office.Page.Locator($"code:text-is('{receipt}')") });
        Assert.Contains("网上意见箱", await row.InnerTextAsync(), StringComparison.Ordinal);
        await office.AssertReadsCleanAsync();

        await row.Locator("input[type=checkbox]").CheckAsync();
        await office.Page.FillAsync("input[name=category][form=merge]", "服务效能");
        await office.SubmitUncheckedAsync("button[form=merge]");
        await office.AssertMessageBesideAsync("input[name=title][form=merge]", "Merge.Title", "请填写问题");
        Assert.Equal("服务效能", await office.ValueAsync("input[name=category][form=merge]"));
        Assert.True(await row.Locator("input[type=checkbox]").IsCheckedAsync(), "勾选的意见建议丢了");
        await office.AssertReadsCleanAsync();

        var problem = $"企业认定咨询指引不清第{n}号";
        await office.Page.FillAsync("input[name=title][form=merge]", problem);
        await office.SubmitAsync("button[form=merge]");
        Assert.Contains(problem, await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("已归并为问题", await office.Page.InnerTextAsync("body"), StringComparison.Ordinal);

        var measure = office.Page.Locator("main form[action*=Measure]");
        var title = $"编制企业认定材料清单第{n}号";
        await measure.Locator("select[name=problemId]").SelectOptionAsync(new SelectOptionValue { Label = problem });
        await measure.Locator("input[name=title]").FillAsync(title);
        await measure.Locator("select[name=leadSectionId]").SelectOptionAsync(new SelectOptionValue { Label = "高新技术科" });
        await office.SubmitUncheckedAsync("main form[action*=Measure] button[type=submit]");
        await office.AssertMessageBesideAsync("main form[action*=Measure] input[name=dueDate]", "Measure.DueDate", "请填写完成时限");
        Assert.Equal(title, await measure.Locator("input[name=title]").InputValueAsync());
        Assert.Equal(problem, await measure.Locator("select[name=problemId] option:checked").InnerTextAsync());
        await office.AssertReadsCleanAsync();

        await measure.Locator("input[name=dueDate]").FillAsync("2026-06-30");
        await office.SubmitAsync("main form[action*=Measure] button[type=submit]");
        Assert.Contains("已增加整改措施", await office.Page.InnerTextAsync("body"), StringComparison.Ordinal);

        await office.OpenAsync("/Rectification");
        var card = office.Page.Locator("main section.card", new() { HasText = problem });
        Assert.Contains(title, await card.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("意见建议 1 条", await card.InnerTextAsync(), StringComparison.Ordinal);
        await office.AssertReadsCleanAsync();
    }

    [Fact]
    public async Task TheOfficeEntersAnOpinionFromAMeeting()
    {
        var site = await DemoSite.ForAsync("journey");
        var text = $"项目验收材料要求前后不一第{FormChecks.Unique()}条";
        await using var office = await site.AsAsync("office");
        await office.OpenAsync("/Rectification/Opinions");
        var form = office.Page.Locator("main form[action*=Enter]");

        await form.Locator("select[name=source]").SelectOptionAsync(new SelectOptionValue { Label = "征求意见表" });
        await form.Locator("input[name=submitterName]").FillAsync("张工");
        await office.SubmitUncheckedAsync("main form[action*=Enter] button[type=submit]");
        await office.AssertMessageBesideAsync("main form[action*=Enter] textarea[name=content]", "Enter.Content", "请填写意见建议");
        Assert.Equal("张工", await form.Locator("input[name=submitterName]").InputValueAsync());
        Assert.Equal("征求意见表", await form.Locator("select[name=source] option:checked").InnerTextAsync());
        await office.AssertReadsCleanAsync();

        await form.Locator("textarea[name=content]").FillAsync(text);
        await office.SubmitAsync("main form[action*=Enter] button[type=submit]");
        var row = office.Page.Locator("main tr", new() { HasText = text });
        Assert.Contains("征求意见表", await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("张工", await row.InnerTextAsync(), StringComparison.Ordinal);
        await office.AssertReadsCleanAsync();
    }
}
