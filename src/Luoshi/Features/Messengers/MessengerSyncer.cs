using System.Globalization;
using System.Security.Cryptography;
using Luoshi.Data;
using Luoshi.Features.Audit;
using Luoshi.Features.DirectorySync;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Messengers;

/// <summary>
/// The address-book sync: the messenger's departments and members are read through its API and
/// handed to the directory sync's apply step (<see cref="DirectoryApply"/>), with this class as the
/// source. A member is the source's own through his <see cref="MessengerLink"/>; before applying,
/// members not yet linked are linked to a person the unit already has with the same mobile (or,
/// without one, e-mail) when exactly one matches, so turning the messenger on does not duplicate the
/// office's people. A new member gets a person, the link, and a login without a password (he signs in
/// by 免登). A run is claimed on the settings row, as the LDAP sync's is.
/// </summary>
internal sealed class MessengerSyncer(
    LuoshiDb db, IEnumerable<IMessengerApi> apis, MessengerSecrets secrets, DirectoryApply apply, UserManager<AppUser> users, AuditLog audit, TimeProvider time,
    ILogger<MessengerSyncer> log) : IDirectorySource
{
    private MessengerKind _kind;
    private Viewer? _by;
    private DateTime _now;

    public async Task<DirectorySyncRun?> RunAsync(int unitId, MessengerKind kind, Viewer? by, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var stale = now - MessengerSettings.StaleClaim;
        var claimed = await db.Set<MessengerSettings>().Where(s => s.UnitId == unitId && s.Kind == kind && (s.RunningSince == null || s.RunningSince < stale))
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.RunningSince, now), ct);
        if (claimed == 0)
        {
            return null;
        }

        try
        {
            (_kind, _by, _now) = (kind, by, now);
            return await SyncAsync(unitId, by, now, ct);
        }
        finally
        {
            db.ChangeTracker.Clear();
            await db.Set<MessengerSettings>().Where(s => s.UnitId == unitId && s.Kind == kind)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.RunningSince, (DateTime?)null).SetProperty(s => s.LastSyncAt, now), CancellationToken.None);
        }
    }

    private async Task<DirectorySyncRun> SyncAsync(int unitId, Viewer? by, DateTime now, CancellationToken ct)
    {
        var settings = await db.Set<MessengerSettings>().AsNoTracking().FirstAsync(s => s.UnitId == unitId && s.Kind == _kind, ct);
        var run = new DirectorySyncRun { UnitId = unitId, StartedAt = now, ByPersonId = by?.PersonId, Source = _kind.Source() };
        var (rules, problems) = DepartmentRules.Parse(settings.SectionRules);
        List<MessengerUser> members;
        Dictionary<long, MessengerDepartment> tree;
        try
        {
            if (problems.Count > 0)
            {
                throw new MessengerProblem("科室对应规则有误：" + string.Join("；", problems));
            }

            var api = apis.Single(a => a.Kind == _kind);
            var access = secrets.Access(settings);
            var departments = await api.DepartmentsAsync(access, ct);
            tree = departments.ToDictionary(d => d.Id);
            members = await api.UsersAsync(access, departments, ct);
        }
        catch (Exception e) when (e is MessengerProblem or CryptographicException)
        {
            log.LogWarning(e, "The {Kind} address-book sync of unit {Unit} read nothing", _kind, unitId);
            run.Problem = e is MessengerProblem ? e.Message : "应用凭证无法解开（密钥已更换），请重新填写并保存";
            return await apply.FinishAsync(run, [], AuditKind.MessengerSynced, by, ct);
        }

        // A disabled or departed member is not listed: the apply step deactivates whom it no longer lists.
        var listed = members.Where(m => m.Active).Select(m => new ListedPerson(
            m.UserId, m.UserId, m.Name.OrNull() ?? m.UserId, m.Email, m.Mobile, m.Title, DepartmentRules.SectionOf(rules, m.Departments, tree))).ToList();
        var lines = await LinkExistingAsync(unitId, listed, ct);
        return await apply.ApplyAsync(run, listed, this, AuditKind.MessengerSynced, by, ct, lines);
    }

    /// <summary>Links members not yet linked to the one person of the unit with the same mobile or e-mail.</summary>
    private async Task<List<string>> LinkExistingAsync(int unitId, List<ListedPerson> listed, CancellationToken ct)
    {
        var lines = new List<string>();
        var links = await db.Set<MessengerLink>().Where(l => l.UnitId == unitId && l.Kind == _kind).ToListAsync(ct);
        var linkedIds = links.Select(l => l.UserId).ToHashSet(StringComparer.Ordinal);
        var linkedPeople = links.Select(l => l.PersonId).ToHashSet();
        var fresh = listed.Where(m => !linkedIds.Contains(m.Key) && m.Section is not null).ToList();
        if (fresh.Count == 0)
        {
            return lines;
        }

        var people = await db.People.AsNoTracking().Where(p => p.UnitId == unitId).Select(p => new { p.Id, p.Name, p.Phone, p.Email }).ToListAsync(ct);
        foreach (var member in fresh)
        {
            var byPhone = member.Phone.OrNull() is { } phone ? people.Where(p => p.Phone == phone).ToList() : [];
            var byEmail = member.Email.OrNull() is { } email ? people.Where(p => string.Equals(p.Email, email, StringComparison.OrdinalIgnoreCase)).ToList() : [];
            var match = byPhone.Count > 0 ? byPhone : byEmail;
            if (match is [var only] && linkedPeople.Add(only.Id))
            {
                db.Add(new MessengerLink { UnitId = unitId, Kind = _kind, UserId = member.Key, PersonId = only.Id, LinkedAt = _now });
                lines.Add($"关联：{only.Name}与{_kind.Chinese()}成员 {member.Key}（按{(byPhone.Count > 0 ? "手机号" : "邮箱")}对应）");
            }
        }

        await db.SaveChangesAsync(ct);
        return lines;
    }

    public string Unmapped => "不属于任何已对应科室的部门";

    public async Task<Dictionary<string, int>> OwnedAsync(int unitId, CancellationToken ct) =>
        await db.Set<MessengerLink>().Where(l => l.UnitId == unitId && l.Kind == _kind).ToDictionaryAsync(l => l.UserId, l => l.PersonId, StringComparer.Ordinal, ct);

    public Task SeenAsync(int personId, ListedPerson entry, CancellationToken ct) => Task.CompletedTask;

    public async Task<string?> AttachAsync(Person person, ListedPerson entry, CancellationToken ct)
    {
        if (entry.Key.Length > 64)
        {
            return $"未同步：{entry.Name}的成员ID过长";
        }

        var link = db.Add(new MessengerLink { UnitId = person.UnitId, Kind = _kind, UserId = entry.Key, PersonId = person.Id, LinkedAt = _now });
        // A login without a password: its only way in is 免登 from the messenger. Unit and userid in
        // the name, because login names are unique across the deployment and a userid only in its organisation.
        var name = string.Create(CultureInfo.InvariantCulture, $"{_kind.Source()}.{person.UnitId}.{entry.Key}");
        var created = await users.CreateAsync(new AppUser { UserName = name, UnitId = person.UnitId, PersonId = person.Id });
        if (!created.Succeeded)
        {
            link.State = EntityState.Detached;
            return $"未同步：{entry.Name}的成员ID {entry.Key} 不能用作登录名";
        }

        audit.AddBySync(AuditKind.LoginCreated, person.UnitId, _by?.PersonId, _by?.Name ?? DirectorySyncer.ScheduleName, person.Id, person.Name, $"{_kind.Chinese()}免登账号 {entry.Key}");
        return null;
    }
}
