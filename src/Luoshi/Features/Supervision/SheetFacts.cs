using System.Globalization;
using System.Text.RegularExpressions;

namespace Luoshi.Features.Supervision;

/// <summary>
/// A sheet's facts line as it is shown. Sheets raised before dates were written 2026年11月30日 keep
/// 2026-11-30 in their stored facts (the text is what was issued and is not rewritten); shown, every
/// such date takes the formal form, so old and new sheets read alike.
/// </summary>
internal static partial class SheetFacts
{
    public static string Formal(string facts) => IsoDate().Replace(facts, m =>
        DateOnly.TryParseExact(m.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? FormalDate.Of(date) : m.Value);

    [GeneratedRegex(@"(?<![0-9])[0-9]{4}-[0-9]{2}-[0-9]{2}(?![0-9])")]
    private static partial Regex IsoDate();
}
