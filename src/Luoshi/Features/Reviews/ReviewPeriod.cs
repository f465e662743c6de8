using System.Globalization;
using System.Text.RegularExpressions;

namespace Luoshi.Features.Reviews;

/// <summary>What a review (对照盘点) covers: a month ("2026-10"), a quarter ("2026-Q3") or the days up to a date ("2026-10-15").</summary>
internal sealed partial record ReviewPeriod(DateOnly Start, DateOnly End, string Label)
{
    /// <summary>The period as written in a link (2026-10, 2026-Q3, 2026-10-15), whatever way it was first written.</summary>
    public string Code =>
        Label.StartsWith("截至", StringComparison.Ordinal) ? End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : Label.EndsWith("季度", StringComparison.Ordinal) ? $"{Start.Year}-Q{(Start.Month + 2) / 3}"
        : Start.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>The query of the review page for this period and choice, so a link counts what was shown.</summary>
    public string Query(IEnumerable<int> plans, IEnumerable<Tasks.WorkKind> kinds) =>
        string.Join("&", new[] { $"period={Code}" }.Concat(plans.Select(p => $"plan={p}")).Concat(kinds.Select(k => $"kind={(int)k}")));

    /// <summary>The period the text names, or null when it names none or one outside the years the system keeps (9999-Q4 has no end).</summary>
    public static ReviewPeriod? Parse(string? text)
    {
        text = text?.Trim() ?? "";
        var year = text.Length >= 4 && int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : 0;
        return year is >= Shared.Bounds.MinYear and <= Shared.Bounds.MaxYear ? ParseInRange(text) : null;
    }

    private static ReviewPeriod? ParseInRange(string text)
    {
        if (QuarterPattern().Match(text) is { Success: true } q)
        {
            var year = int.Parse(q.Groups[1].Value, CultureInfo.InvariantCulture);
            var quarter = int.Parse(q.Groups[2].Value, CultureInfo.InvariantCulture);
            var start = new DateOnly(year, ((quarter - 1) * 3) + 1, 1);
            return new(start, start.AddMonths(3).AddDays(-1), $"{year}年第{"一二三四"[quarter - 1]}季度");
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            return new(month, month.AddMonths(1).AddDays(-1), $"{month.Year}年{month.Month}月");
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return new(new DateOnly(day.Year, 1, 1), day, $"截至{day.Year}年{day.Month}月{day.Day}日");
        }

        return null;
    }

    [GeneratedRegex(@"^(\d{4})-?Q([1-4])$", RegexOptions.IgnoreCase)]
    private static partial Regex QuarterPattern();
}
