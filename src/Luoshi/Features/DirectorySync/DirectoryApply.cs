using System.Globalization;
using Luoshi.Data;
using Luoshi.Features.Account;
using Luoshi.Features.Audit;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.DirectorySync;

/// <summary>
/// The apply step of every directory sync, whatever the source (<see cref="IDirectorySource"/>): a
/// person new there gets a person (and whatever the source attaches: a login, a link); a person
/// whose rules now map to another section moves there; name, e-mail, phone and 职务 follow the
/// directory; a person of the source no longer listed is deactivated (never deleted: his tasks and
/// history stay, and his open tasks are listed for 改派), and one listed again is reactivated. Roles
/// stay the office's to set. Everything is audited and done in one transaction.
/// </summary>
internal sealed class DirectoryApply(LuoshiDb db, Sessions sessions, AuditLog audit, TimeProvider time)
{
    /// <summary>How the sync's audit details begin (and how its own deactivations are known again).</summary>
    public const string SyncDetail = "目录同步：";

    public async Task<DirectorySyncRun> ApplyAsync(
        DirectorySyncRun run, IReadOnlyList<ListedPerson> listed, IDirectorySource source, AuditKind summaryKind, Viewer? by, CancellationToken ct, List<string>? lines = null)
    {
        var unitId = run.UnitId;
        lines ??= [];
        run.Found = listed.Count;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var sections = await db.Sections.Where(s => s.UnitId == unitId).ToListAsync(ct);
        var owned = await source.OwnedAsync(unitId, ct);
        var personIds = owned.Values.ToList();
        var people = await db.People.Where(p => p.UnitId == unitId && personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var seen = new HashSet<int>();
        var byName = by?.Name ?? DirectorySyncer.ScheduleName;

        foreach (var entry in listed.DistinctBy(e => e.Key))
        {
            if (owned.TryGetValue(entry.Key, out var personId) && people.TryGetValue(personId, out var person))
            {
                seen.Add(person.Id);
                await source.SeenAsync(person.Id, entry, ct);
                await UpdateAsync(run, lines, person, entry, entry.Section is { } name ? SectionNamed(sections, unitId, name, lines) : null, by, byName, ct);
            }
            else if (entry.Section is null)
            {
                run.Skipped++;
                lines.Add($"未同步：{entry.Name}（{entry.Shown}）{source.Unmapped}");
            }
            else if (await AddAsync(run, lines, unitId, entry, SectionNamed(sections, unitId, entry.Section, lines), source, by, byName, ct) is { } added)
            {
                seen.Add(added);
            }
        }

        if (listed.Count == 0)
        {
            run.Problem ??= "目录中没有找到任何人员，为防误停用，本次未停用任何人（请检查查找位置和人员筛选条件）";
        }
        else
        {
            foreach (var person in people.Values.Where(p => !seen.Contains(p.Id) && p.IsActive))
            {
                person.IsActive = false;
                run.Deactivated++;
                run.DeactivatedPersonIds += (run.DeactivatedPersonIds.Length > 0 ? "," : "") + person.Id.ToString(CultureInfo.InvariantCulture);
                lines.Add($"停用：{person.Name}已不在目录中");
                audit.AddBySync(AuditKind.Deactivated, unitId, by?.PersonId, byName, person.Id, person.Name, SyncDetail + "已不在目录中");
                await db.SaveChangesAsync(ct);
                // Whatever the person was doing ends now, as when the office deactivates him.
                if (await db.Users.FirstOrDefaultAsync(u => u.PersonId == person.Id, ct) is { } login)
                {
                    await sessions.EndAllAsync(login, "role or status changed by the directory sync");
                }
            }
        }

        var result = await FinishAsync(run, lines, summaryKind, by, ct);
        await transaction.CommitAsync(ct);
        return result;
    }

    private async Task UpdateAsync(DirectorySyncRun run, List<string> lines, Person person, ListedPerson entry, Section? section, Viewer? by, string byName, CancellationToken ct)
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

    /// <summary>The new person's id, or null when the source cannot make him its own.</summary>
    private async Task<int?> AddAsync(DirectorySyncRun run, List<string> lines, int unitId, ListedPerson entry, Section section, IDirectorySource source, Viewer? by, string byName, CancellationToken ct)
    {
        var person = new Person
        {
            UnitId = unitId, Name = Cut(entry.Name, 50)!, Position = Cut(entry.Position, 50), Email = Cut(entry.Email, 200), Phone = Cut(entry.Phone, 50),
            Role = Role.Staff, Section = section,
        };
        db.People.Add(person);
        await db.SaveChangesAsync(ct);
        if (await source.AttachAsync(person, entry, ct) is { } problem)
        {
            // The person stays out rather than half in.
            db.People.Remove(person);
            await db.SaveChangesAsync(ct);
            run.Skipped++;
            lines.Add(problem);
            return null;
        }

        run.Added++;
        lines.Add($"新增：{person.Name}（{section.Name}）");
        audit.AddBySync(AuditKind.PersonCreated, unitId, by?.PersonId, byName, person.Id, person.Name, $"{SyncDetail}{section.Name}");
        await db.SaveChangesAsync(ct);
        return person.Id;
    }

    /// <summary>The unit's section of that name (an active one first); one is added when there is none,
    /// so a new OU or department in the directory becomes a new section.</summary>
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

    /// <summary>Stores the run and its summary in the audit log (also for a run that read nothing).</summary>
    public async Task<DirectorySyncRun> FinishAsync(DirectorySyncRun run, List<string> lines, AuditKind summaryKind, Viewer? by, CancellationToken ct)
    {
        run.FinishedAt = time.GetUtcNow().UtcDateTime;
        run.Lines = string.Join('\n', lines);
        db.Add(run);
        var summary = run.Problem is { } problem && run.Found == 0 ? problem
            : $"目录{run.Found}人；新增{run.Added}，调整科室{run.Moved}，更新{run.Updated}，停用{run.Deactivated}，恢复{run.Reactivated}，未同步{run.Skipped}" + (run.Problem is { } p ? "；" + p : "");
        audit.AddBySync(summaryKind, run.UnitId, by?.PersonId, by?.Name ?? DirectorySyncer.ScheduleName, null, null, summary);
        await db.SaveChangesAsync(ct);
        return run;
    }

    private static string? Cut(string? text, int max) => text.OrNull() is { } t ? (t.Length > max ? t[..max] : t) : null;
}
