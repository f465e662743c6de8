using Luoshi.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Luoshi.Tests.Browser;

/// <summary>
/// The menu grouped under 工作, 台账 and 督查: on a desktop a group's links open on hover or when its
/// name is clicked (no script), and lead on; on a phone every link lies open under its group's name.
/// </summary>
public class MenuGroupTests
{
    [Fact]
    public async Task OnADesktopAGroupOpensOnItsNameAndItsLinkLeadsOn()
    {
        var site = await DemoSite.ForAsync("journey");
        await using var journey = await site.AsAsync("office", Screen.Desk);
        await journey.OpenAsync("/");
        var nav = journey.Page.Locator("header.top nav");
        var proposals = nav.GetByRole(AriaRole.Link, new() { Name = "建议提案" });
        Assert.False(await proposals.IsVisibleAsync());
        await nav.GetByRole(AriaRole.Button, new() { Name = "台账" }).ClickAsync();
        Assert.True(await proposals.IsVisibleAsync());
        await journey.ShotAsync("menu-desk-open");
        await proposals.ClickAsync();
        await journey.Page.WaitForURLAsync(journey.BaseUrl + "/Proposals");
        Assert.False(await proposals.IsVisibleAsync());
        Assert.True(await nav.EvaluateAsync<double>("n => n.getBoundingClientRect().height") <= 40, "the desktop menu wraps onto a second line");
        await journey.AssertCleanAsync();
    }

    [Fact]
    public async Task OnAPhoneEveryLinkLiesOpenUnderItsGroup()
    {
        var site = await DemoSite.ForAsync("journey");
        await using var journey = await site.AsAsync("office", Screen.Phone);
        await journey.OpenAsync("/");
        await journey.Page.Locator("header.top .menu-button").ClickAsync();
        var nav = journey.Page.Locator("header.top nav");
        foreach (var name in new[] { "计划", "建议提案", "督办台账", "回头看", "对标" })
        {
            Assert.True(await nav.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).IsVisibleAsync(), $"{name} is not open in the phone menu");
        }

        await journey.ShotAsync("menu-phone-open");
        await journey.AssertCleanAsync();
    }
}
