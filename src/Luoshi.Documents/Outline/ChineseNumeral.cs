namespace Luoshi.Documents;

/// <summary>Chinese numerals as used in headings and counts: 一 to 九十九 (两 counts as 二).</summary>
internal static class ChineseNumeral
{
    private const string Digits = "零一二三四五六七八九";

    public static int? Parse(ReadOnlySpan<char> s)
    {
        switch (s.Length)
        {
            case 1:
                return s[0] == '十' ? 10 : DigitOrNull(s[0]);
            case 2 when s[0] == '十':
                return 10 + DigitOrNull(s[1]);
            case 2 when s[1] == '十':
                return DigitOrNull(s[0]) * 10;
            case 3 when s[1] == '十':
                return DigitOrNull(s[0]) * 10 + DigitOrNull(s[2]);
            default:
                return null;
        }
    }

    /// <summary>1 → 一, 10 → 十, 23 → 二十三; beyond 99 the Arabic digits, as Word does.</summary>
    public static string Format(int value) => value switch
    {
        >= 1 and <= 9 => Digits[value].ToString(),
        10 => "十",
        > 10 and < 20 => "十" + Digits[value - 10],
        >= 20 and <= 99 => Digits[value / 10] + "十" + (value % 10 == 0 ? "" : Digits[value % 10].ToString()),
        _ => value.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static int? DigitOrNull(char c)
    {
        if (c == '两')
        {
            return 2;
        }

        var i = Digits.IndexOf(c, StringComparison.Ordinal);
        return i > 0 ? i : null;
    }
}
