using System.Globalization;
using System.Text.RegularExpressions;

namespace Luoshi.Documents;

/// <summary>
/// Deadlines as plans write them. A period ("6月底", "3月中旬", "第一季度", "年底") is due at its
/// last day, the day an office would check it.
/// </summary>
internal static partial class DeadlineReader
{
    private const string Before = "(?:前|之前|以前)?";

    [GeneratedRegex(@"(?<!\d)(?:(?<y>\d{4})年)?(?<m>\d{1,2})月(?<d>\d{1,2})[日号]" + Before)]
    private static partial Regex Day();

    [GeneratedRegex(@"(?<!\d)(?:(?<y>\d{4})年)?(?<m>\d{1,2})月(?<p>底|末|上旬|中旬|下旬|前|之前)" + Before)]
    private static partial Regex PartOfMonth();

    [GeneratedRegex(@"(?<!\d)(?:(?<y>\d{4})年)?第(?<q>[一二三四1-4])季度末?" + Before)]
    private static partial Regex Quarter();

    [GeneratedRegex(@"(?<!\d)(?:(?<y>\d{4})年|今年)?(?<h>上半年|下半年)" + Before)]
    private static partial Regex HalfYear();

    [GeneratedRegex(@"(?<!\d)(?:(?<y>\d{4})年(?=底|末)|今年|年)(?:底|末)" + Before)]
    private static partial Regex YearEnd();

    // "1997年4―6月", "10月―1998年2月": a period, due at the end of its last month.
    [GeneratedRegex(@"(?<!\d)(?:(?<y1>\d{4})年)?(?<m1>\d{1,2})月?[—―\-－~～至到]{1,2}(?:(?<y>\d{4})年)?(?<m>\d{1,2})月(?!\d{1,2}[日号])(?<r>)" + Before)]
    private static partial Regex Range();

    // A date alone on its line (with 印发/成文/发布) is the document's own date, never a deadline.
    [GeneratedRegex(@"^\s*(?:\d{4}年\d{1,2}月\d{1,2}日)\s*(?:印发|成文|发布|签发)?\s*$", RegexOptions.Multiline)]
    private static partial Regex DateLine();

    public static List<Deadline> Read(string text, int? documentYear)
    {
        text = WidthFold.Fold(text);
        var found = FirstMatches.Find(text, [Range(), Day(), PartOfMonth(), Quarter(), HalfYear(), YearEnd()], m => ToDeadline(m, documentYear));
        if (!text.Contains('日', StringComparison.Ordinal) || DateLine().Matches(text) is not { Count: > 0 } dateLines)
        {
            return found;
        }

        var own = dateLines.Select(d => d.Value.Trim()).ToList();
        return [.. found.Where(d => !own.Any(line => line.StartsWith(d.Text, StringComparison.Ordinal)))];
    }

    private static Deadline? ToDeadline(Match m, int? documentYear)
    {
        int? year = m.Groups["y"].Success ? Number(m.Groups["y"].Value) : m.Groups["y1"].Success ? Number(m.Groups["y1"].Value) : documentYear;
        var (month, day) = MonthAndDay(m);
        if (month is < 1 or > 12)
        {
            return null;
        }

        var last = DateTime.DaysInMonth(year ?? 2001, month);
        day = day == int.MaxValue ? last : day;
        if (day < 1 || day > last)
        {
            return null;
        }

        DateOnly? date = year is >= 1 and <= 9999 ? new DateOnly(year.Value, month, day) : null;
        return new Deadline(m.Value, year, month, day, date);
    }

    /// <summary>int.MaxValue as the day stands for "the last day of the month".</summary>
    private static (int Month, int Day) MonthAndDay(Match m)
    {
        if (m.Groups["r"].Success)
        {
            return (Number(m.Groups["m"].Value), int.MaxValue);
        }

        if (m.Groups["d"].Success)
        {
            return (Number(m.Groups["m"].Value), Number(m.Groups["d"].Value));
        }

        if (m.Groups["p"].Success)
        {
            var month = Number(m.Groups["m"].Value);
            return m.Groups["p"].Value switch
            {
                "上旬" => (month, 10),
                "中旬" => (month, 20),
                _ => (month, int.MaxValue),
            };
        }

        if (m.Groups["q"].Success)
        {
            var q = "一二三四".IndexOf(m.Groups["q"].Value[0], StringComparison.Ordinal) is var i and >= 0 ? i + 1 : Number(m.Groups["q"].Value);
            return (q * 3, int.MaxValue);
        }

        return m.Groups["h"].Value == "上半年" ? (6, 30) : (12, 31);
    }

    private static int Number(string digits) => int.Parse(digits, CultureInfo.InvariantCulture);
}
