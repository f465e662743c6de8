using System.Globalization;
using System.Text.RegularExpressions;

namespace Luoshi.Documents;

/// <summary>
/// The year a document is about, for deadlines written without one ("6月底前"). The title says it
/// best ("2026年工作要点"); then the document number (〔2019〕4号); then the first full date; then any year.
/// </summary>
internal static partial class DocumentYear
{
    [GeneratedRegex(@"((?:19|20)\d{2})\s*年")]
    private static partial Regex YearWord();

    [GeneratedRegex(@"[〔\[［]((?:19|20)\d{2})[〕\]］]")]
    private static partial Regex DocumentNumber();

    [GeneratedRegex(@"((?:19|20)\d{2})年\d{1,2}月\d{1,2}日")]
    private static partial Regex FullDate();

    public static int? Find(string? title, string text)
    {
        var head = text.Length > 200_000 ? text[..200_000] : text;
        return First(YearWord(), title ?? "")
            ?? First(DocumentNumber(), head)
            ?? First(FullDate(), head)
            ?? First(YearWord(), head);
    }

    private static int? First(Regex pattern, string text)
    {
        var m = pattern.Match(text);
        return m.Success ? int.Parse(m.Groups[1].ValueSpan, CultureInfo.InvariantCulture) : null;
    }
}
