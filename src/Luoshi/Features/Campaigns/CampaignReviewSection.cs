using Luoshi.Data;
using Luoshi.Features.Reviews;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Campaigns;

/// <summary>
/// 专项活动 in the review: a campaign's working plan holds ordinary tasks, each tied to a phase, so
/// the section has a line per phase (学习教育, 检视整改 …) with its tasks done by the review date and
/// in the period, the rate, and those past their deadline and open, as the 转段报告 counts them.
/// </summary>
internal sealed class CampaignReviewSection(LuoshiDb db) : IReviewSection
{
    public int Order => 60;

    private static readonly ReviewColumn[] Columns =
    [
        ReviewColumn.Count("任务", "项"), ReviewColumn.Count("已完成", "项"), ReviewColumn.Count("本期完成", "项"), ReviewColumn.Rate("完成率"), ReviewColumn.Count("逾期未完成", "项"),
    ];

    public async Task<ReviewClaim?> ClaimAsync(int unitId, IReadOnlyList<WorkKind> kinds, IReadOnlyList<int> plans, CancellationToken ct)
    {
        if (!kinds.Contains(WorkKind.Task))
        {
            return null;
        }

        var ids = plans.ToList();
        var mine = await db.Campaigns.Where(c => c.UnitId == unitId && ids.Contains(c.WorkPlanId)).Select(c => c.WorkPlanId).ToListAsync(ct);
        return mine.Count == 0 ? null : new ReviewClaim(WorkKind.Task, mine);
    }

    public async Task<ReviewPart> LoadAsync(ReviewScope scope, IQueryable<WorkTask> items, CancellationToken ct)
    {
        var asOf = scope.AsOf;
        var tasks = (await (
                from t in items
                join pt in db.PhaseTasks on t.Id equals pt.TaskId into tied
                from pt in tied.DefaultIfEmpty()
                join p in db.CampaignPhases on pt.PhaseId equals p.Id into phases
                from p in phases.DefaultIfEmpty()
                orderby t.DueDate, t.Id
                select new
                {
                    t.Title, t.LeadSectionId, t.DueBy, t.CompletedOn,
                    Campaign = p == null ? null : db.Campaigns.Where(c => c.Id == p.CampaignId).Select(c => c.Title).FirstOrDefault(),
                    Phase = p == null ? null : p.Name, Order = p == null ? int.MaxValue : p.SortOrder, Start = p == null ? (DateOnly?)null : p.Start,
                }).AsNoTracking().ToListAsync(ct))
            .Select(t => new Fact(t.Title, t.LeadSectionId, t.DueBy, t.CompletedOn <= asOf ? t.CompletedOn : null,
                t.Phase is null ? "未分阶段" : $"{t.Campaign}·{t.Phase}", t.Start, t.Order)).ToList();

        IReadOnlyList<double?> Values(IReadOnlyList<Fact> list)
        {
            var done = list.Count(t => t.Done is not null);
            return [list.Count, done, list.Count(t => scope.InPeriod(t.Done)), ReviewPart.Share(done, list.Count), list.Count(t => Overdue(t, asOf))];
        }

        var lines = tasks.GroupBy(t => t.Phase).OrderBy(g => g.Min(t => t.Start ?? DateOnly.MaxValue)).ThenBy(g => g.Min(t => t.Order))
            .Select(g => new ReviewLine(g.Key, Values([.. g]))).ToList();
        var total = new ReviewLine("合计", Values(tasks));
        string N(int i) => Columns[i].Show(total.Values[i]);
        return new ReviewPart("专项活动情况", "活动阶段", Columns, lines, total,
            $"列入盘点的专项活动任务{N(0)}项，已完成{N(1)}项（本期{N(2)}项），完成率{N(3)}；逾期未完成{N(4)}项。")
        {
            Attention = [.. tasks.Where(t => Overdue(t, asOf)).Select(t => new ReviewItem(t.Title, scope.Section(t.Section), $"{t.Phase}，时限{Bulletin.Chinese(t.Due)}，逾期未完成"))],
        };
    }

    private static bool Overdue(Fact t, DateOnly asOf) => t.Done is null && t.Due < asOf;

    private sealed record Fact(string Title, int Section, DateOnly Due, DateOnly? Done, string Phase, DateOnly? Start, int Order);
}
