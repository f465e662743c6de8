using Microsoft.Playwright;

namespace Luoshi.Tests.Browser;

/// <summary>
/// 活动与阶段 in the browser: the office sets up a campaign of two phases (the other rows left empty)
/// and adds a task to a phase of the demo's 主题教育; each form is refused once, beside the field.
/// </summary>
public class CampaignJourneyTests
{
    [Fact]
    public async Task TheOfficeAddsATaskToAPhase()
    {
        var site = await DemoSite.ForAsync("journey");
        var title = $"建立问题整改台账第{FormChecks.Unique()}项";
        await using var office = await site.AsAsync("office");
        await office.OpenAsync("/Campaigns");
        await office.Page.GetByRole(AriaRole.Link, new() { Name = "主题教育", Exact = true }).First.ClickAsync();
        await office.Page.WaitForURLAsync("**/Campaigns/*");

        await office.Page.SelectOptionAsync("#PhaseId", new SelectOptionValue { Label = "检视整改" });
        await office.Page.FillAsync("#Input_DueDate", "2026-06-30");
        await office.SubmitUncheckedAsync("main form[method=post] button[type=submit]");
        await office.AssertMessageBesideAsync("#Input_Title", "Input.Title", "请填写任务名称");
        await office.AssertMessageBesideAsync("#Input_LeadSectionId", "Input.LeadSectionId", "请选择牵头科室");
        Assert.Equal("2026-06-30", await office.ValueAsync("#Input_DueDate"));
        Assert.Equal("检视整改", await office.Page.Locator("#PhaseId option:checked").InnerTextAsync());
        await office.AssertReadsCleanAsync();

        await office.Page.FillAsync("#Input_Title", title);
        await office.Page.SelectOptionAsync("#Input_LeadSectionId", new SelectOptionValue { Label = "政策法规科" });
        await office.SubmitAsync("main form[method=post] button[type=submit]");
        var phase = office.Page.Locator("main section.card", new() { Has = office.Page.Locator("h2:text-is('检视整改 的任务')") });
        Assert.Contains(title, await phase.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains($"已为阶段新建任务“{title}”", await office.Page.InnerTextAsync("body"), StringComparison.Ordinal);
        await office.AssertReadsCleanAsync();
    }

    [Fact]
    public async Task TheOfficeSetsUpACampaignOfTwoPhases()
    {
        var site = await DemoSite.ForAsync("journey");
        var title = $"作风建设专项行动第{FormChecks.Unique()}期";
        await using var office = await site.AsAsync("office");
        await office.OpenAsync("/Campaigns");

        await office.Page.FillAsync("#Input_Phases_0__Name", "动员部署");
        await office.Page.FillAsync("#Input_Phases_0__Start", "2026-06-01");
        await office.Page.FillAsync("#Input_Phases_0__End", "2026-06-15");
        await office.Page.FillAsync("#Input_Phases_1__Name", "查摆整改");
        await office.Page.FillAsync("#Input_Phases_1__Start", "2026-06-16");
        await office.SubmitUncheckedAsync("main form[method=post] button[type=submit]");
        await office.AssertMessageBesideAsync("#Input_Title", "Input.Title", "请填写活动名称");
        await office.AssertMessageBesideAsync("#Input_Phases_1__End", "Input.Phases[1].End", "请填写结束日期");
        Assert.Equal("查摆整改", await office.ValueAsync("#Input_Phases_1__Name"));
        Assert.Equal("2026-06-01", await office.ValueAsync("#Input_Phases_0__Start"));
        Assert.Equal(4, await office.Page.Locator("main form[method=post] .row").CountAsync());
        await office.AssertReadsCleanAsync();

        await office.Page.FillAsync("#Input_Title", title);
        await office.Page.FillAsync("#Input_Phases_1__End", "2026-07-31");
        await office.SubmitAsync("main form[method=post] button[type=submit]");
        Assert.Matches(@"/Campaigns/\d+$", office.Page.Url);
        Assert.Contains(title, await office.Page.InnerTextAsync("main h1"), StringComparison.Ordinal);
        Assert.Contains("查摆整改", await office.MainTextAsync(), StringComparison.Ordinal);
        await office.AssertReadsCleanAsync();
    }
}
