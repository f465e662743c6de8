using Luoshi.Data;
using Luoshi.Features.Reviews;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Appeals;

/// <summary>
/// 诉求办理 in the review: per lead section, what came in and was answered in the period, how much of
/// it by the first deadline (the same "on time" as <see cref="AppealStatistics"/>), what is overdue
/// and unanswered on the review date, and the satisfaction of the follow-up calls made by then.
/// </summary>
internal sealed class AppealReviewSection(LuoshiDb db) : IReviewSection
{
    public int Order => 20;

    private static readonly ReviewColumn[] Columns =
    [
        ReviewColumn.Count("本期受理", "件"), ReviewColumn.Count("本期答复", "件"), ReviewColumn.Count("其中按时答复", "件"), ReviewColumn.Rate("按时答复率"),
        ReviewColumn.Count("超期未答复", "件"), ReviewColumn.Count("已回访", "件"), ReviewColumn.Rate("回访满意率"),
    ];

    public Task<ReviewClaim?> ClaimAsync(int unitId, IReadOnlyList<WorkKind> kinds, IReadOnlyList<int> plans, CancellationToken ct) =>
        Task.FromResult(kinds.Contains(WorkKind.Appeal) ? new ReviewClaim(WorkKind.Appeal, null) : null);

    public async Task<ReviewPart> LoadAsync(ReviewScope scope, IQueryable<WorkTask> items, CancellationToken ct)
    {
        var asOf = scope.AsOf;
        var appeals = (await (
                from a in db.Appeals
                join t in items on a.TaskId equals t.Id
                where a.UnitId == scope.Viewer.UnitId && a.ReceivedOn <= asOf
                orderby a.ReceivedOn, a.TaskId
                select new
                {
                    t.Title, t.LeadSectionId, a.ReceivedOn, a.FirstDueDate, a.FirstRepliedOn,
                    Last = db.AppealFollowUps.Where(f => f.TaskId == a.TaskId && f.On <= asOf).OrderByDescending(f => f.Id).Select(f => f.Satisfaction).FirstOrDefault(),
                }).AsNoTracking().ToListAsync(ct))
            .Select(a => new Fact(a.Title, a.LeadSectionId, a.ReceivedOn, a.FirstDueDate, a.FirstRepliedOn <= asOf ? a.FirstRepliedOn : null, a.Last))
            .Where(a => scope.InPeriod(a.ReceivedOn) || scope.InPeriod(a.RepliedOn) || a.RepliedOn is null)
            .ToList();

        IReadOnlyList<double?> Values(IReadOnlyList<Fact> list)
        {
            var answered = list.Count(a => scope.InPeriod(a.RepliedOn));
            var onTime = list.Count(a => scope.InPeriod(a.RepliedOn) && a.RepliedOn <= a.DueDate);
            var followed = list.Count(a => a.Last is not null);
            return [list.Count(a => scope.InPeriod(a.ReceivedOn)), answered, onTime, ReviewPart.Share(onTime, answered),
                list.Count(a => Overdue(a, asOf)), followed, ReviewPart.Share(list.Count(a => a.Last is Satisfaction.Satisfied or Satisfaction.Basically), followed)];
        }

        var (lines, total) = scope.BySection(appeals, a => a.Section, Values);
        string N(int i) => Columns[i].Show(total.Values[i]);
        return new ReviewPart("诉求办理情况", "承办科室", Columns, lines, total,
            $"本期受理诉求{N(0)}件，答复{N(1)}件，其中按时答复{N(2)}件{(total.Values[3] is null ? "" : $"，按时答复率{N(3)}")}；" +
            $"截至{Bulletin.Chinese(asOf)}超期未答复{N(4)}件{(total.Values[6] is null ? "" : $"；已回访{N(5)}件，满意率{N(6)}")}。")
        {
            Attention = [.. appeals.Where(a => Overdue(a, asOf)).Select(a => new ReviewItem(a.Title, scope.Section(a.Section),
                $"{Bulletin.Chinese(a.ReceivedOn)}受理，答复时限{Bulletin.Chinese(a.DueDate)}，超期未答复"))],
        };
    }

    private static bool Overdue(Fact a, DateOnly asOf) => a.RepliedOn is null && a.DueDate < asOf;

    private sealed record Fact(string Title, int Section, DateOnly ReceivedOn, DateOnly DueDate, DateOnly? RepliedOn, string? Last);
}
