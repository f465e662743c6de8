using System.Globalization;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Luoshi.Documents;

/// <summary>Word's w:numFmt values written out, for the formats Chinese documents use.</summary>
internal static class NumberFormats
{
    private const string Tiangan = "甲乙丙丁戊己庚辛壬癸";

    public static string Format(int value, NumberFormatValues? format)
    {
        if (format == NumberFormatValues.ChineseCounting || format == NumberFormatValues.ChineseCountingThousand
            || format == NumberFormatValues.JapaneseCounting || format == NumberFormatValues.TaiwaneseCounting
            || format == NumberFormatValues.ChineseLegalSimplified)
        {
            return ChineseNumeral.Format(value);
        }

        if (format == NumberFormatValues.IdeographTraditional && value is >= 1 and <= 10)
        {
            return Tiangan[value - 1].ToString();
        }

        if ((format == NumberFormatValues.DecimalEnclosedCircle || format == NumberFormatValues.DecimalEnclosedCircleChinese) && value is >= 1 and <= 20)
        {
            return ((char)('①' + value - 1)).ToString();
        }

        if ((format == NumberFormatValues.UpperLetter || format == NumberFormatValues.LowerLetter) && value is >= 1 and <= 26)
        {
            var letter = (char)('A' + value - 1);
            return (format == NumberFormatValues.LowerLetter ? char.ToLowerInvariant(letter) : letter).ToString();
        }

        if (format == NumberFormatValues.DecimalFullWidth || format == NumberFormatValues.DecimalFullWidth2)
        {
            return string.Concat(value.ToString(CultureInfo.InvariantCulture).Select(d => (char)(d - '0' + '０')));
        }

        return value.ToString(CultureInfo.InvariantCulture);
    }
}
