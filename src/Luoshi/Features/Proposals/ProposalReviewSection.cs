using Luoshi.Data;
using Luoshi.Features.Appeals;
using Luoshi.Features.Reviews;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Proposals;

/// <summary>
/// 建议提案办理 in the review: per 主办 section, what was assigned and first answered in the period, how much
/// of it by the statutory reply date (extension included, as the yearly ledger counts it), what is past that
/// date unanswered on the review date, the proposers' satisfaction recorded by then (the last one of each
/// proposal), and the A/B/C result of the replies made by then.
/// </summary>
internal sealed class ProposalReviewSection(LuoshiDb db) : IReviewSection
{
    public int Order => 22;

    private static readonly ReviewColumn[] Columns =
    [
        ReviewColumn.Count("本期交办", "件"), ReviewColumn.Count("本期答复", "件"), ReviewColumn.Count("其中按期答复", "件"), ReviewColumn.Rate("按期答复率"),
        ReviewColumn.Count("超期未答复", "件"), ReviewColumn.Count("A类", "件"), ReviewColumn.Count("已反馈", "件"), ReviewColumn.Rate("满意率"),
    ];

    public Task<ReviewClaim?> ClaimAsync(int unitId, IReadOnlyList<WorkKind> kinds, IReadOnlyList<int> plans, CancellationToken ct) =>
        Task.FromResult(kinds.Contains(WorkKind.Proposal) ? new ReviewClaim(WorkKind.Proposal, null) : null);

    public async Task<ReviewPart> LoadAsync(ReviewScope scope, IQueryable<WorkTask> items, CancellationToken ct)
    {
        var asOf = scope.AsOf;
        var unit = scope.Viewer.UnitId;
        var found = await (
                from p in db.Proposals
                join t in items on p.TaskId equals t.Id
                where p.UnitId == unit && p.AssignedOn <= asOf
                orderby p.Type, p.Number
                select new { p.TaskId, p.Number, t.Title, t.LeadSectionId, p.AssignedOn, p.ReplyDue, p.FirstRepliedOn })
            .AsNoTracking().ToListAsync(ct);
        var ids = found.Select(p => p.TaskId).ToList();
        var replies = (await db.ProposalReplies.AsNoTracking().Where(r => r.UnitId == unit && ids.Contains(r.TaskId) && r.RepliedOn <= asOf)
                .Select(r => new { r.TaskId, r.Round, r.ResultClass, r.Satisfaction, r.SatisfactionOn }).ToListAsync(ct))
            .ToLookup(r => r.TaskId);
        var facts = found
            .Select(p =>
            {
                var mine = replies[p.TaskId].OrderBy(r => r.Round).ToList();
                return new Fact($"{p.Number} {p.Title}", p.LeadSectionId, p.AssignedOn, p.ReplyDue, p.FirstRepliedOn <= asOf ? p.FirstRepliedOn : null,
                    mine.LastOrDefault()?.ResultClass, mine.LastOrDefault(r => r.Satisfaction is not null && r.SatisfactionOn <= asOf)?.Satisfaction);
            })
            .Where(p => scope.InPeriod(p.AssignedOn) || scope.InPeriod(p.RepliedOn) || p.RepliedOn is null)
            .ToList();

        IReadOnlyList<double?> Values(IReadOnlyList<Fact> list)
        {
            var answered = list.Count(p => scope.InPeriod(p.RepliedOn));
            var onTime = list.Count(p => scope.InPeriod(p.RepliedOn) && p.RepliedOn <= p.ReplyDue);
            var feedback = list.Count(p => p.Satisfaction is not null);
            return [list.Count(p => scope.InPeriod(p.AssignedOn)), answered, onTime, ReviewPart.Share(onTime, answered), list.Count(p => Overdue(p, asOf)),
                list.Count(p => p.ResultClass == "A"), feedback, ReviewPart.Share(list.Count(p => p.Satisfaction is Satisfaction.Satisfied or Satisfaction.Basically), feedback)];
        }

        var (lines, total) = scope.BySection(facts, p => p.Section, Values);
        string N(int i) => Columns[i].Show(total.Values[i]);
        return new ReviewPart("建议提案办理情况", "主办科室", Columns, lines, total,
            $"本期交办建议提案{N(0)}件，答复{N(1)}件，其中按期答复{N(2)}件{(total.Values[3] is null ? "" : $"，按期答复率{N(3)}")}；" +
            $"截至{Bulletin.Chinese(asOf)}超期未答复{N(4)}件{(total.Values[7] is null ? "" : $"；代表委员反馈{N(6)}件，满意率{N(7)}")}。")
        {
            Attention = [.. facts.Where(p => Overdue(p, asOf)).Select(p => new ReviewItem(p.Title, scope.Section(p.Section),
                $"答复期限{Bulletin.Chinese(p.ReplyDue)}，超期未答复"))],
        };
    }

    private static bool Overdue(Fact p, DateOnly asOf) => p.RepliedOn is null && p.ReplyDue < asOf;

    private sealed record Fact(string Title, int Section, DateOnly AssignedOn, DateOnly ReplyDue, DateOnly? RepliedOn, string? ResultClass, string? Satisfaction);
}
