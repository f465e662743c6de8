namespace Luoshi.Features.Notices.Arrival;

/// <summary>Configuration section Notices:MustArrive (消息必达).</summary>
internal sealed class MustArriveOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Working hours a 督办 or 批示 may stay unread before it is re-sent and the section head told.</summary>
    public double AfterWorkingHours { get; set; } = 4;

    /// <summary>The working day's periods, "09:00-12:00" and "13:30-17:30" unless configured.</summary>
    public string[]? WorkingPeriods { get; set; }

    /// <summary>Notices older than this are left alone: turning the feature on over an old database
    /// must not re-send a year of unread mail.</summary>
    public int MaxAgeDays { get; set; } = 10;

    /// <summary>The kinds that must arrive; the 督办 and 批示 kinds unless configured.</summary>
    public NoticeKind[]? Kinds { get; set; }

    public static readonly NoticeKind[] DefaultKinds = [NoticeKind.Supervise, NoticeKind.ManualSupervise, NoticeKind.Instruction, NoticeKind.DirectiveAnswered];

    public IReadOnlyList<NoticeKind> MustArriveKinds => Kinds is { Length: > 0 } k ? k : DefaultKinds;

    public IReadOnlyList<WorkPeriod> Periods => WorkPeriod.ParseAll(WorkingPeriods is { Length: > 0 } p ? p : ["09:00-12:00", "13:30-17:30"]);
}

/// <summary>Configuration section Notices:QuietHours: no email or robot message at night or on a
/// day off, except the kinds exempt (督办); what is held goes out when the quiet ends.</summary>
internal sealed class QuietHoursOptions
{
    public bool Enabled { get; set; } = true;
    public string Start { get; set; } = "22:00";
    public string End { get; set; } = "07:00";

    /// <summary>Saturdays, Sundays and holidays of the unit's calendar (调休 days are working days) are quiet all day.</summary>
    public bool NonWorkingDays { get; set; } = true;

    /// <summary>Kinds sent whatever the hour; the 督办 kinds unless configured.</summary>
    public NoticeKind[]? Exempt { get; set; }

    public IReadOnlyList<NoticeKind> ExemptKinds => Exempt is { Length: > 0 } e ? e : [NoticeKind.Supervise, NoticeKind.ManualSupervise];
}

/// <summary>One period of a working day, local time.</summary>
internal sealed record WorkPeriod(TimeOnly Start, TimeOnly End)
{
    public static IReadOnlyList<WorkPeriod> ParseAll(IEnumerable<string> texts) =>
        [.. texts.Select(Parse).OrderBy(p => p.Start)];

    public static WorkPeriod Parse(string text)
    {
        var parts = text.Split('-', 2, StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !TimeOnly.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out var start)
            || !TimeOnly.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var end) || end <= start)
        {
            throw new InvalidOperationException($"Notices:MustArrive:WorkingPeriods: “{text}” is not a period such as 09:00-12:00");
        }

        return new(start, end);
    }
}
