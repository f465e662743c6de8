using Luoshi.Features.Calendar;

namespace Luoshi.Features.Lights;

/// <summary>A calendar change moves every working-day deadline of the unit, so every open task's dates
/// and light are computed again.</summary>
internal sealed class RescheduleOnCalendarChange(TaskLights lights) : ICalendarChanged
{
    public Task AfterChangeAsync(int unitId, CalendarProgress progress, CancellationToken ct) =>
        lights.RescheduleUnitAsync(unitId, (done, total) => progress(done, total), ct);
}
