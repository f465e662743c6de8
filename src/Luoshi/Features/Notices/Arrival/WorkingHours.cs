using Luoshi.Features.Calendar;

namespace Luoshi.Features.Notices.Arrival;

/// <summary>Time counted in working hours: only the working periods of working days on the unit's
/// calendar (holidays and 调休 included), so four hours after Friday 16:00 is Monday 12:00.</summary>
internal static class WorkingHours
{
    /// <summary>The latest local instant from which <paramref name="hours"/> working hours have passed by
    /// <paramref name="now"/>: a notice created at or before it has waited long enough.</summary>
    public static DateTime Back(DateTime now, double hours, WorkingCalendar calendar, IReadOnlyList<WorkPeriod> periods)
    {
        var left = TimeSpan.FromHours(hours);
        var today = DateOnly.FromDateTime(now);
        // A year back is more than any configuration needs; beyond it nothing is old enough.
        for (var day = today; day > today.AddDays(-366); day = day.AddDays(-1))
        {
            if (!calendar.IsWorkingDay(day))
            {
                continue;
            }

            for (var i = periods.Count - 1; i >= 0; i--)
            {
                var start = day.ToDateTime(periods[i].Start);
                var end = day.ToDateTime(periods[i].End);
                end = end > now ? now : end;
                if (end <= start)
                {
                    continue;
                }

                if (end - start >= left)
                {
                    return end - left;
                }

                left -= end - start;
            }
        }

        return DateTime.MinValue;
    }

    /// <summary>Working time between two local instants (for what a page says).</summary>
    public static TimeSpan Between(DateTime from, DateTime to, WorkingCalendar calendar, IReadOnlyList<WorkPeriod> periods)
    {
        var total = TimeSpan.Zero;
        for (var day = DateOnly.FromDateTime(from); day <= DateOnly.FromDateTime(to); day = day.AddDays(1))
        {
            if (!calendar.IsWorkingDay(day))
            {
                continue;
            }

            foreach (var p in periods)
            {
                var start = Max(day.ToDateTime(p.Start), from);
                var end = Min(day.ToDateTime(p.End), to);
                total += end > start ? end - start : TimeSpan.Zero;
            }
        }

        return total;
    }

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
