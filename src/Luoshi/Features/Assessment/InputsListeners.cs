using Luoshi.Data;
using Luoshi.Features.Calendar;
using Luoshi.Features.Shared;
using Luoshi.Features.Supervision;

namespace Luoshi.Features.Assessment;

/// <summary>The escalation run writes its 催办 and 督办 lines with COPY on PostgreSQL, past the save
/// interceptor: it tells its relays in the same transaction, and the periods containing today are marked.</summary>
internal sealed class StepsChangeAssessment(LuoshiDb db, BureauClock clock) : IStepRelay
{
    public Task RelayAsync(int unitId, IReadOnlyList<RaisedStep> steps, CancellationToken ct) =>
        steps.Count == 0 ? Task.CompletedTask : AssessmentInputs.MarkAsync(db, [InputsChange.On(unitId, clock.Today)], ct);
}

/// <summary>A calendar changed (an edit, an import; told by the reschedule job) moves overdue days in every
/// period. Marking is one statement: no progress to tell.</summary>
internal sealed class CalendarChangesAssessment(LuoshiDb db) : ICalendarChanged
{
    public Task AfterChangeAsync(int unitId, CalendarProgress progress, CancellationToken ct) => AssessmentInputs.MarkAsync(db, [InputsChange.AllOf(unitId)], ct);
}
