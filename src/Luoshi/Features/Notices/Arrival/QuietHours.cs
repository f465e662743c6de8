using Luoshi.Features.Calendar;

namespace Luoshi.Features.Notices.Arrival;

/// <summary>When email and robots keep quiet: the night (22:00–07:00 by default) and, if configured,
/// every day that is not a working day of the unit.</summary>
internal static class QuietHours
{
    /// <summary>Null when a message may go at <paramref name="now"/> (local); else the local instant the quiet ends.</summary>
    public static DateTime? HeldUntil(DateTime now, QuietHoursOptions o, WorkingCalendar calendar)
    {
        if (!o.Enabled)
        {
            return null;
        }

        var start = TimeOnly.Parse(o.Start, System.Globalization.CultureInfo.InvariantCulture);
        var end = TimeOnly.Parse(o.End, System.Globalization.CultureInfo.InvariantCulture);
        bool Quiet(DateTime t)
        {
            var time = TimeOnly.FromDateTime(t);
            var night = start > end ? time >= start || time < end : time >= start && time < end;
            return night || (o.NonWorkingDays && !calendar.IsWorkingDay(DateOnly.FromDateTime(t)));
        }

        if (!Quiet(now))
        {
            return null;
        }

        // The first end of a night, from today on, that is not itself quiet (a holiday's morning is not).
        var day = DateOnly.FromDateTime(now);
        for (var i = 0; i < 400; i++, day = day.AddDays(1))
        {
            var open = day.ToDateTime(start > end ? end : TimeOnly.MinValue);
            if (open > now && !Quiet(open))
            {
                return open;
            }

            // Quiet by day (start before end): it opens when the quiet ends that day.
            var after = day.ToDateTime(end);
            if (start <= end && after > now && !Quiet(after))
            {
                return after;
            }
        }

        return null;
    }
}
