using System.Text.RegularExpressions;

namespace Luoshi.Tests.Browser;

/// <summary>The assessment page shows its stored result with the time it was computed, on a desk and on a phone.</summary>
public partial class AssessmentResultJourneyTests
{
    [Theory]
    [InlineData("desk")]
    [InlineData("phone")]
    public async Task TheOfficeSeesWhenTheAssessmentWasComputedAndMayAskForItAgain(string screen)
    {
        var site = await DemoSite.ForAsync("journey");
        await using var office = await site.AsAsync("office", screen == "phone" ? Screen.Phone : Screen.Desk);
        await office.OpenAsync("/Assessment");
        await office.Page.Locator("main table a").First.ClickAsync();
        await office.Page.WaitForURLAsync(new Regex("/Assessment/Detail"));

        var computed = await office.Page.Locator("main p.computed").InnerTextAsync();
        Assert.Matches(Computed(), computed);
        await office.AssertCleanAsync();

        // The office asks for it again: queued, and the page says so.
        await office.SubmitAsync("form[action*='handler=Recompute'] button");
        Assert.Contains("已安排重新计算", await office.MainTextAsync(), StringComparison.Ordinal);
        await office.AssertCleanAsync();
        await office.ShotAsync($"assessment-recompute-{(screen == "phone" ? 390 : 1366)}");
    }

    [GeneratedRegex(@"(结果计算于|锁定时计算) \d{4}-\d{2}-\d{2} \d{2}:\d{2}")]
    private static partial Regex Computed();
}
