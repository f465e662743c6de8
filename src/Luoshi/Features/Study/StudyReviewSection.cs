using Luoshi.Data;
using Luoshi.Features.Lights;
using Luoshi.Features.Reviews;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Study;

/// <summary>
/// 理论学习 in the review: the items of a study plan's working plan are its groups' requirements,
/// so the section has a line per group whose item is counted: group sessions held by the review date
/// against those required, sessions in the period, members' hours against the requirement and those
/// behind by the ledger's own rule (<see cref="StudyRules"/>), and sessions recorded without all of
/// the 四落实.
/// </summary>
internal sealed class StudyReviewSection(LuoshiDb db) : IReviewSection
{
    public int Order => 50;

    private static readonly ReviewColumn[] Columns =
    [
        ReviewColumn.Count("成员", "人"), ReviewColumn.Count("要求集体学习", "次"), ReviewColumn.Count("已集体学习", "次"), ReviewColumn.Count("本期学习", "次"),
        ReviewColumn.Amount("人均学时", "小时"), ReviewColumn.Amount("要求学时", "小时"), ReviewColumn.Count("学时达标", "人"), ReviewColumn.Count("学时落后", "人"),
        ReviewColumn.Count("四落实不全", "次"),
    ];

    public async Task<ReviewClaim?> ClaimAsync(int unitId, IReadOnlyList<WorkKind> kinds, IReadOnlyList<int> plans, CancellationToken ct)
    {
        if (!kinds.Contains(WorkKind.Task))
        {
            return null;
        }

        var ids = plans.ToList();
        var mine = await db.StudyPlans.Where(p => p.UnitId == unitId && ids.Contains(p.WorkPlanId)).Select(p => p.WorkPlanId).ToListAsync(ct);
        return mine.Count == 0 ? null : new ReviewClaim(WorkKind.Task, mine);
    }

    public async Task<ReviewPart> LoadAsync(ReviewScope scope, IQueryable<WorkTask> items, CancellationToken ct)
    {
        var (unit, asOf) = (scope.Viewer.UnitId, scope.AsOf);
        var groups = await (
            from g in db.StudyGroups
            join t in items on g.TaskId equals t.Id
            join p in db.StudyPlans on g.PlanId equals p.Id
            where g.UnitId == unit
            orderby g.Kind, g.Id
            select new { g.Id, g.Name, g.SectionId, p.Year, g.RequiredSessions, g.RequiredMinutes }).AsNoTracking().ToListAsync(ct);
        var ids = groups.Select(g => g.Id).ToList();
        var members = await db.StudyMembers.Where(m => m.UnitId == unit && ids.Contains(m.GroupId)).Select(m => new { m.GroupId, m.PersonId }).ToListAsync(ct);
        var minutes = (await db.StudyAttendance.Where(a => a.UnitId == unit && ids.Contains(a.GroupId) && a.Date <= asOf)
            .GroupBy(a => new { a.GroupId, a.PersonId }).Select(g => new { g.Key.GroupId, g.Key.PersonId, Minutes = g.Sum(a => a.Minutes) }).ToListAsync(ct))
            .ToDictionary(m => (m.GroupId, m.PersonId), m => m.Minutes);
        var start = scope.Period.Start;
        var sessions = (await db.StudySessions.Where(s => s.UnitId == unit && ids.Contains(s.GroupId) && s.Date <= asOf).GroupBy(s => s.GroupId)
            .Select(g => new
            {
                GroupId = g.Key, Together = g.Count(s => s.Form != StudyForm.SelfStudy), InPeriod = g.Count(s => s.Date >= start), Incomplete = g.Count(s => s.Missing != null),
            }).ToListAsync(ct)).ToDictionary(s => s.GroupId);

        var facts = groups.Select(g =>
        {
            var hours = members.Where(m => m.GroupId == g.Id).Select(m => minutes.GetValueOrDefault((g.Id, m.PersonId))).ToList();
            var s = sessions.GetValueOrDefault(g.Id);
            return new Fact(g.Name, g.SectionId, g.Year, hours.Count, g.RequiredSessions, s?.Together ?? 0, s?.InPeriod ?? 0, hours.Sum(), g.RequiredMinutes,
                hours.Count(h => h >= g.RequiredMinutes), hours.Count(h => StudyRules.Member(h, g.RequiredMinutes, g.Year, asOf) == Light.Red), s?.Incomplete ?? 0);
        }).ToList();

        static IReadOnlyList<double?> Values(IReadOnlyList<Fact> list)
        {
            var people = list.Sum(f => f.Members);
            return [people, list.Sum(f => f.RequiredSessions), list.Sum(f => f.Together), list.Sum(f => f.InPeriod),
                people == 0 ? null : list.Sum(f => f.Minutes) / 60.0 / people,
                list.Count == 1 ? list[0].RequiredMinutes / 60.0 : null,
                list.Sum(f => f.Reached), list.Sum(f => f.Behind), list.Sum(f => f.Incomplete)];
        }

        var lines = facts.Select(f => new ReviewLine(f.Name, Values([f]))).ToList();
        var total = new ReviewLine("合计", Values(facts));
        string N(int i) => Columns[i].Show(total.Values[i]);
        return new ReviewPart("理论学习情况", "学习小组", Columns, lines, total,
            $"列入盘点的学习小组{facts.Count}个、成员{N(0)}人次，已开展集体学习{N(2)}次（要求{N(1)}次），本期学习{N(3)}次；学时达标{N(6)}人次，学时落后{N(7)}人次；四落实记录不全的学习{N(8)}次。")
        {
            Attention = [.. facts.Where(f => f.Behind > 0 || SessionsBehind(f, asOf))
                .Select(f => new ReviewItem(f.Name, scope.Section(f.Section), $"已集体学习{f.Together}次（全年要求{f.RequiredSessions}次），学时落后{f.Behind}人"))],
        };
    }

    /// <summary>Group sessions behind the share of the year gone by more than the ledger's margin, as a group's light is judged.</summary>
    private static bool SessionsBehind(Fact f, DateOnly asOf) =>
        f.RequiredSessions > 0 && (double)f.Together / f.RequiredSessions < StudyRules.YearShare(f.Year, asOf) - (StudyRules.MarginPercent / 100.0);

    private sealed record Fact(string Name, int Section, int Year, int Members, int RequiredSessions, int Together, int InPeriod, int Minutes, int RequiredMinutes, int Reached, int Behind, int Incomplete);
}
