using System.Globalization;
using System.Security.Cryptography;
using Luoshi.Data;
using Luoshi.Features.Account;
using Luoshi.Features.Audit;
using Luoshi.Features.Ldap;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.DirectorySync;

/// <summary>
/// One sync of a unit with its directory. The directory is the source of the people it lists: a
/// person new there gets a person and a directory-backed login (no local password); a person whose
/// OU or group now maps to another section moves there; name, e-mail, phone and 职务 follow the
/// directory; a directory person no longer listed is deactivated (never deleted: his tasks and history
/// stay, and his open tasks are listed for 改派), and one listed again is reactivated. Roles stay the
/// office's to set. Everything is audited and done in one transaction; a run is claimed on the
/// settings row, so two instances or two presses never run the same unit's sync at once.
/// </summary>
internal sealed class DirectorySyncer(LuoshiDb db, LdapDirectory directory, UserManager<AppUser> users, Sessions sessions, AuditLog audit, TimeProvider time, ILogger<DirectorySyncer> log)
{
    public const string ScheduleName = "目录定时同步";

    /// <summary>How the sync's audit details begin (and how its own deactivations are known again).</summary>
    private const string SyncDetail = "目录同步：";

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
        var settings = await db.Set<DirectorySettings>().AsNoTracking().FirstAsync(s => s.UnitId == unitId, ct);
        var run = new DirectorySyncRun { UnitId = unitId, StartedAt = now, ByPersonId = by?.PersonId };
        var lines = new List<string>();
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
            return await FinishAsync(run, lines, by, ct);
        }

        run.Found = listed.Count;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var sections = await db.Sections.Where(s => s.UnitId == unitId).ToListAsync(ct);
        var logins = await db.Users.Where(u => u.UnitId == unitId && u.DirectoryDn != null).ToListAsync(ct);
        var loginByName = logins.ToDictionary(u => u.NormalizedUserName!, StringComparer.Ordinal);
        var personIds = logins.Select(u => u.PersonId).ToList();
        var people = await db.People.Where(p => p.UnitId == unitId && personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var seen = new HashSet<int>();
        var byName = by?.Name ?? ScheduleName;

        foreach (var entry in listed.DistinctBy(e => users.NormalizeName(e.Uid)))
        {
            var sectionName = SectionRules.SectionOf(rules, entry);
            if (loginByName.TryGetValue(users.NormalizeName(entry.Uid), out var login) && people.TryGetValue(login.PersonId, out var person))
            {
                seen.Add(person.Id);
                login.DirectoryDn = entry.Dn;
                await UpdateAsync(run, lines, person, entry, sectionName is null ? null : SectionNamed(sections, unitId, sectionName, lines), by, byName, ct);
            }
            else if (sectionName is null)
            {
                run.Skipped++;
                lines.Add($"未同步：{entry.Name}（{entry.Uid}）不属于任何已对应科室的组织单位或组");
            }
            else if (await AddAsync(run, lines, unitId, entry, SectionNamed(sections, unitId, sectionName, lines), by, byName, ct) is { } added)
            {
                seen.Add(added);
            }
        }

        if (listed.Count == 0)
        {
            run.Problem = "目录中没有找到任何人员，为防误停用，本次未停用任何人（请检查查找位置和人员筛选条件）";
        }
        else
        {
            foreach (var login in logins.Where(l => !seen.Contains(l.PersonId)))
            {
                if (people.TryGetValue(login.PersonId, out var person) && person.IsActive)
                {
                    person.IsActive = false;
                    run.Deactivated++;
                    run.DeactivatedPersonIds += (run.DeactivatedPersonIds.Length > 0 ? "," : "") + person.Id.ToString(CultureInfo.InvariantCulture);
                    lines.Add($"停用：{person.Name}（{login.UserName}）已不在目录中");
                    audit.AddBySync(AuditKind.Deactivated, unitId, by?.PersonId, byName, person.Id, person.Name, SyncDetail + "已不在目录中");
                    await db.SaveChangesAsync(ct);
                    // Whatever the person was doing ends now, as when the office deactivates him.
                    await sessions.EndAllAsync(login, "role or status changed by the directory sync");
                }
            }
        }

        var result = await FinishAsync(run, lines, by, ct);
        await transaction.CommitAsync(ct);
        return result;
    }

    private async Task UpdateAsync(DirectorySyncRun run, List<string> lines, Person person, DirectoryPerson entry, Section? section, Viewer? by, string byName, CancellationToken ct)
    {
        if (!person.IsActive && !await DeactivatedBySyncAsync(person, ct))
        {
            // The office stopped this person on purpose: the directory listing him does not undo that.
            lines.Add($"仍停用：{person.Name}由办公室停用，目录中仍有此人");
        }
        else if (!person.IsActive)
        {
            person.IsActive = true;
            run.Reactivated++;
            lines.Add($"恢复：{person.Name}又出现在目录中");
            audit.AddBySync(AuditKind.Reactivated, person.UnitId, by?.PersonId, byName, person.Id, person.Name, SyncDetail + "又出现在目录中");
        }

        // Leaders and the auditor belong to no section: the office keeps their charges as it set them.
        if (section is not null && person.Role is not (Role.Leader or Role.Auditor) && person.SectionId != section.Id)
        {
            if (section.Id == 0)
            {
                await db.SaveChangesAsync(ct); // a section the sync has just added needs its id
            }

            var from = person.SectionId is { } old ? (await db.Sections.FindAsync([old], ct))?.Name ?? "" : "无";
            person.SectionId = section.Id;
            run.Moved++;
            lines.Add($"调整科室：{person.Name} {from} → {section.Name}");
            audit.AddBySync(AuditKind.SectionChanged, person.UnitId, by?.PersonId, byName, person.Id, person.Name, $"{SyncDetail}{from} → {section.Name}");
        }

        var name = Cut(entry.Name, 50)!;
        var (position, email, phone) = (Cut(entry.Position, 50), Cut(entry.Email, 200), Cut(entry.Phone, 50));
        var changed = new List<string>();
        if (person.Name != name) { changed.Add("姓名"); person.Name = name; }
        if (person.Position != position) { changed.Add("职务"); person.Position = position; }
        if (person.Email != email) { changed.Add("邮箱"); person.Email = email; }
        if (person.Phone != phone) { changed.Add("电话"); person.Phone = phone; }
        if (changed.Count > 0)
        {
            run.Updated++;
            lines.Add($"更新：{person.Name}的{string.Join("、", changed)}");
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>Whether the person's last deactivation was the sync's (its audit entry says so): only
    /// then does his return to the directory bring him back.</summary>
    private async Task<bool> DeactivatedBySyncAsync(Person person, CancellationToken ct)
    {
        var last = await db.AuditEntries.AsNoTracking()
            .Where(a => a.UnitId == person.UnitId && a.TargetPersonId == person.Id && (a.Kind == AuditKind.Deactivated || a.Kind == AuditKind.Reactivated))
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Select(a => new { a.Kind, a.Detail }).FirstOrDefaultAsync(ct);
        return last is { Kind: AuditKind.Deactivated, Detail: { } detail } && detail.StartsWith(SyncDetail, StringComparison.Ordinal);
    }

    /// <summary>The new person's id, or null when the login name cannot be used.</summary>
    private async Task<int?> AddAsync(DirectorySyncRun run, List<string> lines, int unitId, DirectoryPerson entry, Section section, Viewer? by, string byName, CancellationToken ct)
    {
        var normal = users.NormalizeName(entry.Uid);
        if (await db.Users.IgnoreQueryFilters().AnyAsync(u => u.NormalizedUserName == normal, ct))
        {
            run.Skipped++;
            lines.Add($"未同步：{entry.Name}的登录名 {entry.Uid} 已被本系统的其他账号使用");
            return null;
        }

        var person = new Person
        {
            UnitId = unitId, Name = Cut(entry.Name, 50)!, Position = Cut(entry.Position, 50), Email = Cut(entry.Email, 200), Phone = Cut(entry.Phone, 50),
            Role = Role.Staff, Section = section,
        };
        db.People.Add(person);
        await db.SaveChangesAsync(ct);
        // No password: the login's only password is the directory's (Account/DirectoryPasswordCheck).
        var created = await users.CreateAsync(new AppUser { UserName = entry.Uid, UnitId = unitId, PersonId = person.Id, DirectoryDn = entry.Dn });
        if (!created.Succeeded)
        {
            // The name breaks the login-name rules: the person stays out rather than half in.
            db.People.Remove(person);
            await db.SaveChangesAsync(ct);
            run.Skipped++;
            lines.Add($"未同步：{entry.Name}的登录名 {entry.Uid} 不符合登录名规则");
            return null;
        }

        run.Added++;
        lines.Add($"新增：{person.Name}（{section.Name}）");
        audit.AddBySync(AuditKind.PersonCreated, unitId, by?.PersonId, byName, person.Id, person.Name, $"{SyncDetail}{section.Name}");
        audit.AddBySync(AuditKind.LoginCreated, unitId, by?.PersonId, byName, person.Id, person.Name, $"目录账号 {entry.Uid}");
        await db.SaveChangesAsync(ct);
        return person.Id;
    }

    /// <summary>The unit's section of that name (an active one first); one is added when there is none,
    /// so a new OU in the directory becomes a new section.</summary>
    private Section SectionNamed(List<Section> sections, int unitId, string name, List<string> lines)
    {
        if (sections.Where(s => s.Name == name).OrderByDescending(s => s.IsActive).FirstOrDefault() is { } found)
        {
            return found;
        }

        var section = new Section { UnitId = unitId, Name = name, SortOrder = sections.Count == 0 ? 1 : sections.Max(s => s.SortOrder) + 1 };
        db.Sections.Add(section);
        sections.Add(section);
        lines.Add($"新增科室：{name}");
        return section;
    }

    private async Task<DirectorySyncRun> FinishAsync(DirectorySyncRun run, List<string> lines, Viewer? by, CancellationToken ct)
    {
        run.FinishedAt = time.GetUtcNow().UtcDateTime;
        run.Lines = string.Join('\n', lines);
        db.Add(run);
        var summary = run.Problem ?? $"目录{run.Found}人；新增{run.Added}，调整科室{run.Moved}，更新{run.Updated}，停用{run.Deactivated}，恢复{run.Reactivated}，未同步{run.Skipped}";
        audit.AddBySync(AuditKind.DirectorySynced, run.UnitId, by?.PersonId, by?.Name ?? ScheduleName, null, null, summary);
        await db.SaveChangesAsync(ct);
        return run;
    }

    private static string? Cut(string? text, int max) => text.OrNull() is { } t ? (t.Length > max ? t[..max] : t) : null;
}
