using System.Globalization;
using System.Text.RegularExpressions;

namespace Luoshi.Documents;

/// <summary>
/// Quantitative targets: a verb of direction, a number, a unit, and perhaps 以上/以内/左右, read as
/// the whole clause with its subject ("全区固定资产投资增长15%左右"). A clause about a ratio or rate
/// of policy (加计扣除比例, 补助标准, 赤字率), public finance, an estimate or a comparison with last
/// year is not a target anyone is answerable for.
/// </summary>
internal static partial class TargetReader
{
    private const string Units = "个百分点|%|％|万亿元|亿元|万元|元|万人次|人次|万人|人|学时|课时|小时|次|家|个|项|篇|场|所|户|件|名|批|天|亿亩|万亩|亩|万吨|吨|公里|万千瓦|千瓦|倍";

    [GeneratedRegex(
        @"(?<op>不少于|不低于|不多于|不超过|不高于|至少|超过|高于|低于|达到|达|突破|新增|增加|增长|提高|提升|下降|降低|减少|压减|完成|实现|控制在|新建|建成|新认定|认定|培育|引进|新引进|举办)" +
        @"(?:(?<gap>[^，。；、,;\d\n]{0,15}?)(?<num>\d+(?:\.\d+)?)|(?<cnum>[一二三四五六七八九十两]{1,3}))\s*" +
        @"(?<unit>" + Units + @")(?<suf>以上|以内|以下|左右)?")]
    private static partial Regex WithVerb();

    [GeneratedRegex(@"(?<num>\d+(?:\.\d+)?)\s*(?<unit>" + Units + @")(?<suf>以上|以内|以下|左右)")]
    private static partial Regex WithSuffixOnly();

    [GeneratedRegex(@"比例|比重|税率|费率|赤字率|补助标准|补贴标准|收费标准|扣除|支出|转移支付|债券|预算|预计|估计|比去年|比上年|较上年|同比|去年|上年|已经|累计")]
    private static partial Regex NotACommitment();

    [GeneratedRegex(@"^(?:力争|确保|争取|努力|全力|计划|并且|并|同时|其中|要)+")]
    private static partial Regex Lead();

    private static readonly char[] ClauseEnds = [.. "，,。；;：:！!？?\n"];
    private const int LongestPhrase = 40;

    // Patterns run on the width fold (full-width digits, ASCII punctuation); the fold keeps every offset, so
    // the phrase is cut from the text as written.
    public static List<QuantTarget> Read(string text) => FirstMatches.Find(WidthFold.Fold(text), [WithVerb(), WithSuffixOnly()], m => ToTarget(m, text));

    // Verbs that also describe a state ("毕业生超过1000万人"): a target only where the sentence commits to it.
    [GeneratedRegex(@"^(?:超过|高于|低于|达|突破)$")]
    private static partial Regex StateVerb();

    [GeneratedRegex(@"力争|确保|争取|努力|目标|预期|要|必须|应当|计划")]
    private static partial Regex Commitment();

    private static readonly char[] SentenceEnds = [.. "。；;！!？?\n"];

    private static QuantTarget? ToTarget(Match m, string text)
    {
        var start = Back(text, m.Index, ClauseEnds);
        var end = Forward(text, m.Index + m.Length, ClauseEnds);
        var sentenceStart = Back(text, m.Index, SentenceEnds);
        var sentence = text.AsSpan(sentenceStart, Math.Max(end, m.Index + m.Length) - sentenceStart);
        if (NotACommitment().IsMatch(sentence) || (StateVerb().IsMatch(m.Groups["op"].Value) && !Commitment().IsMatch(sentence)))
        {
            return null;
        }

        var phrase = text[start..(end - start > LongestPhrase ? m.Index + m.Length : end)].Trim();
        phrase = Lead().Replace(phrase, "");
        return Number(m) is { } target ? target with { Phrase = phrase.Length > 0 ? phrase : target.Text } : null;
    }

    /// <summary>Where the clause or sentence before <paramref name="at"/> starts; an ASCII full stop counts unless it is a decimal point.</summary>
    private static int Back(string text, int at, char[] ends)
    {
        for (var i = at - 1; i >= 0; i--)
        {
            if (Array.IndexOf(ends, text[i]) >= 0 || IsFullStop(text, i))
            {
                return i + 1;
            }
        }

        return 0;
    }

    private static int Forward(string text, int from, char[] ends)
    {
        for (var i = from; i < text.Length; i++)
        {
            if (Array.IndexOf(ends, text[i]) >= 0 || IsFullStop(text, i))
            {
                return i;
            }
        }

        return text.Length;
    }

    private static bool IsFullStop(string text, int i) =>
        text[i] == '.' && !(i > 0 && char.IsAsciiDigit(text[i - 1]) && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]));

    private static QuantTarget? Number(Match m)
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
        "新增" or "增加" or "增长" or "提高" or "提升" or "新建" or "建成" or "新认定" or "认定" or "培育" or "引进" or "新引进" or "举办" => TargetOperator.Increase,
        "下降" or "降低" or "减少" or "压减" => TargetOperator.Decrease,
        _ => TargetOperator.Reach,
    };
}
