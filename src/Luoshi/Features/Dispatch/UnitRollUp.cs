using Luoshi.Data;
using Luoshi.Features.Lights;
using Luoshi.Features.Organisation;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Dispatch;

/// <summary>One receiving unit's part of one 交办, as the assigner may see it: the party's state and,
/// once signed, its received task's light, progress and dates.</summary>
internal sealed record PartyFact(int SourceTaskId, string Title, int UnitId, bool IsLead, DispatchState State, DateOnly DueDate, Light? Light, int Progress, DateOnly? CompletedOn)
{
    public bool Done => CompletedOn is not null || Light == Lights.Light.Done;

    public bool Overdue(DateOnly today) => !Done && State != DispatchState.Reassigned && DueDate < today;
}

/// <summary>One unit's line: how the 交办 it received from this unit stand.</summary>
internal sealed record UnitLine(int UnitId, string UnitName, int Assigned, int Lead, int Waiting, int Returned, int Signed, int Done, int Red, int Yellow, int Green, int Overdue, int? AverageProgress);

/// <summary>
/// The assigner's view by unit, not by section (市政府督查室 → 各局、各区): for every unit that received
/// 交办 from the viewer's unit, how many, in which state, with which lights. Reads the parties of the
/// units below (one narrow query across units: <see cref="Dispatches.Parties"/>) and, for signed ones,
/// only the received task's light, progress and dates. A party's due date is the 交办's; the received
/// task's own date when signed (the unit may have split it with earlier dates, never later).
/// </summary>
internal static class UnitRollUp
{
    public static async Task<List<PartyFact>> FactsAsync(LuoshiDb db, int assignerUnitId, IQueryable<WorkTask> assignerTasks, CancellationToken ct)
    {
        var tasks = db.Tasks.IgnoreQueryFilters([UnitKeys.FilterName]);
        return await (
                from p in Dispatches.PartiesOf(db, assignerUnitId)
                where p.State != DispatchState.Reassigned
                join s in assignerTasks on p.SourceTaskId equals s.Id
                join r in tasks on new { p.UnitId, Id = p.ReceivedTaskId ?? 0 } equals new { r.UnitId, r.Id } into received
                from r in received.DefaultIfEmpty()
                select new PartyFact(p.SourceTaskId, s.Title, p.UnitId, p.IsLead, p.State,
                    r == null ? s.DueDate : r.DueDate, r == null ? null : r.Light, r == null ? 0 : r.ProgressPercent, r == null ? s.CompletedOn : r.CompletedOn))
            .AsNoTracking().ToListAsync(ct);
    }

    /// <summary>The viewer's lines for the units below its unit, in the tree's order; none when it has no unit below.
    /// Only the 交办 the viewer may read count (an office reads them all).</summary>
    public static async Task<List<UnitLine>> ForViewerAsync(LuoshiDb db, Viewer viewer, UnitTree tree, DateOnly today, CancellationToken ct)
    {
        var below = tree.Descendants(viewer.UnitId);
        if (below.Count == 0)
        {
            return [];
        }

        var order = below.Select((b, i) => (b.Unit.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var facts = await FactsAsync(db, viewer.UnitId, db.Tasks.VisibleTo(viewer).Where(t => t.Kind == WorkKind.Dispatch), ct);
        return Lines(facts, today, tree.NameOf, id => order.GetValueOrDefault(id, int.MaxValue));
    }

    /// <summary>One line per receiving unit, in the tree's order (<paramref name="order"/>), units without 交办 left out.</summary>
    public static List<UnitLine> Lines(IEnumerable<PartyFact> facts, DateOnly today, Func<int, string> name, Func<int, int> order) =>
        [.. facts.GroupBy(f => f.UnitId).OrderBy(g => order(g.Key)).Select(g => Line(g.Key, name(g.Key), [.. g], today))];

    public static UnitLine Line(int unitId, string unitName, IReadOnlyList<PartyFact> facts, DateOnly today)
    {
        var signed = facts.Where(f => f.State == DispatchState.Signed).ToList();
        return new(unitId, unitName, facts.Count, facts.Count(f => f.IsLead),
            facts.Count(f => f.State == DispatchState.Waiting), facts.Count(f => f.State == DispatchState.Returned), signed.Count,
            signed.Count(f => f.Done), signed.Count(f => !f.Done && f.Light == Light.Red), signed.Count(f => !f.Done && f.Light == Light.Yellow), signed.Count(f => !f.Done && f.Light == Light.Green),
            facts.Count(f => f.Overdue(today)), signed.Count == 0 ? null : (int)Math.Round(signed.Average(f => f.Done ? 100 : f.Progress)));
    }
}
