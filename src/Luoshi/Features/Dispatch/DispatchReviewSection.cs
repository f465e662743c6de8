using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Reviews;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Dispatch;

/// <summary>
/// 交办事项 in the review, by unit, not by section: the 督查室's monthly review and 督查通报 say how each
/// 局 and 区 handles what was assigned to it (签收, 退办, lights, overdue, progress). 交办 this unit
/// received from above are its own work and stand on lines of their lead sections (本单位·科室).
/// </summary>
internal sealed class DispatchReviewSection(LuoshiDb db) : IReviewSection
{
    public int Order => 15;

    private static readonly ReviewColumn[] Columns =
    [
        ReviewColumn.Count("交办", "项"), ReviewColumn.Count("其中牵头", "项"), ReviewColumn.Count("待签收", "项"), ReviewColumn.Count("已退办", "项"),
        ReviewColumn.Count("已签收", "项"), ReviewColumn.Count("已办结", "项"), ReviewColumn.Count("红灯", "项"), ReviewColumn.Count("黄灯", "项"),
        ReviewColumn.Count("逾期未办结", "项"), ReviewColumn.Rate("平均进度"),
    ];

    public Task<ReviewClaim?> ClaimAsync(int unitId, IReadOnlyList<WorkKind> kinds, IReadOnlyList<int> plans, CancellationToken ct) =>
        Task.FromResult(kinds.Contains(WorkKind.Dispatch) ? new ReviewClaim(WorkKind.Dispatch, null) : null);

    public async Task<ReviewPart> LoadAsync(ReviewScope scope, IQueryable<WorkTask> items, CancellationToken ct)
    {
        var (unit, asOf) = (scope.Viewer.UnitId, scope.AsOf);
        var facts = await UnitRollUp.FactsAsync(db, unit, items, ct);
        var assigned = facts.Select(f => f.SourceTaskId).ToHashSet();
        // What this unit received and signed: its own tasks, on its sections' lines.
        var received = (await items.AsNoTracking()
                .Select(t => new { t.Id, t.Title, t.LeadSectionId, t.DueDate, t.Light, t.ProgressPercent, t.CompletedOn }).ToListAsync(ct))
            .Where(t => !assigned.Contains(t.Id))
            .Select(t => (t.LeadSectionId, Fact: new PartyFact(t.Id, t.Title, unit, true, DispatchState.Signed, t.DueDate, t.Light, t.ProgressPercent, t.CompletedOn)))
            .ToList();

        var tree = await UnitTree.LoadAsync(db, ct);
        var order = tree.Descendants(unit).Select((d, i) => (d.Unit.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var lines = UnitRollUp.Lines(facts, asOf, tree.NameOf, id => order.GetValueOrDefault(id, int.MaxValue))
            .Select(l => new ReviewLine(l.UnitName, Values(l))).ToList();
        lines.AddRange(received.GroupBy(r => r.LeadSectionId).OrderBy(g => scope.Sections.GetValueOrDefault(g.Key).SortOrder)
            .Select(g => new ReviewLine($"本单位·{scope.Section(g.Key)}", Values(UnitRollUp.Line(unit, "", [.. g.Select(r => r.Fact)], asOf)))));
        var all = facts.Concat(received.Select(r => r.Fact)).ToList();
        var total = new ReviewLine("合计", Values(UnitRollUp.Line(unit, "", all, asOf)));
        string N(int i) => Columns[i].Show(total.Values[i]);
        return new ReviewPart("交办事项落实情况", "承办单位", Columns, lines, total,
            $"交办事项{N(0)}项（含本单位承办上级交办），已签收{N(4)}项、待签收{N(2)}项、退办{N(3)}项，已办结{N(5)}项；" +
            $"截至{Bulletin.Chinese(asOf)}红灯{N(6)}项、逾期未办结{N(8)}项{(total.Values[9] is null ? "" : $"，平均进度{N(9)}")}。")
        {
            Attention = [.. facts.Where(f => f.Overdue(asOf) || (!f.Done && f.Light == Lights.Light.Red)).OrderBy(f => f.DueDate)
                .Select(f => new ReviewItem(f.Title, tree.NameOf(f.UnitId), f.Overdue(asOf) ? $"时限{Bulletin.Chinese(f.DueDate)}，逾期未办结" : "红灯"))
                .Concat(received.Where(r => r.Fact.Overdue(asOf)).Select(r => new ReviewItem(r.Fact.Title, scope.Section(r.LeadSectionId), $"时限{Bulletin.Chinese(r.Fact.DueDate)}，逾期未办结")))],
        };
    }

    private static IReadOnlyList<double?> Values(UnitLine l) =>
        [l.Assigned, l.Lead, l.Waiting, l.Returned, l.Signed, l.Done, l.Red, l.Yellow, l.Overdue, l.AverageProgress / 100.0];
}
