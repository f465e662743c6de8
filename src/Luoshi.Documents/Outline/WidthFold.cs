namespace Luoshi.Documents;

/// <summary>
/// Web copies and WPS exports mix full-width and ASCII forms ("(一)" and "（一）", "," and "，",
/// "６月底前"). Folding maps each character to one form, one character for one, so every offset in the
/// folded text is the offset in the original: patterns run on the fold, titles are cut from the original.
/// </summary>
public static class WidthFold
{
    /// <summary>Full-width digits and letters become ASCII; ASCII punctuation becomes the Chinese form
    /// (except a comma or colon between digits: "1,000", "10:30"); the full-width stop "．" becomes ".".
    /// A text with nothing to fold is returned as it is.</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        char[]? chars = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];

            // Chinese characters and ASCII letters and digits, nearly all of a text, fold to themselves.
            if (c is > '?' and < '．' || c < '!')
            {
                continue;
            }

            var folded = c switch
            {
                >= '０' and <= '９' or >= 'Ａ' and <= 'Ｚ' or >= 'ａ' and <= 'ｚ' => (char)(c - '０' + '0'),
                '．' => '.',
                '(' => '（',
                ')' => '）',
                ';' => '；',
                '!' => '！',
                '?' => '？',
                ',' or ':' when !BetweenDigits(text, i) => c == ',' ? '，' : '：',
                _ => c,
            };
            if (folded != c)
            {
                chars ??= text.ToCharArray();
                chars[i] = folded;
            }
        }

        return chars is null ? text : new string(chars);
    }

    private static bool BetweenDigits(string text, int i) =>
        i > 0 && i + 1 < text.Length && IsDigit(text[i - 1]) && IsDigit(text[i + 1]);

    private static bool IsDigit(char c) => c is >= '0' and <= '9' or >= '０' and <= '９';
}
