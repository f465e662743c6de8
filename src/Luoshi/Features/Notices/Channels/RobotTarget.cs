using System.Globalization;
using Luoshi.Data;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Notices.Channels;

/// <summary>A robot channel's target is the robot's id; the row is read at send time so a robot the
/// admin disabled or deleted meanwhile is not posted to.</summary>
internal static class RobotTarget
{
    private static RobotWebhook Revealed(RobotWebhook robot, RobotSecrets secrets)
    {
        robot.Url = secrets.Reveal(robot.Url);
        robot.Secret = robot.Secret is null ? null : secrets.Reveal(robot.Secret);
        return robot;
    }

    public static string Of(RobotWebhook robot) => robot.Id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The robot with its URL and secret in the clear, for sending only (the row is not tracked).</summary>
    public static async Task<RobotWebhook> LoadAsync(LuoshiDb db, RobotSecrets secrets, OutgoingNotice notice, RobotKind kind, CancellationToken ct)
    {
        var id = int.TryParse(notice.Target, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
        var robot = await db.RobotWebhooks.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.UnitId == notice.UnitId && r.Kind == kind, ct);
        return robot switch
        {
            null => throw new NoticeChannelException($"机器人 {notice.Target} 不存在或已删除", permanent: true),
            { Enabled: false } => throw new NoticeChannelException($"机器人“{robot.Name}”已停用", permanent: true),
            _ => Revealed(robot, secrets),
        };
    }
}
