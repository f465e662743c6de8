using System.Globalization;
using System.Net;
using Luoshi.Features.Notices;
using Luoshi.Features.Notices.Channels;
using Luoshi.Tests.Infrastructure;

namespace Luoshi.Tests.Notices;

/// <summary>DingTalk and WeCom robots, posted to a receiver on loopback that answers as they do.</summary>
public class RobotChannelTests
{
    private static readonly WebhookReceiver Receiver = WebhookReceiver.Shared;

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task ASignedDingTalkMessageArrivesAndItsSignatureHolds(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var secret = Robots.NewDingTalkSecret();
        var robot = Receiver.DingTalk(secret, b.App.Clock);
        var id = await Robots.AddAsync(b, RobotKind.DingTalk, robot.Url, secret);

        await Robots.SendAsync<DingTalkChannel>(b, Robots.Notice(b, id.ToString(CultureInfo.InvariantCulture), phone: "13800000000"));

        var body = Assert.Single(robot.Received);
        Assert.Equal("markdown", body.GetProperty("msgtype").GetString());
        Assert.Equal("关于报送第二季度督办事项进展的通知", body.GetProperty("markdown").GetProperty("title").GetString());
        Assert.Contains("优化营商环境", body.GetProperty("markdown").GetProperty("text").GetString());
        Assert.Equal("13800000000", body.GetProperty("at").GetProperty("atMobiles")[0].GetString());
    }

    [Fact]
    public async Task ADingTalkRobotWithTheWrongSecretIsRefusedForGood()
    {
        var b = await Bureau.CreateAsync("sqlite");
        var robot = Receiver.DingTalk(Robots.NewDingTalkSecret(), b.App.Clock);
        var id = await Robots.AddAsync(b, RobotKind.DingTalk, robot.Url, Robots.NewDingTalkSecret());

        var refused = await Assert.ThrowsAsync<NoticeChannelException>(() => Robots.SendAsync<DingTalkChannel>(b, Robots.Notice(b, id.ToString(CultureInfo.InvariantCulture))));

        Assert.True(refused.Permanent);
        Assert.Contains("310000", refused.Message);
        Assert.Contains("签名", refused.Message);
        Assert.Empty(robot.Received);
    }

    [Fact]
    public async Task ADingTalkRateLimitIsWorthARetry()
    {
        var b = await Bureau.CreateAsync("sqlite");
        var id = await Robots.AddAsync(b, RobotKind.DingTalk, Receiver.DingTalk(errCode: 130101, errMsg: "send too fast").Url);

        var refused = await Assert.ThrowsAsync<NoticeChannelException>(() => Robots.SendAsync<DingTalkChannel>(b, Robots.Notice(b, id.ToString(CultureInfo.InvariantCulture))));

        Assert.False(refused.Permanent);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AWeComMessageArrivesAsMarkdownOrAsTextMentioningThePerson(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var robot = Receiver.WeCom();
        var target = (await Robots.AddAsync(b, RobotKind.WeCom, robot.Url)).ToString(CultureInfo.InvariantCulture);

        await Robots.SendAsync<WeComChannel>(b, Robots.Notice(b, target));
        await Robots.SendAsync<WeComChannel>(b, Robots.Notice(b, target, phone: "13900000000"));

        var received = robot.Received.ToArray();
        Assert.Equal(2, received.Length);
        Assert.Contains("**关于报送第二季度督办事项进展的通知**", received[0].GetProperty("markdown").GetProperty("content").GetString());
        Assert.Equal("text", received[1].GetProperty("msgtype").GetString());
        Assert.Equal("13900000000", received[1].GetProperty("text").GetProperty("mentioned_mobile_list")[0].GetString());
    }

    [Theory]
    [InlineData("WeCom", 45009, HttpStatusCode.OK)]
    [InlineData("WeCom", 0, HttpStatusCode.InternalServerError)]
    [InlineData("DingTalk", 0, HttpStatusCode.ServiceUnavailable)]
    public async Task ARateLimitOrAServerErrorIsWorthARetry(string channel, int errCode, HttpStatusCode status)
    {
        var kind = Enum.Parse<RobotKind>(channel);
        var b = await Bureau.CreateAsync("sqlite");
        var robot = kind == RobotKind.WeCom ? Receiver.WeCom(errCode, "api freq out of limit", status) : Receiver.DingTalk(errCode: errCode, status: status);
        var target = (await Robots.AddAsync(b, kind, robot.Url)).ToString(CultureInfo.InvariantCulture);
        var notice = Robots.Notice(b, target);

        var refused = await Assert.ThrowsAsync<NoticeChannelException>(() => kind == RobotKind.WeCom ? Robots.SendAsync<WeComChannel>(b, notice) : Robots.SendAsync<DingTalkChannel>(b, notice));

        Assert.False(refused.Permanent);
    }

    [Fact]
    public async Task ARobotOfAnotherUnitIsNotPostedTo()
    {
        var b = await Bureau.CreateAsync("sqlite");
        var other = await Bureau.CreateAsync("sqlite");
        var robot = Receiver.WeCom();
        var id = await Robots.AddAsync(other, RobotKind.WeCom, robot.Url);

        var refused = await Assert.ThrowsAsync<NoticeChannelException>(() => Robots.SendAsync<WeComChannel>(b, Robots.Notice(b, id.ToString(CultureInfo.InvariantCulture))));

        Assert.True(refused.Permanent);
        Assert.Empty(robot.Received);
    }
}
