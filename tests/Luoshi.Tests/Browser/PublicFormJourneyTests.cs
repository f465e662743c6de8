namespace Luoshi.Tests.Browser;

/// <summary>
/// The public forms on a phone, for someone not signed in: 网上意见箱, 诉求 and its status query.
/// A person needs a few seconds to fill a form (the guard refuses faster posts), so the journeys move
/// the test clock on before pressing 提交, as that time would pass.
/// </summary>
public class PublicFormJourneyTests
{
    [Fact]
    public async Task AnEmptyOpinionIsRefusedBesideTheTextAndAFilledOneGetsAReceipt()
    {
        var site = await DemoSite.ForAsync("journey");
        await using var journey = await site.AnonymousAsync(Screen.Phone);
        await journey.OpenAsync($"/Public/Opinion/{await site.UnitIdAsync()}");
        await journey.AssertReadsCleanAsync();

        await journey.Page.FillAsync("#SubmitterName", "陈先生");
        await journey.Page.FillAsync("#Contact", "13800000000");
        site.App.Clock.Advance(TimeSpan.FromSeconds(5));
        await journey.SubmitUncheckedAsync("main form button[type=submit]");
        await journey.AssertMessageBesideAsync("#Text", "Text", "请填写内容");
        Assert.Equal("陈先生", await journey.ValueAsync("#SubmitterName"));
        Assert.Equal("13800000000", await journey.ValueAsync("#Contact"));
        await journey.AssertReadsCleanAsync();

        await journey.Page.FillAsync("#Text", "详见 http://example.com 的说明");
        site.App.Clock.Advance(TimeSpan.FromSeconds(5));
        await journey.SubmitUncheckedAsync("main form button[type=submit]");
        await journey.AssertMessageBesideAsync("#Text", "Text", "请不要填写网址链接或网页代码");
        Assert.Equal("详见 http://example.com 的说明", await journey.ValueAsync("#Text"));
        await journey.AssertReadsCleanAsync();

        await journey.Page.FillAsync("#Text", $"希望公布高企认定咨询专线第{FormChecks.Unique()}条");
        site.App.Clock.Advance(TimeSpan.FromSeconds(5));
        await journey.SubmitAsync("main form button[type=submit]");
        Assert.Matches("^YJ2026[0-9A-Z]+$", await journey.Page.Locator("main .notice code").First.InnerTextAsync());
        await journey.AssertReadsCleanAsync();
    }

    [Fact]
    public async Task AnAppealWithoutACategoryKeepsItsTextAndAFiledOneCanBeLookedUpByItsCode()
    {
        var site = await DemoSite.ForAsync("journey");
        var text = $"成果转化奖励何时兑现第{FormChecks.Unique()}问";
        var (receipt, code) = await FileAppealAsync(site, text, refusedFirst: true);

        await using var journey = await site.AnonymousAsync(Screen.Phone);
        await journey.OpenAsync($"/Public/AppealStatus/{await site.UnitIdAsync()}");
        await journey.Page.FillAsync("#Receipt", receipt);
        await journey.SubmitUncheckedAsync("main form button[type=submit]");
        await journey.AssertMessageBesideAsync("#Code", "Code", "请填写查询码");
        Assert.Equal(receipt, await journey.ValueAsync("#Receipt"));
        await journey.AssertReadsCleanAsync();

        await journey.Page.FillAsync("#Code", "AAAAAA");
        await journey.SubmitAsync("main form button[type=submit]");
        Assert.Contains("回执号或查询码不正确", await journey.MainTextAsync(), StringComparison.Ordinal);
        await journey.AssertReadsCleanAsync();

        await journey.Page.FillAsync("#Code", code);
        await journey.SubmitAsync("main form button[type=submit]");
        var status = await journey.MainTextAsync();
        Assert.Contains("办理阶段：受理", status, StringComparison.Ordinal);
        Assert.Contains("受理日期：2026-05-11", status, StringComparison.Ordinal);
        Assert.DoesNotContain("不正确", status, StringComparison.Ordinal);
        await journey.AssertReadsCleanAsync();
    }

    /// <summary>Leaves an opinion in the online box and gives its receipt number.</summary>
    internal static async Task<string> LeaveOpinionAsync(DemoSite site, string text)
    {
        await using var journey = await site.AnonymousAsync(Screen.Phone);
        await journey.OpenAsync($"/Public/Opinion/{await site.UnitIdAsync()}");
        await journey.Page.FillAsync("#Text", text);
        site.App.Clock.Advance(TimeSpan.FromSeconds(5));
        await journey.SubmitAsync("main form button[type=submit]");
        var receipt = await journey.Page.Locator("main .notice code").First.InnerTextAsync();
        await journey.AssertReadsCleanAsync();
        return receipt;
    }

    /// <summary>Files an appeal on the public form (after one refusal, when asked) and gives its
    /// receipt number and secret code.</summary>
    internal static async Task<(string Receipt, string Code)> FileAppealAsync(DemoSite site, string text, bool refusedFirst = false)
    {
        await using var journey = await site.AnonymousAsync(Screen.Phone);
        await journey.OpenAsync($"/Public/Appeal/{await site.UnitIdAsync()}");
        await journey.Page.FillAsync("#Text", text);
        await journey.Page.FillAsync("#SubmitterName", "王博士");
        if (refusedFirst)
        {
            site.App.Clock.Advance(TimeSpan.FromSeconds(5));
            await journey.SubmitUncheckedAsync("main form button[type=submit]");
            await journey.AssertMessageBesideAsync("#Category", "Category", "请选择诉求类别");
            Assert.Equal(text, await journey.ValueAsync("#Text"));
            Assert.Equal("王博士", await journey.ValueAsync("#SubmitterName"));
            await journey.AssertReadsCleanAsync();
        }

        await journey.Page.SelectOptionAsync("#Category", new Microsoft.Playwright.SelectOptionValue { Label = "成果转化" });
        site.App.Clock.Advance(TimeSpan.FromSeconds(5));
        await journey.SubmitAsync("main form button[type=submit]");
        var codes = journey.Page.Locator("main .notice code");
        var receipt = await codes.Nth(0).InnerTextAsync();
        var code = await codes.Nth(1).InnerTextAsync();
        Assert.Matches("^SQ2026[0-9A-Z]+$", receipt);
        await journey.AssertReadsCleanAsync();
        await journey.ShotAsync("诉求-网上提交回执");
        return (receipt, code);
    }
}
