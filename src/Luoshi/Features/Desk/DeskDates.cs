namespace Luoshi.Features.Desk;

/// <summary>Dates as people read them on the desk, in the notices it raises and in the prose of other pages.</summary>
internal static class DeskDates
{
    /// <summary>As documents and notices write a date: 2026年11月30日.</summary>
    public static string Formal(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";

    /// <summary>A moment, already in the bureau's time, as prose writes it: 2026年11月30日 10:00.</summary>
    public static string Formal(DateTime local) => Formal(DateOnly.FromDateTime(local)) + " " + local.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A due date in a list: 11月30日 within this year, 2027年1月5日 in another.</summary>
    public static string Short(DateOnly date, DateOnly today) => date.Year == today.Year ? $"{date.Month}月{date.Day}日" : Formal(date);
}
