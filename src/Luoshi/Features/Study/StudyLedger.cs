using Luoshi.Data;
using Luoshi.Features.Lights;
using Luoshi.Features.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Study;

internal sealed record MemberTotal(int GroupId, int PersonId, string Name, string? Section, int Minutes, int Sessions, int RequiredMinutes, int ExpectedMinutes, Light Light);

internal sealed record GroupTotal(int Id, string Name, StudyGroupKind Kind, int SectionId, string Section, int Members, int RequiredSessions, int RequiredMinutes,
    int GroupSessions, int AllSessions, int Incomplete, int MembersShort, int ProgressPercent, Light Light, int TaskId);

/// <param name="PeopleBehind">People behind (red) in the groups shown, each counted once: the figure
/// that sits above the groups' rows, so it is counted over the same members they are.</param>
internal sealed record Ledger(int PlanId, string Title, int Year, DateOnly AsOf, IReadOnlyList<GroupTotal> Groups, IReadOnlyList<MemberTotal> Members, int PeopleBehind);

/// <summary>
/// The requirement rules (see README, "Study ledger"). On day d of the plan's year the share of the
/// year elapsed is s = day of year ÷ days in the year (0 before the year, 1 after it). A member is
/// done when his or her hours reach the requirement, red when they are below s × required by more
/// than <see cref="MarginPercent"/>% of the requirement, green otherwise. A group is done when every
/// member is done and it has held its required group sessions; red when its hours share or its
/// sessions share is behind s by more than the margin; green otherwise.
/// </summary>
internal static class StudyRules
{
    public const int MarginPercent = 10;

    public static double YearShare(int year, DateOnly day) =>
        day.Year < year ? 0 : day.Year > year ? 1 : (double)day.DayOfYear / (DateTime.IsLeapYear(year) ? 366 : 365);

    public static int Expected(int required, int year, DateOnly day) => (int)Math.Floor(required * YearShare(year, day));

    public static Light Member(int minutes, int required, int year, DateOnly day) =>
        minutes >= required ? Light.Done
        : minutes < Expected(required, year, day) - (required * MarginPercent / 100.0) ? Light.Red
        : Light.Green;

    /// <summary>The group's share done: members' hours (each capped at the requirement) over the
    /// hours required of all, and group sessions held over those required; the smaller counts.</summary>
    public static (double Hours, double Sessions) Shares(int cappedMinutes, int members, int requiredMinutes, int groupSessions, int requiredSessions) =>
        (members == 0 || requiredMinutes == 0 ? 1 : (double)cappedMinutes / (members * (double)requiredMinutes),
         requiredSessions == 0 ? 1 : Math.Min(1, (double)groupSessions / requiredSessions));

    public static Light Group(double hoursShare, double sessionsShare, int membersShort, int year, DateOnly day)
    {
        if (membersShort == 0 && sessionsShare >= 1)
        {
            return Light.Done;
        }

        var behind = YearShare(year, day) - (MarginPercent / 100.0);
        return hoursShare < behind || sessionsShare < behind ? Light.Red : Light.Green;
    }
}

/// <summary>Totals per member and per group, summed in the database (GROUP BY), filtered to what the viewer may see.</summary>
internal sealed class StudyLedger(LuoshiDb db)
{
    public async Task<Ledger?> ForAsync(Viewer viewer, int planId, DateOnly today, CancellationToken ct = default)
    {
        var plan = await db.StudyPlans.AsNoTracking().Where(p => p.Id == planId && p.UnitId == viewer.UnitId).Select(p => new { p.Id, p.Title, p.Year }).FirstOrDefaultAsync(ct);
        return plan is null ? null : await ComputeAsync(viewer, plan.Id, plan.Title, plan.Year, today, ct);
    }

    private async Task<Ledger> ComputeAsync(Viewer viewer, int planId, string title, int year, DateOnly today, CancellationToken ct)
    {
        var unit = viewer.UnitId;
        var groups = await db.StudyGroups.AsNoTracking().Where(g => g.UnitId == unit && g.PlanId == planId).OrderBy(g => g.Kind).ThenBy(g => g.Id)
            .Select(g => new { g.Id, g.Name, g.Kind, g.SectionId, Section = db.Sections.Where(s => s.Id == g.SectionId).Select(s => s.Name).First(), g.RequiredSessions, g.RequiredMinutes, g.TaskId })
            .ToListAsync(ct);
        var groupIds = groups.Select(g => g.Id).ToList();
        var members = await db.StudyMembers.AsNoTracking().Where(m => m.UnitId == unit && groupIds.Contains(m.GroupId))
            .Join(db.People, m => m.PersonId, p => p.Id, (m, p) => new { m.GroupId, p.Id, p.Name, p.SectionId, Section = p.Section!.Name })
            .ToListAsync(ct);
        var hours = (await db.StudyAttendance.Where(a => a.UnitId == unit && groupIds.Contains(a.GroupId))
            .GroupBy(a => new { a.GroupId, a.PersonId })
            .Select(g => new { g.Key.GroupId, g.Key.PersonId, Minutes = g.Sum(a => a.Minutes), Sessions = g.Count() })
            .ToListAsync(ct)).ToDictionary(h => (h.GroupId, h.PersonId));
        var sessions = (await db.StudySessions.Where(s => s.UnitId == unit && groupIds.Contains(s.GroupId))
            .GroupBy(s => s.GroupId)
            .Select(g => new { GroupId = g.Key, All = g.Count(), Group = g.Count(s => s.Form != StudyForm.SelfStudy), Incomplete = g.Count(s => s.Missing != null) })
            .ToListAsync(ct)).ToDictionary(s => s.GroupId);

        var memberTotals = members.Select(m =>
        {
            var g = groups.First(x => x.Id == m.GroupId);
            var h = hours.GetValueOrDefault((m.GroupId, m.Id));
            var minutes = h?.Minutes ?? 0;
            return new MemberTotal(m.GroupId, m.Id, m.Name, m.Section, minutes, h?.Sessions ?? 0, g.RequiredMinutes,
                StudyRules.Expected(g.RequiredMinutes, year, today), StudyRules.Member(minutes, g.RequiredMinutes, year, today));
        }).ToList();

        var groupTotals = groups.Select(g =>
        {
            var mine = memberTotals.Where(m => m.GroupId == g.Id).ToList();
            var s = sessions.GetValueOrDefault(g.Id);
            var shares = StudyRules.Shares(mine.Sum(m => Math.Min(m.Minutes, g.RequiredMinutes)), mine.Count, g.RequiredMinutes, s?.Group ?? 0, g.RequiredSessions);
            var membersShort = mine.Count(m => m.Light != Light.Done);
            return new GroupTotal(g.Id, g.Name, g.Kind, g.SectionId, g.Section, mine.Count, g.RequiredSessions, g.RequiredMinutes, s?.Group ?? 0, s?.All ?? 0, s?.Incomplete ?? 0,
                mine.Count(m => m.Light == Light.Red), (int)Math.Floor(100 * Math.Min(shares.Hours, shares.Sessions)),
                StudyRules.Group(shares.Hours, shares.Sessions, membersShort, year, today), g.TaskId);
        }).ToList();

        var sectionOfViewer = viewer.SectionId;
        var seeAll = StudyAccess.SeesAll(viewer);
        var visibleMembers = memberTotals.Where(m => seeAll || m.PersonId == viewer.PersonId
            || (viewer.Role == Role.SectionHead && members.Any(x => x.Id == m.PersonId && x.SectionId == sectionOfViewer))).ToList();
        var visibleGroups = groupTotals.Where(g => seeAll || StudyAccess.Manages(viewer, g.SectionId) || memberTotals.Any(m => m.GroupId == g.Id && visibleMembers.Contains(m))).ToList();
        var shownGroups = visibleGroups.Select(g => g.Id).ToHashSet();
        var behind = memberTotals.Where(m => m.Light == Light.Red && shownGroups.Contains(m.GroupId)).Select(m => m.PersonId).Distinct().Count();
        return new Ledger(planId, title, year, today, visibleGroups, visibleMembers, behind);
    }
}

/// <summary>Who sees and changes what of the study ledger: the office and the leaders see all; a
/// section head sees his or her section's members and records sessions of the groups the section
/// organises; everyone sees his or her own hours; only the office sets up plans and groups.</summary>
internal static class StudyAccess
{
    public static bool SeesAll(Viewer viewer) => viewer.Role is Role.Admin or Role.Leader;

    public static bool Manages(Viewer viewer, int groupSectionId) =>
        viewer.IsAdmin || (viewer.Role == Role.SectionHead && viewer.SectionId == groupSectionId);
}
