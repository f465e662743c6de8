namespace Luoshi.Features.Calendar;

/// <summary>
/// Working days on the Chinese calendar: Monday to Friday, less statutory holidays, plus the
/// weekend days that become working days (调休). Immutable; built from a unit's calendar rows.
/// </summary>
internal sealed class WorkingCalendar(IEnumerable<CalendarDay> exceptions)
{
    private readonly Dictionary<DateOnly, DayKind> _exceptions = exceptions.ToDictionary(d => d.Date, d => d.Kind);

    public static WorkingCalendar Plain { get; } = new([]);

    public bool IsWorkingDay(DateOnly date) =>
        _exceptions.TryGetValue(date, out var kind)
            ? kind == DayKind.Workday
            : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>The date itself if it is a working day, else the next one: a deadline that falls on
    /// a holiday is met on the first working day after it.</summary>
    public DateOnly OnOrAfter(DateOnly date)
    {
        while (!IsWorkingDay(date))
        {
            date = date.AddDays(1);
        }

        return date;
    }

    public DateOnly OnOrBefore(DateOnly date)
    {
        while (!IsWorkingDay(date))
        {
            date = date.AddDays(-1);
        }

        return date;
    }

    /// <summary>The n-th working day after <paramref name="date"/> (n ≥ 0; n = 0 gives
    /// <see cref="OnOrAfter"/>).</summary>
    public DateOnly AddWorkingDays(DateOnly date, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var day = OnOrAfter(date);
        for (var i = 0; i < n; i++)
        {
            day = OnOrAfter(day.AddDays(1));
        }

        return day;
    }

    /// <summary>The n-th working day before <paramref name="date"/> (n ≥ 0; n = 0 gives
    /// <see cref="OnOrBefore"/>).</summary>
    public DateOnly SubtractWorkingDays(DateOnly date, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var day = OnOrBefore(date);
        for (var i = 0; i < n; i++)
        {
            day = OnOrBefore(day.AddDays(-1));
        }

        return day;
    }

    /// <summary>Working days in the closed range [from, to]; 0 when to is before from.</summary>
    public int CountWorkingDays(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            if (IsWorkingDay(d))
            {
                count++;
            }
        }

        return count;
    }
}
