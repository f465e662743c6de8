using System.Globalization;
using System.Text.RegularExpressions;

namespace Luoshi.Documents;

/// <summary>A 会议纪要 read for its decisions: the meeting, and one draft per 议定事项.</summary>
public sealed record MeetingMinutes(string? Title, string? MeetingName, DateOnly? MeetingDate, string? Number, IReadOnlyList<MinutesItem> Items)
{
    /// <summary>"某某市人民政府常务会议纪要〔2026〕5号": how a task made from it names its source.</summary>
    public string SourceName => $"{Title ?? MeetingName ?? "会议纪要"}{Number}";
}

/// <summary>One 议定事项: its place in the minutes (第 <see cref="Ordinal"/> 项) and the draft made of it.</summary>
public sealed record MinutesItem(int Ordinal, DraftTask Draft)
{
    public string SourceLabel(MeetingMinutes minutes)
    {
        ArgumentNullException.ThrowIfNull(minutes);
        return $"{minutes.SourceName} 第{Ordinal.ToString(CultureInfo.InvariantCulture)}项";
    }
}

/// <summary>
/// Minutes number their decisions after "会议议定/会议决定/议定事项如下"; the units are named in the
/// sentence (由市科技局牵头，市财政局配合) and the deadline at its end (6月底前完成). Every decision is
/// something to do, so every draft is ticked; the attendance lines after the last one are not part of it.
/// </summary>
public static partial class MinutesReader
{
    [GeneratedRegex(@"会议(?:议定|决定|明确|同意|研究确定)|议定事项")]
    private static partial Regex DecisionsStart();

    [GeneratedRegex(@"[〔\[［(（]\s*(?:19|20)\d\d\s*[〕\]］)）]\s*\d{1,4}\s*号|第\s*\d{1,4}\s*[期号]")]
    private static partial Regex MinutesNumber();

    [GeneratedRegex(@"(?<y>(?:19|20)\d\d)年(?<m>\d{1,2})月(?<d>\d{1,2})日[^。\n]{0,40}?(?:召开|主持|举行)")]
    private static partial Regex MeetingDay();

    [GeneratedRegex(@"(?:召开|举行)了?(?<name>[^，,。；\n]{2,30}?会议)")]
    private static partial Regex MeetingName();

    [GeneratedRegex(@"^\s*(?:出席|列席|参加|请假|缺席|记录|抄送|主送|分送|发送)[:：]", RegexOptions.Multiline)]
    private static partial Regex Attendance();

    /// <summary>Whether the document reads as minutes, for the import to offer the minutes mode first.</summary>
    public static bool LooksLikeMinutes(Outline outline)
    {
        ArgumentNullException.ThrowIfNull(outline);
        return (outline.Title ?? "").Contains("纪要", StringComparison.Ordinal) || DecisionsStart().IsMatch(outline.Text);
    }

    public static MeetingMinutes Read(Outline outline)
    {
        ArgumentNullException.ThrowIfNull(outline);
        var text = outline.Text;
        var day = MeetingDay().Match(text);
        DateOnly? date = day.Success && DateOnly.TryParse($"{day.Groups["y"].Value}-{day.Groups["m"].Value}-{day.Groups["d"].Value}", CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
        var year = date?.Year ?? outline.Year;
        var decisions = DecisionsStart().Match(text) is { Success: true } start ? start.Index : 0;
        var context = new DraftTaskExtractor.Context(text, year, DraftTaskExtractor.FirstListedLeads(text));
        var items = new List<MinutesItem>();
        foreach (var node in outline.Items.Where(n => n.End > decisions))
        {
            var body = Attendance().Match(node.Body) is { Success: true } tail ? node.Body[..tail.Index].TrimEnd() : node.Body;
            var draft = DraftTaskExtractor.Draft(node.Number, node.Number, node.Title, body, $"{node.Heading}\n{body}", [], new SourceSpan(node.Start, node.End, node.Heading), context);
            items.Add(new MinutesItem(node.Ordinal, draft with { Ticked = true, Reason = null }));
        }

        return new MeetingMinutes(outline.Title, MeetingName().Match(text) is { Success: true } n ? n.Groups["name"].Value : null, date,
            MinutesNumber().Match(text) is { Success: true } number ? Normal(number.Value) : null, items);
    }

    // "[2026]5号" and "〔2026〕 5号" are written the way the office files them: 〔2026〕5号.
    private static string Normal(string number) =>
        string.Concat(number.Where(c => !char.IsWhiteSpace(c))).Replace('[', '〔').Replace('［', '〔').Replace('(', '〔').Replace('（', '〔')
            .Replace(']', '〕').Replace('］', '〕').Replace(')', '〕').Replace('）', '〕');
}
