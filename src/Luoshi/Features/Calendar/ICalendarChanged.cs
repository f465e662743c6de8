namespace Luoshi.Features.Calendar;

/// <summary>
/// Told after a unit's working calendar changed (a holiday or 调休 day added, removed or imported).
/// Deadlines counted in working days move with the calendar; the features that keep such dates (the
/// lights) register one of these, so the calendar needs to know none of them.
/// </summary>
internal interface ICalendarChanged
{
    Task AfterChangeAsync(int unitId, CancellationToken ct);
}
