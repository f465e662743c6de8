using Luoshi.Data;
using Luoshi.Features.Lights;
using Luoshi.Features.Organisation;
using Luoshi.Features.Plans;
using Luoshi.Features.Shared;
using Luoshi.Features.Supervision;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Dispatch;

internal sealed record DispatchReport(DateTime SubmittedAt, DateOnly PeriodEnd, int? Percent, string Progress);

internal sealed record DispatchSheet(string? Number, string Step, string State, DateOnly RaisedOn);

internal sealed record DispatchPart(int TaskId, string Title, Light Light, string LightName, int ProgressPercent, DateOnly DueDate);

/// <summary>What the assigner sees of a unit's received task: its light and progress (which already
/// include its parts), its parts, latest reports and 督办单. Nothing else of that unit.</summary>
internal sealed record DispatchReceived(
    int TaskId, string Title, Light Light, string LightName, int ProgressPercent, DateOnly DueDate, DateOnly? CompletedOn,
    IReadOnlyList<DispatchPart> Parts, IReadOnlyList<DispatchReport> Reports, IReadOnlyList<DispatchSheet> Sheets);

internal sealed record DispatchPartyView(
    int Id, int ReceiverUnitId, string UnitName, bool IsLead, string? Part, DispatchState State, string StateName, DateOnly AssignedOn, DateOnly ReturnBy,
    DateTime? SignedAt, string? ReturnReason, DateTime? ReturnedAt, string? ConfirmNote, DispatchReceived? Received);

internal sealed record DispatchDetail(
    int Id, string Title, string? Description, DateOnly DueDate, decimal? TargetValue, string? TargetUnit, string Cadence, string FollowUpSection,
    Light Light, string LightName, int ProgressPercent, bool MayDecide, IReadOnlyList<DispatchPartyView> Parties);

/// <summary>A 交办 as the receiving office sees it: the assigner's request and its own part, never
/// another unit's part.</summary>
internal sealed record ReceivedDispatch(
    int PartyId, string FromUnit, string Title, string? Description, DateOnly DueDate, decimal? TargetValue, string? TargetUnit, string Cadence,
    bool IsLead, string? LeadUnit, string? Part, DispatchState State, string StateName, DateOnly ReturnBy, string? ReturnRefusal, string? ReturnReason,
    string? ConfirmNote, int? ReceivedTaskId, int? ReceivedPlanId);

internal sealed record DispatchRow(int Id, string Title, DateOnly DueDate, Light Light, string LightName, int ProgressPercent, string LeadUnit, string States);

internal sealed record ReceivedRow(int PartyId, string FromUnit, string Title, DateOnly DueDate, bool IsLead, DispatchState State, string StateName, DateOnly ReturnBy, int? ReceivedTaskId);

/// <summary>The reads of 交办 for pages and API. Each read across units names the rows it may see.</summary>
internal sealed class DispatchViews(LuoshiDb db, Dispatches dispatches, BureauClock clock)
{
    /// <summary>Rows on one page of a list; the API may ask for up to <see cref="MaxPage"/>.</summary>
    public const int PageSize = 100;
    public const int MaxPage = 500;

    private const int LatestReports = 3;

    /// <summary>The assigner's page: null when the viewer cannot see the assigner's task or it is no 交办.</summary>
    public async Task<DispatchDetail?> DetailAsync(Viewer viewer, int id, CancellationToken ct)
    {
        var task = await db.Tasks.VisibleTo(viewer).AsNoTracking().FirstOrDefaultAsync(t => t.Id == id && t.Kind == WorkKind.Dispatch, ct);
        if (task is null)
        {
            return null;
        }

        var parties = await dispatches.Parties(viewer.UnitId).AsNoTracking().Where(p => p.SourceTaskId == id).OrderByDescending(p => p.IsLead).ThenBy(p => p.Id).ToListAsync(ct);
        if (parties.Count == 0)
        {
            // A task of kind 交办 with no parties is one this unit received, not one it assigned.
            return null;
        }

        var tree = await UnitTree.LoadAsync(db, ct);
        var section = await db.Sections.Where(s => s.Id == task.LeadSectionId).Select(s => s.Name).FirstOrDefaultAsync(ct) ?? "";
        var received = await ReceivedAsync([.. parties.Where(p => p.ReceivedTaskId is not null).Select(p => (p.UnitId, p.ReceivedTaskId!.Value))], ct);
        var views = parties.Select(p => new DispatchPartyView(p.Id, p.UnitId, tree.NameOf(p.UnitId), p.IsLead, p.Part, p.State, p.State.Chinese(), p.AssignedOn, p.ReturnBy,
            p.SignedAt, p.ReturnReason, p.ReturnedAt, p.ConfirmNote, p.ReceivedTaskId is { } r ? received.GetValueOrDefault((p.UnitId, r)) : null)).ToList();

        return new(task.Id, task.Title, task.Description, task.DueDate, task.TargetValue, task.TargetUnit, parties[0].Cadence.Chinese(), section,
            task.Light, task.Light.Chinese(), task.ProgressPercent, viewer.IsAdmin, views);
    }

    /// <summary>
    /// Read across units for exactly the received tasks of these parts and their direct sub-tasks: the
    /// tasks, their latest reports and their numbered 督办单, in three reads whatever the number of units
    /// (a 交办 to a hundred units is one page). Ids are matched as (unit, task) pairs.
    /// </summary>
    private async Task<Dictionary<(int Unit, int Task), DispatchReceived>> ReceivedAsync(IReadOnlyCollection<(int Unit, int Task)> received, CancellationToken ct)
    {
        if (received.Count == 0)
        {
            return [];
        }

        var wanted = received.ToHashSet();
        var units = wanted.Select(r => r.Unit).Distinct().ToList();
        var ids = wanted.Select(r => r.Task).Distinct().ToList();
        var rows = (await db.Tasks.IgnoreQueryFilters([UnitKeys.FilterName]).AsNoTracking()
                .Where(t => units.Contains(t.UnitId) && (ids.Contains(t.Id) || (t.ParentId != null && ids.Contains(t.ParentId.Value))))
                .Select(t => new { t.UnitId, t.Id, t.ParentId, t.Title, t.Light, t.ProgressPercent, t.DueDate, t.CompletedOn, t.SortOrder }).ToListAsync(ct))
            .Where(t => wanted.Contains((t.UnitId, t.Id)) || (t.ParentId is { } p && wanted.Contains((t.UnitId, p))))
            .ToList();
        // Each task of a family (the received task and its parts) names the received task it belongs to.
        var familyOf = rows.ToDictionary(t => (t.UnitId, t.Id), t => wanted.Contains((t.UnitId, t.Id)) ? (t.UnitId, t.Id) : (t.UnitId, t.ParentId!.Value));
        var familyIds = rows.Select(t => t.Id).ToList();

        // The latest few reports of each task (fewer than LatestReports newer ones), then per family.
        var allReports = db.Reports.IgnoreQueryFilters([UnitKeys.FilterName]);
        var reports = (await allReports.AsNoTracking()
                .Where(r => units.Contains(r.UnitId) && familyIds.Contains(r.TaskId)
                    && allReports.Count(n => n.UnitId == r.UnitId && n.TaskId == r.TaskId && n.SubmittedAt > r.SubmittedAt) < LatestReports)
                .Select(r => new { r.UnitId, r.TaskId, Report = new DispatchReport(r.SubmittedAt, r.PeriodEnd, r.Percent, r.Progress) }).ToListAsync(ct))
            .Where(r => familyOf.ContainsKey((r.UnitId, r.TaskId)))
            .ToLookup(r => familyOf[(r.UnitId, r.TaskId)], r => r.Report);
        var today = clock.Today;
        var sheets = (await db.EscalationSteps.IgnoreQueryFilters([UnitKeys.FilterName]).AsNoTracking()
                .Where(s => units.Contains(s.UnitId) && familyIds.Contains(s.TaskId) && s.Sequence != null).OrderByDescending(s => s.RaisedAt)
                .Select(s => new { s.UnitId, s.TaskId, s.Year, s.Sequence, s.Step, s.State, s.ReplyDueBy, s.RaisedOn }).ToListAsync(ct))
            .Where(s => familyOf.ContainsKey((s.UnitId, s.TaskId)))
            .ToLookup(s => familyOf[(s.UnitId, s.TaskId)]);
        var parts = rows.Where(t => !wanted.Contains((t.UnitId, t.Id))).OrderBy(t => t.SortOrder).ThenBy(t => t.Id).ToLookup(t => familyOf[(t.UnitId, t.Id)]);

        return rows.Where(t => wanted.Contains((t.UnitId, t.Id))).ToDictionary(t => (t.UnitId, t.Id), t => new DispatchReceived(
            t.Id, t.Title, t.Light, t.Light.Chinese(), t.ProgressPercent, t.DueDate, t.CompletedOn,
            [.. parts[(t.UnitId, t.Id)].Select(p => new DispatchPart(p.Id, p.Title, p.Light, p.Light.Chinese(), p.ProgressPercent, p.DueDate))],
            [.. reports[(t.UnitId, t.Id)].OrderByDescending(r => r.SubmittedAt).Take(LatestReports)],
            [.. sheets[(t.UnitId, t.Id)].Select(s => new DispatchSheet($"督办〔{s.Year}〕{s.Sequence}号", s.Step.Chinese(), SheetStates.View(s.State, s.ReplyDueBy, t.CompletedOn is not null, today).Chinese(), s.RaisedOn))]));
    }

    /// <summary>The receiving office's page for one party of its unit; null when not its unit's or not office.</summary>
    public async Task<ReceivedDispatch?> ReceivedAsync(Viewer viewer, int partyId, CancellationToken ct)
    {
        if (!viewer.IsAdmin)
        {
            return null;
        }

        var party = await db.DispatchParties.AsNoTracking().FirstOrDefaultAsync(p => p.Id == partyId && p.UnitId == viewer.UnitId, ct);
        if (party is null)
        {
            return null;
        }

        var source = await db.Tasks.IgnoreQueryFilters([UnitKeys.FilterName]).AsNoTracking().FirstAsync(t => t.UnitId == party.SourceUnitId && t.Id == party.SourceTaskId, ct);
        var tree = await UnitTree.LoadAsync(db, ct);
        // The lead unit's name only, for a cooperating unit: whom to work with, not how it is doing.
        var lead = party.IsLead ? null : await dispatches.Parties(party.SourceUnitId)
            .Where(p => p.SourceTaskId == party.SourceTaskId && p.IsLead && p.State != DispatchState.Reassigned).Select(p => (int?)p.UnitId).FirstOrDefaultAsync(ct);
        return new(party.Id, tree.NameOf(party.SourceUnitId), source.Title, source.Description, source.DueDate, party.IsLead ? source.TargetValue : null, party.IsLead ? source.TargetUnit : null,
            party.Cadence.Chinese(), party.IsLead, lead is { } l ? tree.NameOf(l) : null, party.Part, party.State, party.State.Chinese(), party.ReturnBy,
            party.State == DispatchState.Waiting ? Dispatches.ReturnRefusal(party, clock.Today) : null, party.ReturnReason, party.ConfirmNote, party.ReceivedTaskId,
            party.ReceivedTaskId is { } received ? await db.Tasks.Where(t => t.UnitId == viewer.UnitId && t.Id == received).Select(t => (int?)t.PlanId).FirstOrDefaultAsync(ct) : null);
    }

    /// <summary>What this unit assigned, newest first, by a party's state and unit.</summary>
    /// <summary>A page of what the viewer's unit assigned, newest first: those older than <paramref name="before"/>
    /// (a 交办's id, the previous page's last), <paramref name="take"/> at most.</summary>
    public async Task<List<DispatchRow>> AssignedAsync(Viewer viewer, DispatchState? state, int? unitId, CancellationToken ct, int? before = null, int take = PageSize)
    {
        var parties = dispatches.Parties(viewer.UnitId);
        var matching = parties.Where(p => (state == null || p.State == state) && (unitId == null || p.UnitId == unitId)).Select(p => p.SourceTaskId);
        var tasks = await db.Tasks.VisibleTo(viewer).AsNoTracking().Where(t => t.Kind == WorkKind.Dispatch && matching.Contains(t.Id) && (before == null || t.Id < before))
            .OrderByDescending(t => t.Id).Take(take)
            .Select(t => new { t.Id, t.Title, t.DueDate, t.Light, t.ProgressPercent }).ToListAsync(ct);
        var ids = tasks.Select(t => t.Id).ToList();
        var all = await parties.AsNoTracking().Where(p => ids.Contains(p.SourceTaskId)).Select(p => new { p.SourceTaskId, p.UnitId, p.IsLead, p.State }).ToListAsync(ct);
        var tree = await UnitTree.LoadAsync(db, ct);
        var byTask = all.ToLookup(p => p.SourceTaskId);
        return [.. tasks.Select(t => new DispatchRow(t.Id, t.Title, t.DueDate, t.Light, t.Light.Chinese(), t.ProgressPercent,
            tree.NameOf(byTask[t.Id].Where(p => p.IsLead && p.State != DispatchState.Reassigned).Select(p => p.UnitId).FirstOrDefault()),
            string.Join("，", byTask[t.Id].Where(p => p.State != DispatchState.Reassigned).GroupBy(p => p.State).OrderBy(g => g.Key).Select(g => $"{g.Key.Chinese()}{g.Count()}"))))];
    }

    /// <summary>What came from above to this unit (上级交办), newest first, a page at a time as <see cref="AssignedAsync"/> (by the part's id).</summary>
    public async Task<List<ReceivedRow>> ReceivedListAsync(Viewer viewer, DispatchState? state, CancellationToken ct, int? before = null, int take = PageSize)
    {
        if (!viewer.IsAdmin)
        {
            return [];
        }

        var rows = await (from p in db.DispatchParties.AsNoTracking()
                          where p.UnitId == viewer.UnitId && (state == null || p.State == state) && (before == null || p.Id < before)
                          join t in db.Tasks.IgnoreQueryFilters([UnitKeys.FilterName]) on new { U = p.SourceUnitId, I = p.SourceTaskId } equals new { U = t.UnitId, I = t.Id }
                          orderby p.Id descending
                          select new { p.Id, p.SourceUnitId, t.Title, t.DueDate, p.IsLead, p.State, p.ReturnBy, p.ReceivedTaskId }).Take(take).ToListAsync(ct);
        var tree = await UnitTree.LoadAsync(db, ct);
        return [.. rows.Select(r => new ReceivedRow(r.Id, tree.NameOf(r.SourceUnitId), r.Title, r.DueDate, r.IsLead, r.State, r.State.Chinese(), r.ReturnBy, r.ReceivedTaskId))];
    }
}
