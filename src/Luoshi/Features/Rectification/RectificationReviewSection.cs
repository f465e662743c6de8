using Luoshi.Data;
using Luoshi.Features.Reviews;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Rectification;

/// <summary>
/// 问题整改 in the review: per lead section, the problems its measures answer, the measures done
/// (销号) by the review date and in the period, the rate, and those past their deadline and still
/// open; a problem counts as closed when every one of its counted measures is done by then, as on
/// the lists (<see cref="ProblemRow.Closed"/>).
/// </summary>
internal sealed class RectificationReviewSection(LuoshiDb db) : IReviewSection
{
    public int Order => 40;

    private static readonly ReviewColumn[] Columns =
    [
        ReviewColumn.Count("问题", "个"), ReviewColumn.Count("已销号问题", "个"), ReviewColumn.Count("整改措施", "项"), ReviewColumn.Count("已完成", "项"),
        ReviewColumn.Count("本期完成", "项"), ReviewColumn.Rate("整改完成率"), ReviewColumn.Count("逾期未完成", "项"),
    ];

    public Task<ReviewClaim?> ClaimAsync(int unitId, IReadOnlyList<WorkKind> kinds, IReadOnlyList<int> plans, CancellationToken ct) =>
        Task.FromResult(kinds.Contains(WorkKind.Rectification) ? new ReviewClaim(WorkKind.Rectification, null) : null);

    public async Task<ReviewPart> LoadAsync(ReviewScope scope, IQueryable<WorkTask> items, CancellationToken ct)
    {
        var asOf = scope.AsOf;
        var measures = (await (
                from m in db.RectificationMeasures
                join t in items on m.TaskId equals t.Id
                where m.UnitId == scope.Viewer.UnitId
                orderby t.DueDate, t.Id
                select new { t.Title, t.LeadSectionId, t.DueDate, t.CompletedOn, m.ProblemId }).AsNoTracking().ToListAsync(ct))
            .Select(m => new Fact(m.Title, m.LeadSectionId, m.DueDate, m.CompletedOn <= asOf ? m.CompletedOn : null, m.ProblemId)).ToList();

        IReadOnlyList<double?> Values(IReadOnlyList<Fact> list)
        {
            var done = list.Count(m => m.Done is not null);
            var problems = list.GroupBy(m => m.Problem).ToList();
            return [problems.Count, problems.Count(p => p.All(m => m.Done is not null)), list.Count, done, list.Count(m => scope.InPeriod(m.Done)),
                ReviewPart.Share(done, list.Count), list.Count(m => Overdue(m, asOf))];
        }

        var (lines, total) = scope.BySection(measures, m => m.Section, Values);
        string N(int i) => Columns[i].Show(total.Values[i]);
        return new ReviewPart("问题整改情况", "牵头科室", Columns, lines, total,
            $"列入盘点的问题{N(0)}个、整改措施{N(2)}项，已完成措施{N(3)}项（本期{N(4)}项），整改完成率{N(5)}，已销号问题{N(1)}个；逾期未完成措施{N(6)}项。")
        {
            Attention = [.. measures.Where(m => Overdue(m, asOf)).Select(m => new ReviewItem(m.Title, scope.Section(m.Section), $"整改时限{Bulletin.Chinese(m.Due)}，逾期未完成"))],
        };
    }

    private static bool Overdue(Fact m, DateOnly asOf) => m.Done is null && m.Due < asOf;

    private sealed record Fact(string Title, int Section, DateOnly Due, DateOnly? Done, int Problem);
}
