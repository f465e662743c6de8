using System.Security.Cryptography;
using Luoshi.Features.Notices;
using Luoshi.Features.Notices.Channels;
using Luoshi.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Tests.Notices;

/// <summary>Robots saved the way the admin saves them, and notices sent the way the dispatcher will.</summary>
internal static class Robots
{
    public static string NewDingTalkSecret() => "SEC" + RandomNumberGenerator.GetHexString(64, lowercase: true);

    public static async Task<int> AddAsync(Bureau b, RobotKind kind, string url, string? secret = null)
    {
        await using var scope = b.App.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<RobotWebhooks>()
            .AddAsync(b.UnitId, b.Person("admin"), new RobotInput(kind, "督办工作群", url, secret), CancellationToken.None);
        Assert.True(outcome.Value is not null, string.Join("; ", outcome.Errors?.SelectMany(e => e.Value) ?? []));
        return outcome.Value.Id;
    }

    public static OutgoingNotice Notice(Bureau b, string target, string? phone = null) => new(
        DeliveryId: 1, b.UnitId, MessageId: $"notice-{Guid.NewGuid():N}@luoshi.test", target,
        Title: "关于报送第二季度督办事项进展的通知", Body: "请于5月15日前报送“优化营商环境”任务的进展。", RecipientName: "张三", phone);

    public static async Task SendAsync<TChannel>(Bureau b, OutgoingNotice notice) where TChannel : INoticeChannel
    {
        await using var scope = b.App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TChannel>().SendAsync(notice, CancellationToken.None);
    }
}
