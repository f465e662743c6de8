using Microsoft.Extensions.Options;

namespace Luoshi.Features.Shared;

internal sealed class ClockOptions
{
    /// <summary>The bureau's time zone: "today" for deadlines is the bureau's date, not the server's.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";
}

/// <summary>Now and today, from the injected <see cref="TimeProvider"/> so tests can set the clock.</summary>
internal sealed class BureauClock(TimeProvider time, IOptions<ClockOptions> options)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), _zone).DateTime);

    /// <summary>The instant a day begins in the bureau, in UTC: the bounds of "reported by that day".</summary>
    public DateTime StartOfDayUtc(DateOnly date) => TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(TimeOnly.MinValue), _zone);

    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), _zone);

    /// <summary>The bureau's date of an instant stored in UTC (a file made at 07:00 in Beijing is dated that day, not the day before).</summary>
    public DateOnly LocalDate(DateTime utc) => DateOnly.FromDateTime(ToLocal(utc));
}
