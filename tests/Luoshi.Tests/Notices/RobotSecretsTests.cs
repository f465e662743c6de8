using System.Globalization;
using Luoshi.Data;
using Luoshi.Features.Notices.Channels;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Tests.Notices;

/// <summary>Issue 17 (等保 level 3): a copy of the database does not hold the robots' tokens and secrets.</summary>
public class RobotSecretsTests
{
    private static readonly WebhookReceiver Receiver = WebhookReceiver.Shared;

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task ARobotsUrlAndSecretAreStoredProtectedAndItStillSignsCorrectly(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var secret = Robots.NewDingTalkSecret();
        var robot = Receiver.DingTalk(secret, b.App.Clock);
        var id = await Robots.AddAsync(b, RobotKind.DingTalk, robot.Url, secret);

        var stored = await StoredAsync(b, id);
        AssertProtected(stored, robot.Url, secret);

        await Robots.SendAsync<DingTalkChannel>(b, Robots.Notice(b, id.ToString(CultureInfo.InvariantCulture)));
        Assert.Single(robot.Received);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task PlainRowsFromBeforeAreProtectedAtStartAndStillSend(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var secret = Robots.NewDingTalkSecret();
        var robot = Receiver.DingTalk(secret, b.App.Clock);
        var id = await InDbAsync(b, async d =>
        {
            var row = new RobotWebhook { UnitId = b.UnitId, Kind = RobotKind.DingTalk, Name = "旧机器人", Url = robot.Url, Secret = secret, CreatedById = b.Person("admin") };
            d.RobotWebhooks.Add(row);
            await d.SaveChangesAsync();
            return row.Id;
        });
        Assert.Equal(robot.Url, (await StoredAsync(b, id)).Url);

        await Startup.PrepareAsync(b.App.Services, TextWriter.Null);

        AssertProtected(await StoredAsync(b, id), robot.Url, secret);
        await Robots.SendAsync<DingTalkChannel>(b, Robots.Notice(b, id.ToString(CultureInfo.InvariantCulture)));
        Assert.Single(robot.Received);
        // The converted robot is still recognised: the same address is not taken twice.
        await using var scope = b.App.Services.CreateAsyncScope();
        var again = await scope.ServiceProvider.GetRequiredService<RobotWebhooks>()
            .AddAsync(b.UnitId, b.Person("admin"), new RobotInput(RobotKind.DingTalk, "又一个", robot.Url, secret), CancellationToken.None);
        Assert.Null(again.Value);
    }

    private static void AssertProtected(RobotWebhook stored, string url, string secret)
    {
        var token = url[(url.IndexOf('=', StringComparison.Ordinal) + 1)..];
        Assert.StartsWith(SecretBox.DataProtectionPrefix, stored.Url, StringComparison.Ordinal);
        Assert.StartsWith(SecretBox.DataProtectionPrefix, stored.Secret, StringComparison.Ordinal);
        Assert.DoesNotContain(token, stored.Url, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, stored.Secret!, StringComparison.Ordinal);
        Assert.NotNull(stored.UrlKey);
    }

    private static Task<RobotWebhook> StoredAsync(Bureau b, int id) =>
        InDbAsync(b, d => d.RobotWebhooks.AsNoTracking().SingleAsync(r => r.Id == id));

    private static async Task<T> InDbAsync<T>(Bureau b, Func<LuoshiDb, Task<T>> work)
    {
        await using var scope = b.App.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<LuoshiDb>());
    }
}
