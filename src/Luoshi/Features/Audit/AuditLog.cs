using Luoshi.Data;
using Luoshi.Features.Organisation;

namespace Luoshi.Features.Audit;

/// <summary>
/// The one call site for a security event: the audit row and the line under
/// <see cref="SecurityLog.Category"/> are written together, so the table and the log never disagree.
/// <see cref="Add"/> only stages the row, for changes that save it in their own SaveChanges (an
/// administrator's change and its entry stand or fall together); the <c>…Async</c> methods save at
/// once, for events that have nothing else to save (a failed sign-in, an export).
/// </summary>
internal sealed class AuditLog(LuoshiDb db, IHttpContextAccessor http, TimeProvider time, ILoggerFactory logs)
{
    /// <summary>The unit of entries no unit can claim (a failed sign-in with an unknown name). Every
    /// unit's auditor sees them: they are attempts on the installation as a whole.</summary>
    public const int NoUnit = 0;

    private readonly ILogger _log = logs.CreateLogger(SecurityLog.Category);

    private string? Address => http.HttpContext?.Connection.RemoteIpAddress?.ToString();

    public async Task SignedInAsync(AppUser user, string typed)
    {
        SecurityLog.SignedIn(_log, typed, Address);
        await SaveAsync(Entry(AuditKind.SignedIn, user.UnitId, user.PersonId, typed, null, null, null));
    }

    public async Task RefusedAsync(AppUser? user, string typed, string reason, bool token)
    {
        SecurityLog.Refused(_log, typed, Address, reason);
        await SaveAsync(Entry(token ? AuditKind.TokenRefused : AuditKind.SignInFailed, user?.UnitId ?? NoUnit, user?.PersonId, typed, null, null, Chinese(reason)));
    }

    public async Task LockedOutAsync(AppUser user, string typed)
    {
        SecurityLog.LockedOut(_log, typed, Address);
        await SaveAsync(Entry(AuditKind.LockedOut, user.UnitId, user.PersonId, typed, user.PersonId, null, null));
    }

    /// <summary>A step of two-factor sign-in (enabled, a wrong code, a recovery code used), saved at once.</summary>
    public async Task SecondFactorAsync(AuditKind kind, AppUser user, string? detail = null)
    {
        SecurityLog.Audited(_log, kind.Chinese(), user.UserName, null, Address);
        await SaveAsync(Entry(kind, user.UnitId, user.PersonId, user.UserName, user.PersonId, null, detail));
    }

    public async Task TokenIssuedAsync(AppUser user)
    {
        SecurityLog.Audited(_log, AuditKind.TokenIssued.Chinese(), user.UserName, null, Address);
        await SaveAsync(Entry(AuditKind.TokenIssued, user.UnitId, user.PersonId, user.UserName, null, null, null));
    }

    public async Task SignedOutAsync(AppUser user)
    {
        SecurityLog.SignedOut(_log, user.Id);
        await SaveAsync(Entry(AuditKind.SignedOut, user.UnitId, user.PersonId, user.UserName, null, null, null));
    }

    /// <summary>Staged: the caller's next SaveChanges (the security stamp's update) writes it.</summary>
    public void EndedAll(AppUser user, string reason)
    {
        SecurityLog.EndedAll(_log, user.UserName, reason);
        db.AuditEntries.Add(Entry(AuditKind.EndedAllSessions, user.UnitId, user.PersonId, user.UserName, user.PersonId, null, EndReason(reason)));
    }

    /// <summary>An export of people's personal data (names, phones), saved at once.</summary>
    public async Task ExportedAsync(Viewer viewer, string fileName)
    {
        var name = http.HttpContext?.User.Identity?.Name;
        SecurityLog.Audited(_log, AuditKind.Exported.Chinese(), name, fileName, Address);
        await SaveAsync(Entry(AuditKind.Exported, viewer.UnitId, viewer.PersonId, name, null, fileName, null));
    }

    /// <summary>An administrator's change, staged in the change's own SaveChanges.</summary>
    public AuditEntry Add(AuditKind kind, Viewer actor, int? targetPersonId, string? target, string? detail = null)
    {
        var name = http.HttpContext?.User.Identity?.Name;
        SecurityLog.Audited(_log, kind.Chinese(), name, target, Address);
        return db.AuditEntries.Add(Entry(kind, actor.UnitId, actor.PersonId, name, targetPersonId, target, detail)).Entity;
    }

    /// <summary>A login's own act (its new password), staged in the SaveChanges that stores it.</summary>
    public void AddForUser(AuditKind kind, AppUser user)
    {
        SecurityLog.Audited(_log, kind.Chinese(), user.UserName, null, Address);
        db.AuditEntries.Add(Entry(kind, user.UnitId, user.PersonId, user.UserName, user.PersonId, null, null));
    }

    /// <summary>For the command line, where no one is signed in: the entry names the command.</summary>
    public void AddByCommand(AuditKind kind, int unitId, int? targetPersonId, string? target, string detail)
    {
        SecurityLog.Audited(_log, kind.Chinese(), "命令行", target, null);
        db.AuditEntries.Add(Entry(kind, unitId, null, "命令行", targetPersonId, target, detail));
    }

    /// <summary>A change made by the directory sync, staged in the sync's SaveChanges: the entry names
    /// the office member who pressed 立即同步, or the schedule when nobody did.</summary>
    public void AddBySync(AuditKind kind, int unitId, int? actorPersonId, string by, int? targetPersonId, string? target, string? detail)
    {
        SecurityLog.Audited(_log, kind.Chinese(), by, target, actorPersonId is null ? null : Address);
        db.AuditEntries.Add(Entry(kind, unitId, actorPersonId, by, targetPersonId, target, detail));
    }

    private AuditEntry Entry(AuditKind kind, int unitId, int? actor, string? userName, int? targetId, string? target, string? detail) => new()
    {
        UnitId = unitId, At = time.GetUtcNow().UtcDateTime, Kind = kind, ActorPersonId = actor, UserName = Cut(userName, AuditEntry.NameLength),
        TargetPersonId = targetId, Target = Cut(target, AuditEntry.NameLength), Address = Cut(Address, 64), Detail = Cut(detail, AuditEntry.DetailLength),
    };

    private async Task SaveAsync(AuditEntry entry)
    {
        db.AuditEntries.Add(entry);
        await db.SaveChangesAsync();
    }

    private static string EndReason(string reason) => reason switch
    {
        "password changed" => "修改密码",
        "log out everywhere" => "本人退出全部登录",
        _ when reason.StartsWith("password reset", StringComparison.Ordinal) => "办公室重置密码",
        _ when reason.StartsWith("role or status", StringComparison.Ordinal) => "角色或在职状态变更",
        _ => reason,
    };

    /// <summary>The log keeps the reasons its readers grep for; the auditor reads them in Chinese.</summary>
    private static string Chinese(string reason) => reason switch
    {
        "too many attempts" => "尝试过于频繁（同一地址或同一登录名）",
        "unknown name" => "登录名不存在",
        "locked" => "账号已锁定",
        "wrong password" => "密码错误",
        "person inactive" => "人员已停用",
        "one-time password expired" => "一次性密码已过期",
        "one-time password not yet changed" => "一次性密码尚未修改",
        "local passwords off" => "本单位已停用本地密码登录",
        "oidc no subject" => "统一身份认证未提供用户标识",
        "oidc not opened" => "统一身份认证账号未开通",
        "oidc linked to another subject" => "账号已关联另一个统一身份认证账号",
        "oidc link failed" => "关联统一身份认证账号失败",
        _ => reason,
    };

    private static string? Cut(string? text, int max) => text is { Length: > 0 } t ? (t.Length > max ? t[..max] : t) : null;
}
