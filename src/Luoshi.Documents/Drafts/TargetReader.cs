using System.Globalization;
using System.Text.RegularExpressions;

namespace Luoshi.Documents;

/// <summary>Quantitative targets: a verb of direction, a number, a unit, and perhaps 以上/以内/左右.</summary>
internal static partial class TargetReader
{
    private const string Units = "个百分点|%|％|万亿元|亿元|万元|元|万人次|人次|万人|人|学时|课时|小时|次|家|个|项|篇|场|所|户|件|名|批|天|万亩|亩|万吨|吨|公里|万千瓦|千瓦|倍";

    [GeneratedRegex(
        @"(?<op>不少于|不低于|不多于|不超过|不高于|至少|超过|高于|低于|达到|达|突破|新增|增加|增长|提高|提升|下降|降低|减少|压减|完成|实现|控制在)" +
        @"(?:(?<gap>[^，。；、,;\d\n]{0,15}?)(?<num>\d+(?:\.\d+)?)|(?<cnum>[一二三四五六七八九十两]{1,3}))\s*" +
        @"(?<unit>" + Units + @")(?<suf>以上|以内|以下|左右)?")]
    private static partial Regex WithVerb();

    [GeneratedRegex(@"(?<num>\d+(?:\.\d+)?)\s*(?<unit>" + Units + @")(?<suf>以上|以内|以下|左右)")]
    private static partial Regex WithSuffixOnly();

    public static List<QuantTarget> Read(string text) => FirstMatches.Find(WidthFold.Fold(text), [WithVerb(), WithSuffixOnly()], ToTarget);

    private static QuantTarget? ToTarget(Match m)
    {
        // A run of digits too long for a decimal is not a target anyone wrote.
        decimal? value = m.Groups["num"].Success
            ? decimal.TryParse(m.Groups["num"].ValueSpan, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed) ? parsed : null
            : ChineseNumeral.Parse(m.Groups["cnum"].ValueSpan);
        if (value is not decimal v)
        {
            return null;
        }

        var suffix = m.Groups["suf"].Value;
        var op = Direction(m.Groups["op"].Value);
        op = (op, suffix) switch
        {
            (null or TargetOperator.Reach, "以上") => TargetOperator.AtLeast,
            (null or TargetOperator.Reach, "以内" or "以下") => TargetOperator.AtMost,
            (null, _) => TargetOperator.About,
            _ => op,
        };
        var unit = m.Groups["unit"].Value == "％" ? "%" : m.Groups["unit"].Value;
        return new QuantTarget(m.Value, op.Value, v, unit, suffix == "左右");
    }

    private static TargetOperator? Direction(string verb) => verb switch
    {
        "" => null,
        "不少于" or "不低于" or "至少" or "超过" or "高于" or "突破" => TargetOperator.AtLeast,
        "不多于" or "不超过" or "不高于" or "低于" or "控制在" => TargetOperator.AtMost,
        "新增" or "增加" or "增长" or "提高" or "提升" => TargetOperator.Increase,
        "下降" or "降低" or "减少" or "压减" => TargetOperator.Decrease,
        _ => TargetOperator.Reach,
    };
}
