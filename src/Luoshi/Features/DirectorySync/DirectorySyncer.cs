using System.Security.Cryptography;
using Luoshi.Data;
using Luoshi.Features.Account;
using Luoshi.Features.Audit;
using Luoshi.Features.Ldap;
using Luoshi.Features.Organisation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.DirectorySync;

/// <summary>
/// One sync of a unit with its LDAP/AD directory: the directory is read and handed to
/// <see cref="DirectoryApply"/>, with this class as the source (a person new there gets a
/// directory-backed login with no local password). A run is claimed on the settings row, so two
/// instances or two presses never run the same unit's sync at once.
/// </summary>
internal sealed class DirectorySyncer(LuoshiDb db, LdapDirectory directory, DirectoryApply apply, UserManager<AppUser> users, AuditLog audit, TimeProvider time, ILogger<DirectorySyncer> log)
    : IDirectorySource
{
    public const string ScheduleName = "目录定时同步";

    public const string Source = "ldap";

    /// <summary>Who runs the sync in progress, for the audit of the logins it opens.</summary>
    private Viewer? _by;

    /// <summary>The run, or null when another run of the unit's sync holds the claim.</summary>
    public async Task<DirectorySyncRun?> RunAsync(int unitId, Viewer? by, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var stale = now - DirectorySettings.StaleClaim;
        var claimed = await db.Set<DirectorySettings>().Where(s => s.UnitId == unitId && (s.RunningSince == null || s.RunningSince < stale))
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.RunningSince, now), ct);
        if (claimed == 0)
        {
            return null;
        }

        try
        {
            return await SyncAsync(unitId, by, now, ct);
        }
        finally
        {
            // The next scheduled run counts from this one's start, failed or not: a broken directory
            // is tried again after the interval, not on every poll.
            db.ChangeTracker.Clear();
            await db.Set<DirectorySettings>().Where(s => s.UnitId == unitId)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.RunningSince, (DateTime?)null).SetProperty(s => s.LastSyncAt, now), CancellationToken.None);
        }
    }

    private async Task<DirectorySyncRun> SyncAsync(int unitId, Viewer? by, DateTime now, CancellationToken ct)
    {
        _by = by;
        var settings = await db.Set<DirectorySettings>().AsNoTracking().FirstAsync(s => s.UnitId == unitId, ct);
        var run = new DirectorySyncRun { UnitId = unitId, StartedAt = now, ByPersonId = by?.PersonId, Source = Source };
        var (rules, ruleProblems) = SectionRules.Parse(settings.SectionRules);
        List<DirectoryPerson> listed;
        try
        {
            listed = ruleProblems.Count > 0
                ? throw new DirectoryProblem("科室对应规则有误：" + string.Join("；", ruleProblems))
                : await Task.Run(() => directory.People(settings), ct);
        }
        catch (Exception e) when (e is DirectoryProblem or CryptographicException)
        {
            log.LogWarning(e, "The directory sync of unit {Unit} read nothing", unitId);
            run.Problem = e is DirectoryProblem ? e.Message : "读取账号的密码无法解开（数据保护密钥已更换），请重新填写并保存";
            return await apply.FinishAsync(run, [], AuditKind.DirectorySynced, by, ct);
        }

        var entries = listed.Select(e => new ListedPerson(users.NormalizeName(e.Uid), e.Uid, e.Name, e.Email, e.Phone, e.Position, SectionRules.SectionOf(rules, e), e.Dn)).ToList();
        return await apply.ApplyAsync(run, entries, this, AuditKind.DirectorySynced, by, ct);
    }

    public string Unmapped => "不属于任何已对应科室的组织单位或组";

    public async Task<Dictionary<string, int>> OwnedAsync(int unitId, CancellationToken ct) =>
        await db.Users.Where(u => u.UnitId == unitId && u.DirectoryDn != null).ToDictionaryAsync(u => u.NormalizedUserName!, u => u.PersonId, StringComparer.Ordinal, ct);

    public async Task SeenAsync(int personId, ListedPerson entry, CancellationToken ct)
    {
        var login = await db.Users.FirstAsync(u => u.PersonId == personId && u.DirectoryDn != null, ct);
        login.DirectoryDn = entry.Dn;
    }

    public async Task<string?> AttachAsync(Person person, ListedPerson entry, CancellationToken ct)
    {
        if (await db.Users.IgnoreQueryFilters().AnyAsync(u => u.NormalizedUserName == entry.Key, ct))
        {
            return $"未同步：{entry.Name}的登录名 {entry.Shown} 已被本系统的其他账号使用";
        }

        // No password: the login's only password is the directory's (Account/DirectoryPasswordCheck).
        var created = await users.CreateAsync(new AppUser { UserName = entry.Shown, UnitId = person.UnitId, PersonId = person.Id, DirectoryDn = entry.Dn });
        if (!created.Succeeded)
        {
            return $"未同步：{entry.Name}的登录名 {entry.Shown} 不符合登录名规则";
        }

        audit.AddBySync(AuditKind.LoginCreated, person.UnitId, _by?.PersonId, _by?.Name ?? ScheduleName, person.Id, person.Name, $"目录账号 {entry.Shown}");
        return null;
    }
}
