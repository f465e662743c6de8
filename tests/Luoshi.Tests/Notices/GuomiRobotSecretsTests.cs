using System.Globalization;
using Luoshi.Data;
using Luoshi.Features.Notices.Channels;
using Luoshi.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Tests.Notices;

/// <summary>国密 on: a robot's token and secret are stored SM4-encrypted, not with the data-protection keys,
/// and rows stored before (plain, or protected with those keys) are converted at start.</summary>
public class GuomiRobotSecretsTests
{
    private static readonly WebhookReceiver Receiver = WebhookReceiver.Shared;

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task ARobotsUrlAndSecretAreStoredSm4EncryptedAndItStillSigns(string db)
    {
        var b = await Bureau.CreateAsync("guomi-" + db);
        var secret = Robots.NewDingTalkSecret();
        var robot = Receiver.DingTalk(secret, b.App.Clock);
        var id = await Robots.AddAsync(b, RobotKind.DingTalk, robot.Url, secret);

        AssertSm4(await StoredAsync(b, id), robot.Url, secret);
        await Robots.SendAsync<DingTalkChannel>(b, Robots.Notice(b, id.ToString(CultureInfo.InvariantCulture)));
        Assert.Single(robot.Received);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task RowsProtectedBeforeWithDataProtectionOrInPlainTextAreSm4EncryptedAtStart(string db)
    {
        var b = await Bureau.CreateAsync("guomi-" + db);
        var (secret, plainSecret) = (Robots.NewDingTalkSecret(), Robots.NewDingTalkSecret());
        var (robot, plainRobot) = (Receiver.DingTalk(secret, b.App.Clock), Receiver.DingTalk(plainSecret, b.App.Clock));
        var protector = b.App.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Luoshi.Channels");
        var (id, plainId) = await b.WithDbAsync(async d =>
        {
            var old = new RobotWebhook
            {
                UnitId = b.UnitId, Kind = RobotKind.DingTalk, Name = "旧机器人", CreatedById = b.Person("admin"),
                Url = SecretBox.DataProtectionPrefix + protector.Protect(robot.Url), Secret = SecretBox.DataProtectionPrefix + protector.Protect(secret),
            };
            var plain = new RobotWebhook { UnitId = b.UnitId, Kind = RobotKind.DingTalk, Name = "更旧的机器人", CreatedById = b.Person("admin"), Url = plainRobot.Url, Secret = plainSecret };
            d.RobotWebhooks.AddRange(old, plain);
            await d.SaveChangesAsync();
            return (old.Id, plain.Id);
        });

        await Startup.PrepareAsync(b.App.Services, TextWriter.Null);

        AssertSm4(await StoredAsync(b, id), robot.Url, secret);
        AssertSm4(await StoredAsync(b, plainId), plainRobot.Url, plainSecret);
        await Robots.SendAsync<DingTalkChannel>(b, Robots.Notice(b, id.ToString(CultureInfo.InvariantCulture)));
        await Robots.SendAsync<DingTalkChannel>(b, Robots.Notice(b, plainId.ToString(CultureInfo.InvariantCulture)));
        Assert.Single(robot.Received);
        Assert.Single(plainRobot.Received);
    }

    private static void AssertSm4(RobotWebhook stored, string url, string secret)
    {
        var token = url[(url.IndexOf('=', StringComparison.Ordinal) + 1)..];
        foreach (var value in new[] { stored.Url, stored.Secret! })
        {
            Assert.StartsWith(SecretBox.Sm4Prefix, value, StringComparison.Ordinal);
            // A data-protection payload starts with its magic header, base64 "CfDJ8".
            Assert.DoesNotContain("CfDJ8", value, StringComparison.Ordinal);
            Assert.DoesNotContain(token, value, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, value, StringComparison.Ordinal);
        }
    }

    private static Task<RobotWebhook> StoredAsync(Bureau b, int id) =>
        b.WithDbAsync(d => d.RobotWebhooks.AsNoTracking().SingleAsync(r => r.Id == id));
}
