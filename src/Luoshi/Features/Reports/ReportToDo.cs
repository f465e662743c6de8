using Luoshi.Data;
using Luoshi.Features.Calendar;
using Luoshi.Features.Desk;
using Luoshi.Features.Organisation;
using Luoshi.Features.Plans;
using Luoshi.Features.Shared;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Reports;

/// <summary>
/// The lead-section reports a person owes: the head (and the office for its own section) the
/// section's, a staff member those of the tasks he or she is responsible for and of those with
/// nobody named. Started, open tasks only; appeals are answered, not reported on.
/// </summary>
internal sealed class ReportsOwed(LuoshiDb db, PlanCache plans, WorkingCalendars calendars, BureauClock clock)
{
    public static bool Reports(Viewer viewer) => viewer.SectionId is not null && viewer.Role != Role.Leader;

    public IQueryable<WorkTask> Of(Viewer viewer)
    {
        var (section, me, today) = (viewer.SectionId, viewer.PersonId, clock.Today);
        // A task whose report was returned and not yet redone is owed under 待重报 (RedoReportsSource), not here too.
        var redo = ReturnedReports.Outstanding(db, viewer.UnitId);
        var tasks = db.Tasks.Where(t => t.UnitId == viewer.UnitId && t.LeadSectionId == section && t.CompletedOn == null && t.Kind != WorkKind.Appeal && t.StartDate <= today
            && !redo.Any(x => x.TaskId == t.Id && x.SectionId == t.LeadSectionId));
        return viewer.Role == Role.Staff ? tasks.Where(t => t.ResponsiblePersonId == me || t.ResponsiblePersonId == null).ReadableBy(viewer) : tasks;
    }

    /// <summary>Lines for the tasks, each with the period its report is owed for and when it was due.</summary>
    public async Task<IReadOnlyList<ToDoItem>> ItemsAsync(IQueryable<WorkTask> owed, Viewer viewer, int take, CancellationToken ct)
    {
        var today = clock.Today;
        var rows = await owed.OrderBy(t => t.ReportMissingFrom).ThenBy(t => t.Id)
            .Select(t => new { t.Id, t.PlanId, t.Number, t.Title, t.StartDate, t.LastReportedPeriodEnd, t.ReportMissingFrom })
            .Take(take).ToListAsync(ct);
        var calendar = await calendars.ForUnitAsync(db, viewer.UnitId, ct);
        var items = new List<ToDoItem>(rows.Count);
        foreach (var t in rows)
        {
            var plan = await plans.GetAsync(db, t.PlanId, ct);
            var period = ReportPeriods.Containing(plan, t.LastReportedPeriodEnd?.AddDays(1) ?? t.StartDate, calendar);
            var late = t.ReportMissingFrom <= today;
            items.Add(new ToDoItem(TaskTitle.Of(t.Number, t.Title), $"/Tasks/{t.Id}/Report",
                $"{period.Label(plan.Cadence)}进展{(late ? "，宽限至" + DeskDates.Short(period.OnTimeUntil, today) + "已过" : "")}",
                period.Due, late));
        }

        return items;
    }
}

/// <summary>本期待报送: the report of the current period (or of the last one, while it may still be sent on time) is not in yet.</summary>
internal sealed class ReportDueToDo(LuoshiDb db, ReportsOwed owed, ReportWindows windows, BureauClock clock) : IToDoSource
{
    public string Heading => "本期待报送";

    public int Order => 20;

    public async Task<int> CountAsync(Viewer viewer, CancellationToken ct) =>
        ReportsOwed.Reports(viewer) ? await (await WaitingAsync(viewer, ct)).CountAsync(ct) : 0;

    public async Task<IReadOnlyList<ToDoItem>> ListAsync(Viewer viewer, int take, CancellationToken ct) =>
        ReportsOwed.Reports(viewer) ? await owed.ItemsAsync(await WaitingAsync(viewer, ct), viewer, take, ct) : [];

    private async Task<IQueryable<WorkTask>> WaitingAsync(Viewer viewer, CancellationToken ct)
    {
        var today = clock.Today;
        return owed.Of(viewer).Where(t => t.ReportMissingFrom > today).Where(await windows.OwedNowAsync(db, viewer.UnitId, today, ct));
    }
}

/// <summary>逾期未报: a period's on-time window closed without the report (the light's 未按时报送).</summary>
internal sealed class ReportLateToDo(ReportsOwed owed, BureauClock clock) : IToDoSource
{
    public string Heading => "逾期未报";

    public int Order => 21;

    public Task<int> CountAsync(Viewer viewer, CancellationToken ct) =>
        ReportsOwed.Reports(viewer) ? Late(viewer).CountAsync(ct) : Task.FromResult(0);

    public async Task<IReadOnlyList<ToDoItem>> ListAsync(Viewer viewer, int take, CancellationToken ct) =>
        ReportsOwed.Reports(viewer) ? await owed.ItemsAsync(Late(viewer), viewer, take, ct) : [];

    private IQueryable<WorkTask> Late(Viewer viewer)
    {
        var today = clock.Today;
        return owed.Of(viewer).Where(t => t.ReportMissingFrom <= today);
    }
}
