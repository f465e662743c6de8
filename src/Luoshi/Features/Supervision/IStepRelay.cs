namespace Luoshi.Features.Supervision;

/// <summary>A 催办 or 督办 just raised on a task of the unit, with what its notice says.</summary>
internal sealed record RaisedStep(int TaskId, StepKind Step, string? SheetNumber, string TaskName, string Body);

/// <summary>
/// Who else hears of a 催办 or 督办 beyond the unit's own people: a feature above Supervision whose work
/// runs in other units (a 交办's lead unit) says so here, and is called with the steps of a run, or the
/// office's manual step, in the same transaction, before it commits. Registered in that feature's XFeature.cs.
/// </summary>
internal interface IStepRelay
{
    Task RelayAsync(int unitId, IReadOnlyList<RaisedStep> steps, CancellationToken ct);
}
