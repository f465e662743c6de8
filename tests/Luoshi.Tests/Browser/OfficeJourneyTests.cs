using Microsoft.Playwright;

namespace Luoshi.Tests.Browser;

/// <summary>
/// The office's own pages, used in the browser as the office uses them: each form once wrong (told
/// beside the field, what was typed kept) and once right (the change visible). A newcomer it gives a
/// login to signs in with the one-time password and sets a password of their own.
/// </summary>
public class OfficeJourneyTests
{
    // Digits, not hex: a tag like "cfcb" in a shared section name reads as English on every page.
    private static string Mark() => FormChecks.Unique();

    [Fact]
    public async Task TheOfficeAddsASectionAfterBeingToldItsNameIsTaken()
    {
        var site = await DemoSite.ForAsync("journey");
        await using var office = await site.AsAsync("office");
        await office.OpenAsync("/Admin/Sections");
        await office.Page.FillAsync("input[aria-label=新科室名称]", "高新技术科");
        await office.SubmitAsync("button:text('增加科室')");
        Assert.NotEmpty(await office.Page.Locator("form:has(button:text('增加科室')) .field-validation-error").InnerTextAsync());
        Assert.Equal("高新技术科", await office.Page.InputValueAsync("input[aria-label=新科室名称]"));
        await office.AssertCleanAsync();

        var name = "数据科" + Mark();
        await office.Page.FillAsync("input[aria-label=新科室名称]", name);
        await office.SubmitAsync("button:text('增加科室')");
        Assert.Contains($"已增加科室“{name}”", await office.Page.Locator(".notice").InnerTextAsync());
        Assert.Equal(name, await office.Page.Locator($"input[aria-label=科室名称][value='{name}']").InputValueAsync());
        await office.AssertCleanAsync();
    }

    [Fact]
    public async Task ANewcomerGivenALoginSignsInWithTheOneTimePasswordAndSetsTheirOwn()
    {
        var site = await DemoSite.ForAsync("journey");
        await using var office = await site.AsAsync("office");
        await office.OpenAsync("/Admin/People");
        await office.SubmitAsync("a:text('增加人员')");
        var login = "newcomer" + Mark();
        await office.Page.FillAsync("#Input_Position", "科员");
        await office.Page.FillAsync("#Input_UserName", login);
        await office.TurnOffBrowserChecksAsync();
        await office.SubmitAsync("main button.primary");
        Assert.NotEmpty(await office.Page.Locator("#Input_Name ~ .field-validation-error").InnerTextAsync());
        Assert.Equal(login, await office.Page.InputValueAsync("#Input_UserName"));
        await office.AssertCleanAsync();

        await office.Page.FillAsync("#Input_Name", "新同志");
        await office.Page.SelectOptionAsync("#Input_SectionId", new SelectOptionValue { Label = "社会发展科" });
        await office.SubmitAsync("main button.primary");
        var password = await office.Page.Locator("code.secret").InnerTextAsync();
        await office.AssertCleanAsync();

        await using var newcomer = await site.AnonymousAsync(Screen.Phone);
        await newcomer.OpenAsync("/");
        await newcomer.Page.FillAsync("#UserName", login);
        await newcomer.Page.FillAsync("#Password", password);
        await newcomer.SubmitAsync("main button[type=submit]");
        Assert.StartsWith(site.BaseUrl + "/Account/Password", newcomer.Page.Url);
        await newcomer.Page.FillAsync("#Current", password);
        await newcomer.Page.FillAsync("#New", "Xin-tongzhi-2026");
        await newcomer.Page.FillAsync("#Confirm", "Xin-tongzhi-2027");
        await newcomer.SubmitAsync("main button[type=submit]");
        Assert.StartsWith(site.BaseUrl + "/Account/Password", newcomer.Page.Url);
        Assert.NotEmpty(await newcomer.Page.Locator(".field-validation-error, .errors li").First.InnerTextAsync());
        await newcomer.AssertCleanAsync();

        await newcomer.Page.FillAsync("#Current", password);
        await newcomer.Page.FillAsync("#New", "Xin-tongzhi-2026");
        await newcomer.Page.FillAsync("#Confirm", "Xin-tongzhi-2026");
        await newcomer.SubmitAsync("main button[type=submit]");
        Assert.Equal(site.BaseUrl + "/", newcomer.Page.Url);
        Assert.Contains("新同志", await newcomer.Page.Locator("header").InnerTextAsync());
        await newcomer.AssertCleanAsync();
    }

    [Fact]
    public async Task TheOfficeKeepsTheHolidayCalendarTellingWhatIsWrongWithADayOrAFile()
    {
        var site = await DemoSite.ForAsync("journey");
        await using var office = await site.AsAsync("office");
        await office.OpenAsync("/Admin/Holidays");
        await office.TurnOffBrowserChecksAsync();
        await office.Page.FillAsync("form[action*='handler=Add'] input[name=name]", "校庆");
        await office.SubmitAsync("form[action*='handler=Add'] button");
        Assert.NotEmpty(await office.Page.Locator("form[action*='handler=Add'] .field-validation-error").InnerTextAsync());
        Assert.Equal("校庆", await office.Page.InputValueAsync("form[action*='handler=Add'] input[name=name]"));
        await office.AssertCleanAsync();

        await office.Page.SetInputFilesAsync("form[action*='handler=Import'] input[type=file]",
            new FilePayload { Name = "节假日.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes("2026-12-31,休,元旦前夕\n2026-13-01,休,不存在的日子\n") });
        await office.SubmitAsync("form[action*='handler=Import'] button");
        Assert.Contains("第2行", await office.Page.Locator("form[action*='handler=Import'] .field-validation-error").First.InnerTextAsync());
        await office.AssertCleanAsync();

        await office.Page.FillAsync("form[action*='handler=Add'] input[name=date]", "2026-12-31");
        await office.Page.FillAsync("form[action*='handler=Add'] input[name=name]", "跨年调休");
        await office.SubmitAsync("form[action*='handler=Add'] button");
        Assert.Contains("跨年调休", await office.MainTextAsync());
        await office.AssertCleanAsync();
    }

    [Fact]
    public async Task TheOfficeSetsUpAnAssessmentSchemeAfterBeingToldTheWeightsMustAddUp()
    {
        var site = await DemoSite.ForAsync("journey");
        await using var office = await site.AsAsync("office");
        await office.OpenAsync("/Assessment");
        var name = "第四季度考核" + Mark();
        await office.Page.FillAsync("#Input_Name", name);
        await office.Page.FillAsync("#Input_PeriodStart", "2026-10-01");
        await office.Page.FillAsync("#Input_PeriodEnd", "2026-12-31");
        await office.Page.FillAsync("#Input_CompletionWeight", "50");
        await office.Page.FillAsync("#Input_TimelinessWeight", "30");
        await office.Page.FillAsync("#Input_QualityWeight", "30");
        await office.SubmitAsync("main button.primary");
        Assert.Contains("合计应为100分", await office.Page.Locator("#Input_CompletionWeight ~ .field-validation-error").InnerTextAsync());
        Assert.Equal(name, await office.Page.InputValueAsync("#Input_Name"));
        Assert.Equal("30", await office.Page.InputValueAsync("#Input_QualityWeight"));
        await office.AssertCleanAsync();

        await office.Page.FillAsync("#Input_QualityWeight", "20");
        await office.SubmitAsync("main button.primary");
        Assert.Contains(name, await office.Page.Locator("h1").InnerTextAsync());
        await office.AssertCleanAsync();

        // A deduction above the scheme's cap is refused beside its form, then a proper one recorded.
        var adjustment = office.Page.Locator("form[action*='handler=Adjustment']");
        await adjustment.Locator("select[name=kind]").SelectOptionAsync("扣分");
        await office.TurnOffBrowserChecksAsync();
        await adjustment.Locator("input[name=points]").FillAsync("500");
        await adjustment.Locator("input[name=reason]").FillAsync("材料报送不及时");
        await office.SubmitAsync("form[action*='handler=Adjustment'] button");
        Assert.Contains("不超过", await office.MainTextAsync());
        await office.AssertCleanAsync();

        await office.Page.FillAsync("form[action*='handler=Adjustment'] input[name=points]", "1");
        await office.Page.FillAsync("form[action*='handler=Adjustment'] input[name=reason]", "材料报送不及时");
        await office.SubmitAsync("form[action*='handler=Adjustment'] button");
        Assert.Contains("已记录加减分", await office.Page.Locator(".notice").InnerTextAsync());
        Assert.Contains("材料报送不及时", await office.MainTextAsync());
    }

    [Fact]
    public async Task TheOfficeRenamesAPlanAfterBeingToldTheTitleIsMissing()
    {
        var site = await DemoSite.ForAsync("journey");
        await using var office = await site.AsAsync("office");
        await office.OpenAsync("/Plans");
        await office.SubmitAsync("main .card.plan >> nth=0");
        await office.SubmitAsync("a:text('修改计划')");
        var year = await office.Page.InputValueAsync("#Input_Year");
        Assert.Matches(@"^20\d\d$", year);
        var title = await office.Page.InputValueAsync("#Input_Title");
        await office.Page.FillAsync("#Input_Title", "");
        await office.TurnOffBrowserChecksAsync();
        await office.SubmitAsync("main button.primary");
        Assert.NotEmpty(await office.Page.Locator("#Input_Title ~ .field-validation-error").InnerTextAsync());
        Assert.Equal(year, await office.Page.InputValueAsync("#Input_Year"));
        await office.AssertCleanAsync();

        await office.Page.FillAsync("#Input_Title", title);
        await office.SubmitAsync("main button.primary");
        Assert.Contains(title, await office.Page.Locator("h1").InnerTextAsync());
        await office.AssertCleanAsync();
    }
}
