namespace Luoshi.Tests.Browser;

/// <summary>
/// 学习台账 in the browser: the office and the head of the organising section record a session of the
/// demo's 第二党支部 (its form's anti-forgery token was once missing, so nothing could be saved), and
/// the office sets up a plan.
/// </summary>
public class StudyJourneyTests
{
    public static TheoryData<string> Recorders => ["office", "head"];

    [Theory]
    [MemberData(nameof(Recorders))]
    public async Task ASessionIsSavedWithItsAttendanceAndBadHoursAreRefusedBesideTheField(string role)
    {
        var site = await DemoSite.ForAsync("journey");
        await using var journey = await site.AsAsync(role);
        var topic = $"学习科技创新政策第{FormChecks.Unique()}期";
        await OpenSessionFormAsync(journey);

        await journey.Page.SelectOptionAsync("#Input_GroupId", new Microsoft.Playwright.SelectOptionValue { Label = "第二党支部" });
        await journey.Page.FillAsync("#Input_Hours", "30");
        await journey.Page.FillAsync("#Input_Topic", topic);
        await Attendee(journey, "李娜").CheckAsync();
        await Attendee(journey, "何晨").CheckAsync();
        await journey.SubmitUncheckedAsync("main form button[type=submit]");

        Assert.Contains("/Study/Session", journey.Page.Url, StringComparison.Ordinal);
        await journey.AssertMessageBesideAsync("#Input_Hours", "Input.Hours", "学时应在0到24小时之间");
        Assert.Equal(topic, await journey.ValueAsync("#Input_Topic"));
        Assert.True(await Attendee(journey, "李娜").IsCheckedAsync(), "勾选的参加人员丢了");
        await journey.AssertReadsCleanAsync();

        await journey.Page.FillAsync("#Input_Hours", "1.5");
        await journey.Page.FillAsync("#Input_Effect", "交流心得体会");
        await journey.SubmitAsync("main form button[type=submit]");

        Assert.Contains("/Study/Sessions", journey.Page.Url, StringComparison.Ordinal);
        var row = journey.Page.Locator("main tr", new() { HasText = topic });
        Assert.Equal(1, await row.CountAsync());
        var text = await row.InnerTextAsync();
        Assert.Contains("李娜、何晨", text, StringComparison.Ordinal);
        Assert.Contains("1.5", text, StringComparison.Ordinal);
        Assert.Contains("已登记学习，2 人参加", await journey.Page.InnerTextAsync("body"), StringComparison.Ordinal);
        await journey.AssertReadsCleanAsync();
    }

    [Fact]
    public async Task TheOfficeSetsUpAPlanAndARefusedOneKeepsItsRows()
    {
        var site = await DemoSite.ForAsync("journey");
        await using var journey = await site.AsAsync("office");
        var title = $"专题学习计划第{FormChecks.Unique()}号";
        await journey.OpenAsync("/Study");
        await journey.Page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "制定学习计划" }).First.ClickAsync();
        await journey.Page.WaitForURLAsync("**/Study/Plan");

        await journey.Page.FillAsync("#Input_Title", "");
        await journey.Page.FillAsync("#Input_Groups_1__Name", "科技创新专题学习组");
        await journey.Page.FillAsync("#Input_Groups_1__RequiredHours", "3000");
        await journey.Page.FillAsync("#Input_Groups_2__Name", "");
        await journey.SubmitUncheckedAsync("main form button[type=submit]");

        await journey.AssertMessageBesideAsync("#Input_Title", "Input.Title", "请填写计划名称");
        await journey.AssertMessageBesideAsync("#Input_Groups_1__RequiredHours", "Input.Groups[1].RequiredHours", "人均学时应在0到2000之间");
        Assert.Equal("科技创新专题学习组", await journey.ValueAsync("#Input_Groups_1__Name"));
        Assert.Equal(3, await journey.Page.Locator("main fieldset.card").CountAsync());
        Assert.DoesNotContain("请填写学习组名称", await journey.MainTextAsync(), StringComparison.Ordinal);
        await journey.AssertReadsCleanAsync();

        await journey.Page.FillAsync("#Input_Title", title);
        await journey.Page.FillAsync("#Input_Groups_1__RequiredHours", "24");
        await journey.SubmitAsync("main form button[type=submit]");

        Assert.Contains("/Study?plan=", journey.Page.Url, StringComparison.Ordinal);
        Assert.Contains(title, await journey.Page.InnerTextAsync("main h1"), StringComparison.Ordinal);
        var groups = await journey.Page.Locator("main section.card").First.InnerTextAsync();
        Assert.Contains("党组理论学习中心组", groups, StringComparison.Ordinal);
        Assert.Contains("科技创新专题学习组", groups, StringComparison.Ordinal);
        await journey.AssertReadsCleanAsync();
    }

    // The demo's own plan, chosen on the ledger as a person would: other journeys add plans.
    private static async Task OpenSessionFormAsync(Journey journey)
    {
        await journey.OpenAsync("/Study");
        await journey.Page.SelectOptionAsync("select[name=plan]", new Microsoft.Playwright.SelectOptionValue { Label = "2026年理论学习计划" });
        await journey.SubmitAsync("form.filters button[type=submit]");
        await journey.Page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "登记学习" }).ClickAsync();
        await journey.Page.WaitForURLAsync("**/Study/Session?plan=*");
    }

    private static Microsoft.Playwright.ILocator Attendee(Journey journey, string name) =>
        journey.Page.Locator("main fieldset", new() { HasText = "第二党支部" }).Locator("label.check", new() { HasText = name }).Locator("input");
}
