using System.Globalization;
using System.Reflection;
using System.Text;

namespace Luoshi.Features.Calendar;

/// <summary>A row-level problem in an imported file: which row and column, and what is wrong.</summary>
internal sealed record ImportError(int Row, string Column, string Message);

/// <summary>
/// The holiday calendar as a CSV of the days that differ from the plain week:
/// <c>日期,类型,名称</c> with 类型 休 (holiday) or 班 (weekend working day). The same format is
/// shipped (the official 2025 and 2026 notices), imported and exported.
/// </summary>
internal static class HolidayCsv
{
    public const string Header = "日期,类型,名称";

    public static IReadOnlyList<(DateOnly Date, DayKind Kind, string Name)> Shipped { get; } = LoadShipped();

    public static (List<(DateOnly Date, DayKind Kind, string Name)> Days, List<ImportError> Errors) Parse(TextReader reader)
    {
        var days = new List<(DateOnly, DayKind, string)>();
        var errors = new List<ImportError>();
        var seen = new HashSet<DateOnly>();
        var row = 0;
        while (reader.ReadLine() is { } line)
        {
            row++;
            line = line.Trim().TrimStart('\uFEFF');
            if (line.Length == 0 || (row == 1 && line.StartsWith("日期", StringComparison.Ordinal)))
            {
                continue;
            }

            var cells = line.Split(',', '，', '\t');
            if (cells.Length < 2)
            {
                errors.Add(new(row, "类型", "每行至少需要“日期,类型”两列"));
                continue;
            }

            if (!DateOnly.TryParseExact(cells[0].Trim(), ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyyMMdd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                errors.Add(new(row, "日期", $"“{cells[0].Trim()}”不是有效日期，应为 2026-10-01 的格式"));
                continue;
            }

            DayKind? kind = cells[1].Trim().ToLowerInvariant() switch
            {
                "休" or "假" or "holiday" => DayKind.Holiday,
                "班" or "workday" => DayKind.Workday,
                _ => null,
            };
            if (kind is null)
            {
                errors.Add(new(row, "类型", $"“{cells[1].Trim()}”不是有效类型，应为“休”或“班”"));
                continue;
            }

            if (!seen.Add(date))
            {
                errors.Add(new(row, "日期", $"{date:yyyy-MM-dd} 重复出现"));
                continue;
            }

            var name = cells.Length > 2 ? cells[2].Trim() : "";
            days.Add((date, kind.Value, name.Length == 0 ? (kind == DayKind.Holiday ? "节假日" : "调休上班") : name));
        }

        return (days, errors);
    }

    public static string Write(IEnumerable<CalendarDay> days)
    {
        var text = new StringBuilder(Header).Append('\n');
        foreach (var d in days.OrderBy(d => d.Date))
        {
            text.Append(CultureInfo.InvariantCulture, $"{d.Date:yyyy-MM-dd},{(d.Kind == DayKind.Holiday ? "休" : "班")},{d.Name}\n");
        }

        return text.ToString();
    }

    private static List<(DateOnly, DayKind, string)> LoadShipped()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("holidays-cn.csv")
            ?? throw new InvalidOperationException("holidays-cn.csv is not embedded");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var (days, errors) = Parse(reader);
        return errors.Count == 0 ? days : throw new InvalidOperationException($"shipped calendar is invalid: {errors[0]}");
    }
}
