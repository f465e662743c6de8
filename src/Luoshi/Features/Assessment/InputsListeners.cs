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

/// <summary>A calendar changed in bulk (an import, a rescheduling) moves overdue days in every period.</summary>
internal sealed class CalendarChangesAssessment(LuoshiDb db) : ICalendarChanged
{
    public Task AfterChangeAsync(int unitId, CancellationToken ct) => AssessmentInputs.MarkAsync(db, [InputsChange.AllOf(unitId)], ct);
}
