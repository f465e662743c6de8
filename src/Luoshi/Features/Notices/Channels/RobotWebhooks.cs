using Luoshi.Data;
using Luoshi.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Luoshi.Features.Notices.Channels;

/// <summary>What the admin enters for a new robot.</summary>
internal sealed record RobotInput(RobotKind Kind, string? Name, string? Url, string? Secret);

/// <summary>A unit's robots as the admin page shows them: URL token and secret masked.</summary>
internal sealed record RobotRow(int Id, RobotKind Kind, string Name, string MaskedUrl, string? MaskedSecret, bool Enabled, DateTime CreatedAt);

/// <summary>The admin's work on a unit's group robots; pages and any API call this, so the rules live here.</summary>
internal sealed class RobotWebhooks(LuoshiDb db, IOptions<WebhookOptions> options, TimeProvider time, Shared.BureauClock clock, IEnumerable<INoticeChannel> channels, RobotSecrets secrets)
{
    public async Task<Outcome<RobotWebhook>> AddAsync(int unitId, int personId, RobotInput input, CancellationToken ct)
    {
        var problems = new FieldErrors();
        if (!Enum.IsDefined(input.Kind))
        {
            problems.Add("Kind", "请选择钉钉或企业微信");
            return Outcome<RobotWebhook>.Invalid(problems.ToDictionary());
        }

        if (input.Name.OrNull() is not { Length: <= 50 })
        {
            problems.Add("Name", "请填写机器人名称（不超过 50 字），如“督办工作群”");
        }

        RobotUrlRules.Check(input.Kind, input.Url, input.Secret, options.Value.AllowedTestBases, problems);
        if (problems.Any)
        {
            return Outcome<RobotWebhook>.Invalid(problems.ToDictionary());
        }

        var url = RobotUrlRules.Normal(input.Url!);
        var key = RobotSecrets.Key(url);
        if (await db.RobotWebhooks.AnyAsync(r => r.UnitId == unitId && r.UrlKey == key, ct))
        {
            return Outcome<RobotWebhook>.Invalid("Url", "这个机器人地址已经添加过，不能重复添加");
        }

        var robot = new RobotWebhook
        {
            UnitId = unitId, Kind = input.Kind, Name = input.Name!.Trim(), Url = secrets.Protect(url), UrlKey = key,
            Secret = input.Secret.OrNull() is { } secret ? secrets.Protect(secret) : null,
            CreatedById = personId, CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.RobotWebhooks.Add(robot);
        await db.SaveChangesAsync(ct);
        return Outcome<RobotWebhook>.Ok(robot);
    }

    public async Task<List<RobotRow>> ListAsync(int unitId, CancellationToken ct)
    {
        var robots = await db.RobotWebhooks.AsNoTracking().Where(r => r.UnitId == unitId).OrderBy(r => r.Id).ToListAsync(ct);
        return [.. robots.Select(r => new RobotRow(r.Id, r.Kind, r.Name, Mask.Url(secrets.Reveal(r.Url)), Mask.Secret(r.Secret is null ? null : secrets.Reveal(r.Secret)), r.Enabled, r.CreatedAt))];
    }

    public async Task<bool> SetEnabledAsync(int unitId, int id, bool enabled, CancellationToken ct) =>
        await db.RobotWebhooks.Where(r => r.UnitId == unitId && r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Enabled, enabled), ct) == 1;

    public async Task<bool> DeleteAsync(int unitId, int id, CancellationToken ct) =>
        await db.RobotWebhooks.Where(r => r.UnitId == unitId && r.Id == id).ExecuteDeleteAsync(ct) == 1;

    /// <summary>Sends a test notice through the robot's channel now, bypassing the outbox, and says
    /// how it went in words for the admin: null when the far end took it.</summary>
    public async Task<string?> SendTestAsync(int unitId, int id, CancellationToken ct)
    {
        var robot = await db.RobotWebhooks.AsNoTracking().FirstOrDefaultAsync(r => r.UnitId == unitId && r.Id == id, ct);
        if (robot is null)
        {
            return "未找到该机器人";
        }

        return await TestNotice.SendAsync(channels.Single(c => c.Name == robot.ChannelName), unitId, RobotTarget.Of(robot), null, clock, ct);
    }
}
