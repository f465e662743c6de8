namespace Luoshi.Tests.Browser;

/// <summary>
/// 登记活动 in the browser, by each role shown the form (the office for any section, a head and a
/// staff member for their own): an empty form once answered 500; now it is refused with each message
/// beside its field, in the fold-out left open, and what was typed kept.
/// </summary>
public class EventJourneyTests
{
    // Staff members record on their phones.
    public static TheoryData<string, bool> Recorders => new() { { "office", false }, { "head", false }, { "staff", true } };

    [Theory]
    [MemberData(nameof(Recorders))]
    public async Task AnEmptyEventIsRefusedInItsOpenFoldAndACompleteOneIsListed(string role, bool onPhone)
    {
        var site = await DemoSite.ForAsync("journey");
        await using var journey = await site.AsAsync(role, onPhone ? Screen.Phone : Screen.Desk);
        var title = $"科普日进社区第{FormChecks.Unique()}场";
        await journey.OpenAsync("/Events");
        await journey.Page.ClickAsync("main details summary:text-is('登记活动')");

        await journey.Page.FillAsync("#Input_Date", "");
        await journey.Page.FillAsync("#Input_Partners", "市科协");
        await journey.Page.FillAsync("#Input_TargetParticipants", "120");
        await journey.SubmitUncheckedAsync("main details form button[type=submit]");

        Assert.EndsWith("/Events", journey.Page.Url, StringComparison.Ordinal);
        await journey.AssertMessageBesideAsync("#Input_Title", "Input.Title", "请填写活动名称");
        await journey.AssertMessageBesideAsync("#Input_Date", "Input.Date", "请填写活动日期");
        await journey.AssertMessageBesideAsync("#Input_Place", "Input.Place", "请填写活动地点");
        Assert.Equal("市科协", await journey.ValueAsync("#Input_Partners"));
        Assert.Equal("120", await journey.ValueAsync("#Input_TargetParticipants"));
        await journey.AssertReadsCleanAsync();
        await journey.ShotAsync($"活动-登记被退回-{role}");

        await journey.Page.FillAsync("#Input_Title", title);
        await journey.Page.FillAsync("#Input_Kind", "科普日");
        await journey.Page.FillAsync("#Input_Date", "2026-05-09");
        await journey.Page.FillAsync("#Input_Place", "市民广场");
        await journey.Page.FillAsync("#Input_ActualParticipants", "150");
        await journey.SubmitAsync("main details form button[type=submit]");

        Assert.EndsWith("/Events", journey.Page.Url, StringComparison.Ordinal);
        var row = journey.Page.Locator("main table tbody tr", new() { HasText = title });
        Assert.Equal(1, await row.CountAsync());
        Assert.Contains("150", await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains($"已登记活动“{title}”", await journey.Page.InnerTextAsync("body"), StringComparison.Ordinal);
        await journey.AssertReadsCleanAsync();
    }

    [Fact]
    public async Task AnEventHeldInTheFutureCannotHaveParticipantsYet()
    {
        var site = await DemoSite.ForAsync("journey");
        await using var journey = await site.AsAsync("staff");
        await journey.OpenAsync("/Events");
        await journey.Page.ClickAsync("main details summary:text-is('登记活动')");
        await journey.Page.FillAsync("#Input_Title", $"科技活动周第{FormChecks.Unique()}场");
        await journey.Page.FillAsync("#Input_Kind", "科技活动周");
        await journey.Page.FillAsync("#Input_Date", "2026-06-20");
        await journey.Page.FillAsync("#Input_Place", "科技馆");
        await journey.Page.FillAsync("#Input_ActualParticipants", "300");
        await journey.SubmitUncheckedAsync("main details form button[type=submit]");

        await journey.AssertMessageBesideAsync("#Input_ActualParticipants", "Input.ActualParticipants", "尚未举办的活动不能填写实际参与人数");
        Assert.Equal("科技馆", await journey.ValueAsync("#Input_Place"));
        Assert.Equal("2026-06-20", await journey.ValueAsync("#Input_Date"));
        await journey.AssertReadsCleanAsync();
    }
}
