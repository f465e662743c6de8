using Luoshi.Features.Notices.Channels;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Tests.Notices;

/// <summary>A robot's webhook is taken only in the form its maker hands out; anything else is
/// refused in Chinese and nothing is saved.</summary>
public class RobotWebhookRulesTests
{
    private const string Token = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private const string Key = "693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa";
    private const string WeComKey = "693a91f6-7e1b-4bc4-97a0-0ec2afa5aaab";

    [Theory]
    [InlineData("DingTalk", "https://oapi.dingtalk.com.evil.cn/robot/send?access_token=" + Token, null, "主机或路径")]
    [InlineData("DingTalk", "https://evil.cn/robot/send?access_token=" + Token, null, "主机或路径")]
    [InlineData("DingTalk", "http://oapi.dingtalk.com/robot/send?access_token=" + Token, null, "主机或路径")]
    [InlineData("DingTalk", "https://oapi.dingtalk.com:8443/robot/send?access_token=" + Token, null, "主机或路径")]
    [InlineData("DingTalk", "https://oapi.dingtalk.com/robot/other?access_token=" + Token, null, "主机或路径")]
    [InlineData("DingTalk", "https://user:pw@oapi.dingtalk.com/robot/send?access_token=" + Token, null, "用户名")]
    [InlineData("DingTalk", "https://oapi.dingtalk.com/robot/send?access_token=" + Token + "#x", null, "片段")]
    [InlineData("DingTalk", "https://oapi.dingtalk.com/robot/send?access_token=" + Token + "&redirect=https://evil.cn", null, "一个参数")]
    [InlineData("DingTalk", "https://oapi.dingtalk.com/robot/send?access_token=abc%2F..", null, "一个参数")]
    [InlineData("DingTalk", "https://oapi.dingtalk.com/robot/send?access_token=" + Token, "SEC123", "加签密钥")]
    [InlineData("DingTalk", "不是地址", null, "地址格式不对")]
    [InlineData("WeCom", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=" + Key, null, "一个参数")]
    [InlineData("WeCom", "https://oapi.dingtalk.com/robot/send?access_token=" + Token, null, "不是企业微信")]
    [InlineData("WeCom", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=" + WeComKey, "SEC" + Token, "没有加签密钥")]
    public async Task AForgedWebhookIsRefusedInChineseAndNothingIsSaved(string robot, string url, string? secret, string message)
    {
        var kind = Enum.Parse<RobotKind>(robot);
        var b = await Bureau.CreateAsync("sqlite");

        var errors = await AddAsync(b, kind, url, secret);

        Assert.Contains(errors, e => e.Contains(message, StringComparison.Ordinal));
        Assert.Equal(0, await b.WithDbAsync(db => db.RobotWebhooks.CountAsync(r => r.UnitId == b.UnitId)));
    }

    [Theory]
    [InlineData("DingTalk", "https://oapi.dingtalk.com/robot/send?access_token=" + Token, "SEC" + Token)]
    [InlineData("WeCom", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=" + WeComKey, null)]
    public async Task TheRealRobotAddressesAreTaken(string robot, string url, string? secret)
    {
        var kind = Enum.Parse<RobotKind>(robot);
        var b = await Bureau.CreateAsync("sqlite");

        Assert.Empty(await AddAsync(b, kind, url, secret));
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TheSameRobotTwiceInAUnitIsRefusedAsAReplay(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var other = await Bureau.CreateAsync(db);
        var url = "https://oapi.dingtalk.com/robot/send?access_token=" + Token;
        Assert.Empty(await AddAsync(b, RobotKind.DingTalk, url, null));

        var errors = await AddAsync(b, RobotKind.DingTalk, "HTTPS://OAPI.DINGTALK.COM/robot/send?access_token=" + Token, null);

        Assert.Contains("这个机器人地址已经添加过，不能重复添加", errors);
        Assert.Equal(1, await b.WithDbAsync(d => d.RobotWebhooks.CountAsync(r => r.UnitId == b.UnitId)));
        Assert.Empty(await AddAsync(other, RobotKind.DingTalk, url, null)); // another unit may use the same group
    }

    private static async Task<string[]> AddAsync(Bureau b, RobotKind kind, string url, string? secret)
    {
        await using var scope = b.App.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<RobotWebhooks>()
            .AddAsync(b.UnitId, b.Person("admin"), new RobotInput(kind, "督办工作群", url, secret), CancellationToken.None);
        return outcome.Errors?.SelectMany(e => e.Value).ToArray() ?? [];
    }
}
