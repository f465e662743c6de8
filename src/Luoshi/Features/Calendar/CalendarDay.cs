namespace Luoshi.Features.Calendar;

internal enum DayKind
{
    /// <summary>A statutory holiday (or a weekday given off as 调休).</summary>
    Holiday = 0,

    /// <summary>A weekend day that is a working day (调休上班).</summary>
    Workday = 1,
}

/// <summary>A day that differs from the plain Monday-to-Friday week. Held per unit so that one
/// bureau's local adjustments never change another's deadlines.</summary>
internal sealed class CalendarDay
{
    public int UnitId { get; set; }
    public DateOnly Date { get; set; }
    public DayKind Kind { get; set; }
    public required string Name { get; set; }
}
