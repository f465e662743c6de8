using System.Net;
using Luoshi.Features.Notices;
using Luoshi.Tests.Infrastructure;

namespace Luoshi.Tests.Notices;

/// <summary>The 消息 page's actions, posted as a browser posts them (with the anti-forgery token), on both databases.</summary>
public class InboxPageTests
{
    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task ReadByCategoryOnThePageMarksBothKindsOfTheCategoryAndNothingElse(string db)
    {
        var b = await Bureau.CreateAsync(db);
        await InboxData.AddAsync(b, "staffA", NoticeKind.Urge, 3);
        await InboxData.AddAsync(b, "staffA", NoticeKind.ManualUrge, 2);
        await InboxData.AddAsync(b, "staffA", NoticeKind.Remind, 4);
        var page = await b.PagesAsync("staffA");
        var html = await page.GetHtmlAsync("/Notices");
        Assert.Contains("催办（5 条未读）", html);
        Assert.Contains("<span class=\"unread\" id=\"unread-count\">9</span>", html);

        var response = await page.PostFormAsync("/Notices?handler=ReadKind", new() { ["readKind"] = "ManualUrge" }, "/Notices");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("已将 5 条“催办”消息标为已读", await page.GetHtmlAsync("/Notices"));
        Assert.Equal(4, await InboxData.UnreadAsync(b, "staffA"));

        // Without the token nothing is marked.
        var forged = await page.Http.PostAsync("/Notices?handler=ReadAll", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(4, await InboxData.UnreadAsync(b, "staffA"));
        Assert.Equal(HttpStatusCode.Redirect, (await page.PostFormAsync("/Notices?handler=ReadAll", [], "/Notices")).StatusCode);
        Assert.Equal(0, await InboxData.UnreadAsync(b, "staffA"));
        await InboxData.AssertCountsTrueAsync(b);
    }
}
