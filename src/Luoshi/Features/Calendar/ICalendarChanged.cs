namespace Luoshi.Features.Calendar;

/// <summary>
/// Told after a unit's working calendar changed (a holiday or 调休 day added, removed or imported),
/// by <see cref="CalendarRescheduleJob"/>, off the edit's request. Deadlines counted in working days
/// move with the calendar; the features that keep such dates (the lights) register one of these, so
/// the calendar needs to know none of them.
/// </summary>
internal interface ICalendarChanged
{
    /// <param name="progress">Told the tasks done and the total as the listener's batches commit.</param>
    Task AfterChangeAsync(int unitId, CalendarProgress progress, CancellationToken ct);
}

/// <summary>How far a reschedule has come: tasks done of the unit's open tasks.</summary>
internal delegate Task CalendarProgress(int done, int total);
