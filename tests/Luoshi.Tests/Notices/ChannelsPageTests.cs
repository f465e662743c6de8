using System.Globalization;
using System.Net;
using Luoshi.Features.Notices.Channels;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Tests.Notices;

/// <summary>The admin's page of notice channels, through forms as a browser posts them.</summary>
public class ChannelsPageTests
{
    [Fact]
    public async Task TheAdminAddsARobotSeesItMaskedAndSendsATestMessage()
    {
        var b = await Bureau.CreateAsync("sqlite");
        var secret = Robots.NewDingTalkSecret();
        var robot = WebhookReceiver.Shared.DingTalk(secret, b.App.Clock);
        var admin = await b.PagesAsync("admin");

        var added = await admin.PostFormAsync("/Admin/Channels?handler=Add", new() { ["kind"] = "DingTalk", ["name"] = "督办工作群", ["url"] = robot.Url, ["secret"] = secret }, "/Admin/Channels");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        var html = await admin.GetHtmlAsync("/Admin/Channels");
        Assert.Contains("督办工作群", html);
        Assert.DoesNotContain(secret, html);
        Assert.DoesNotContain(new Uri(robot.Url).Query[20..], html); // the token past its first characters
        var id = await b.WithDbAsync(db => db.RobotWebhooks.Where(r => r.UnitId == b.UnitId).Select(r => r.Id).SingleAsync());

        var sent = await admin.PostFormAsync("/Admin/Channels?handler=Test", new() { ["id"] = id.ToString(CultureInfo.InvariantCulture) }, "/Admin/Channels");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Contains("测试消息已发出", await admin.GetHtmlAsync("/Admin/Channels"));
        Assert.Contains("落实督办系统测试消息", Assert.Single(robot.Received).GetProperty("markdown").GetProperty("title").GetString());
    }

    [Fact]
    public async Task ATestMessageTheRobotRefusesShowsTheFarEndsErrorInChinese()
    {
        var b = await Bureau.CreateAsync("sqlite");
        var id = await Robots.AddAsync(b, RobotKind.WeCom, WebhookReceiver.Shared.WeCom(93000, "invalid webhook url").Url);
        var admin = await b.PagesAsync("admin");

        var sent = await admin.PostFormAsync("/Admin/Channels?handler=Test", new() { ["id"] = id.ToString(CultureInfo.InvariantCulture) }, "/Admin/Channels");

        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var html = await sent.Content.ReadAsStringAsync();
        Assert.Contains("发送失败：企业微信机器人拒绝：93000 invalid webhook url（机器人地址无效或已删除）", html);
    }

    [Fact]
    public async Task AForgedRobotPostedThroughTheFormIsRefusedAndNotSaved()
    {
        var b = await Bureau.CreateAsync("sqlite");
        var admin = await b.PagesAsync("admin");

        var response = await admin.PostFormAsync("/Admin/Channels?handler=Add",
            new() { ["kind"] = "DingTalk", ["name"] = "伪造", ["url"] = "https://oapi.dingtalk.com.evil.cn/robot/send?access_token=abcdef0123456789" }, "/Admin/Channels");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("地址的主机或路径不是钉钉机器人的", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await b.WithDbAsync(db => db.RobotWebhooks.CountAsync(r => r.UnitId == b.UnitId)));
    }

    [Fact]
    public async Task ThePageShowsTheMailServerAndSendsATestEmail()
    {
        _ = Smtp.Maildir;
        var b = await Bureau.CreateAsync("sqlite");
        var admin = await b.PagesAsync("admin");

        var html = await admin.GetHtmlAsync("/Admin/Channels");

        Assert.Contains(Smtp.Address!, html);
        Assert.Contains("duban@luoshi.test", html);
        var sent = await admin.PostFormAsync("/Admin/Channels?handler=TestEmail", new() { ["to"] = "office@example.com" }, "/Admin/Channels");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
    }

    [Fact]
    public async Task OnlyTheOfficeOpensTheChannelsPage()
    {
        var b = await Bureau.CreateAsync("sqlite");
        var head = await b.PagesAsync("headA");

        Assert.Equal(HttpStatusCode.Forbidden, (await head.GetAsync("/Admin/Channels")).StatusCode);
    }

    [Fact]
    public async Task TheDispatcherFindsEmailAndEveryEnabledRobotOfTheUnit()
    {
        var b = await Bureau.CreateAsync("sqlite");
        var on = await Robots.AddAsync(b, RobotKind.WeCom, WebhookReceiver.Shared.WeCom().Url);
        var off = await Robots.AddAsync(b, RobotKind.DingTalk, WebhookReceiver.Shared.DingTalk().Url);
        await using var scope = b.App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RobotWebhooks>().SetEnabledAsync(b.UnitId, off, false, CancellationToken.None);

        var targets = await scope.ServiceProvider.GetRequiredService<NoticeTargets>().ForAsync(b.UnitId, "zhangsan@example.com", CancellationToken.None);

        Assert.Equal([new("email", "zhangsan@example.com"), new("wecom", on.ToString(CultureInfo.InvariantCulture))], targets);
    }
}
