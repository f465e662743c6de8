using Luoshi.Data;
using Luoshi.Features.Reviews;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Projects;

/// <summary>
/// 重点项目 in the review: per lead section, where the projects stood on the review date (the last
/// stage reached by then), how many moved on in the period, and the planned investment against that
/// of the projects whose funds are in place (资金到位 or later), so 投资到位率 is read off the pipeline.
/// </summary>
internal sealed class ProjectReviewSection(LuoshiDb db) : IReviewSection
{
    /// <summary>资金到位: from this stage on, a project's investment counts as in place.</summary>
    private const int FundsStage = 2;

    public int Order => 30;

    private static readonly ReviewColumn[] Columns =
    [
        ReviewColumn.Count("项目", "个"), .. ProjectStages.Names.Select(n => ReviewColumn.Count(n, "个")), ReviewColumn.Count("本期推进", "个"),
        ReviewColumn.Count("逾期未竣工", "个"), ReviewColumn.Amount("计划投资", "万元"), ReviewColumn.Amount("资金到位", "万元"), ReviewColumn.Rate("投资到位率"),
    ];

    public Task<ReviewClaim?> ClaimAsync(int unitId, IReadOnlyList<WorkKind> kinds, IReadOnlyList<int> plans, CancellationToken ct) =>
        Task.FromResult(kinds.Contains(WorkKind.Project) ? new ReviewClaim(WorkKind.Project, null) : null);

    public async Task<ReviewPart> LoadAsync(ReviewScope scope, IQueryable<WorkTask> items, CancellationToken ct)
    {
        var (asOf, start) = (scope.AsOf, scope.Period.Start);
        // Amounts are decimals, summed here rather than in SQLite; stages are one small row each.
        var projects = await (
            from p in db.ProjectDetails
            join t in items on p.TaskId equals t.Id
            where p.UnitId == scope.Viewer.UnitId
            orderby t.DueDate, t.Id
            select new
            {
                t.Title, t.LeadSectionId, t.DueDate, p.Amount,
                Stage = db.ProjectStages.Where(s => s.TaskId == p.TaskId && s.ReachedOn <= asOf).Max(s => (int?)s.StageIndex),
                Moved = db.ProjectStages.Any(s => s.TaskId == p.TaskId && s.ReachedOn >= start && s.ReachedOn <= asOf),
            }).AsNoTracking().ToListAsync(ct);
        var last = ProjectStages.Names.Count - 1;
        var facts = projects.Select(p => new Fact(p.Title, p.LeadSectionId, p.DueDate, (double)p.Amount, p.Stage ?? -1, p.Moved)).ToList();

        IReadOnlyList<double?> Values(IReadOnlyList<Fact> list)
        {
            var planned = list.Sum(p => p.Amount);
            var inPlace = list.Where(p => p.Stage >= FundsStage).Sum(p => p.Amount);
            return [list.Count, .. ProjectStages.Names.Select((_, k) => (double?)list.Count(p => p.Stage == k)), list.Count(p => p.Moved),
                list.Count(p => Overdue(p, asOf, last)), planned, inPlace, planned == 0 ? null : inPlace / planned];
        }

        var (lines, total) = scope.BySection(facts, p => p.Section, Values);
        string N(int i) => Columns[i].Show(total.Values[i]);
        var k = ProjectStages.Names.Count;
        return new ReviewPart("重点项目推进情况", "牵头科室", Columns, lines, total,
            $"列入盘点的重点项目{N(0)}个，" + string.Join("、", ProjectStages.Names.Select((n, i) => $"{n}{N(i + 1)}个")) +
            $"；本期推进{N(k + 1)}个，逾期未竣工{N(k + 2)}个；计划投资{N(k + 3)}万元，资金到位{N(k + 4)}万元{(total.Values[k + 5] is null ? "" : $"，投资到位率{N(k + 5)}")}。")
        {
            Attention = [.. facts.Where(p => Overdue(p, asOf, last)).Select(p => new ReviewItem(p.Title, scope.Section(p.Section),
                $"计划{Bulletin.Chinese(p.Due)}投产/竣工，现处于{(p.Stage < 0 ? "未登记阶段" : ProjectStages.Names[p.Stage])}阶段"))],
        };
    }

    private static bool Overdue(Fact p, DateOnly asOf, int last) => p.Stage < last && p.Due < asOf;

    private sealed record Fact(string Title, int Section, DateOnly Due, double Amount, int Stage, bool Moved);
}
