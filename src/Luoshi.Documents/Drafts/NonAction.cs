using System.Text.RegularExpressions;

namespace Luoshi.Documents;

/// <summary>
/// Sections a 督查科 would not make a task of: they are shown in the review, unticked, with the
/// reason. 保障措施 (组织领导, 资金保障…) are actions and stay ticked.
/// </summary>
internal static partial class NonAction
{
    [GeneratedRegex(@"指导思想|总体思路")]
    private static partial Regex Guidance();

    [GeneratedRegex(@"(?:基本|工作)?原则$")]
    private static partial Regex Principles();

    [GeneratedRegex(@"总体要求|有关要求|工作要求|相关要求|政策取向")]
    private static partial Regex Requirements();

    [GeneratedRegex(@"^(?:发展|主要|工作|总体|预期)?目标(?:任务)?$")]
    private static partial Regex Goals();

    [GeneratedRegex(@"回顾|^过去一年|^(?:19|20)\d\d年工作(?:情况|总结)?$|主要成效|工作成绩")]
    private static partial Regex Review();

    [GeneratedRegex(@"指标体系|考核指标")]
    private static partial Regex Indicators();

    [GeneratedRegex(@"下列|以下(?:条件|情形|问题|要求)")]
    private static partial Regex ListOfConditions();

    // A speech's calls to attitude: "抓落实，必须……", "进一步增强信心", "以饱满的热情……".
    [GeneratedRegex(@"^抓落实|必须|^(?:进一步)?(?:增强信心|解放思想|改进作风|坚定信心)|^认识到|^正确认识|热情|斗志|精气神|事业心")]
    private static partial Regex Exhortation();

    // "开展……是……的现实需要": why something matters, not what to do.
    [GeneratedRegex(@"是[^，,。]{2,30}(?:需要|途径|要求|保证|基础|关键|前提|举措)$")]
    private static partial Regex Significance();

    /// <summary>Why the item is not an action, or null when it is one.</summary>
    public static string? Reason(string title, IReadOnlyList<string> ancestors, bool hasTargets)
    {
        var all = ancestors.Append(title).ToList();
        if (all.Any(t => Review().IsMatch(t)))
        {
            return "工作回顾，写的是已取得的成绩";
        }

        if (all.Any(t => Guidance().IsMatch(t)))
        {
            return "指导思想，不是具体任务";
        }

        if (all.Any(t => Principles().IsMatch(t)) || (title.StartsWith("坚持", StringComparison.Ordinal) && ancestors.Any(a => a.Contains("原则", StringComparison.Ordinal))))
        {
            return "基本原则，不是具体任务";
        }

        if (all.Any(t => Requirements().IsMatch(t)))
        {
            return "总体或有关要求，不是具体任务";
        }

        if (Goals().IsMatch(title) && !hasTargets)
        {
            return "目标表述，没有可考核的指标";
        }

        if (ancestors.Any(a => Indicators().IsMatch(a)))
        {
            return "指标说明，不是具体任务";
        }

        if (ancestors.Any(a => ListOfConditions().IsMatch(a)))
        {
            return "条件或情形清单，不是具体任务";
        }

        if (title.EndsWith("情况", StringComparison.Ordinal))
        {
            return "列举的检查内容，不是具体任务";
        }

        return Exhortation().IsMatch(title) ? "讲话中的号召，不是具体任务"
            : Significance().IsMatch(title) ? "讲的是意义，不是具体任务"
            : null;
    }
}
