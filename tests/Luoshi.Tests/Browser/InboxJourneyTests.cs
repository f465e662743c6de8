using System.Globalization;
using Luoshi.Features.Notices;
using Luoshi.Tests.Infrastructure;
using Luoshi.Tests.Notices;

namespace Luoshi.Tests.Browser;

/// <summary>
/// A staff member back from leave with a full inbox, on a phone: pages back through it, marks every
/// 催办 read in one go, and the header's badge drops by exactly that many; then reads all the rest.
/// </summary>
public class InboxJourneyTests
{
    [Fact]
    public async Task AStaffMemberWithManyNoticesMarksOneKindReadAndTheBadgeDropsAccordingly()
    {
        var b = await Bureau.CreateAsync("browser");
        await InboxData.AddAsync(b, "staffA", NoticeKind.Urge, 90);
        await InboxData.AddAsync(b, "staffA", NoticeKind.Remind, 40);
        await InboxData.AddAsync(b, "staffA", NoticeKind.ManualUrge, 5);
        await InboxData.AddAsync(b, "staffA", NoticeKind.Supervise, 30);

        await using var staff = await Journey.StartAsync(b.App.BaseAddress!, Screen.Phone, storageState: null);
        await staff.OpenAsync("/Account/Login");
        await staff.Page.FillAsync("#UserName", b.People["staffA"].Login);
        await staff.Page.FillAsync("#Password", Bureau.Password);
        await staff.SubmitAsync("main button[type=submit]");
        await staff.OpenAsync("/Notices");
        Assert.Equal(165, await BadgeAsync(staff));
        Assert.Equal(IndexModel.PageSize, await staff.Page.Locator("ul.notices li").CountAsync());
        await staff.AssertCleanAsync();

        // Older notices a page at a time, by cursor.
        await staff.SubmitAsync("#older");
        Assert.Contains("before=", staff.Page.Url);
        Assert.Equal(IndexModel.PageSize, await staff.Page.Locator("ul.notices li").CountAsync());
        await staff.AssertCleanAsync();

        // Every 催办, the scheduler's and the office's alike, in one go.
        await staff.Page.SelectOptionAsync("#read-kind select", "Urge");
        Assert.Contains("95 条未读", await staff.Page.Locator("#read-kind select option:checked").InnerTextAsync());
        string? asked = null;
        staff.Page.Dialog += (_, dialog) => asked = dialog.Message;
        await staff.Page.Locator("#read-kind button").ClickAsync();
        await staff.Page.WaitForURLAsync(staff.BaseUrl + "/Notices", new() { WaitUntil = Microsoft.Playwright.WaitUntilState.Commit });
        Assert.Equal("确定将所选类别的未读消息全部标为已读？", asked);
        Assert.Contains("已将 95 条“催办”消息标为已读", await staff.Page.Locator(".notice").InnerTextAsync());
        Assert.Equal(70, await BadgeAsync(staff));
        await staff.AssertCleanAsync();
        await staff.ShotAsync("notices-read-kind-390");

        await staff.OpenAsync("/Notices?kind=Urge&unread=true");
        Assert.Contains("没有消息", await staff.MainTextAsync());
        await staff.OpenAsync("/Notices?unread=true&kind=Remind");
        Assert.Equal(40, await staff.Page.Locator("ul.notices li.unread-row").CountAsync());

        await using var wide = await Journey.StartAsync(b.App.BaseAddress!, Screen.Desk, await staff.Page.Context.StorageStateAsync());
        await wide.OpenAsync("/Notices");
        await wide.AssertCleanAsync();
        asked = null;
        wide.Page.Dialog += (_, dialog) => asked = dialog.Message;
        await wide.Page.Locator("form[action*='handler=ReadAll'] button").ClickAsync();
        await wide.Page.Locator(".notice").WaitForAsync();
        Assert.Equal("确定将全部 70 条未读消息标为已读？", asked);
        Assert.Contains("已将 70 条消息标为已读", await wide.Page.Locator(".notice").InnerTextAsync());
        Assert.Equal(0, await BadgeAsync(wide));
        await InboxData.AssertCountsTrueAsync(b);
    }

    /// <summary>The header's 消息 count (0 when it shows no badge).</summary>
    private static async Task<int> BadgeAsync(Journey journey)
    {
        var badge = journey.Page.Locator("#unread-count");
        // Above 99 the badge reads 99+ and keeps the number in data-count.
        return await badge.CountAsync() == 0 ? 0 : int.Parse(await badge.GetAttributeAsync("data-count") ?? (await badge.TextContentAsync())!, CultureInfo.InvariantCulture);
    }
}
