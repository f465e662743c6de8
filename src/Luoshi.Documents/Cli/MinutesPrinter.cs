using System.Globalization;

namespace Luoshi.Documents;

/// <summary>The minutes as a person checks them: the meeting, then each decision with its units and deadline.</summary>
internal static class MinutesPrinter
{
    public static void Print(MeetingMinutes minutes, TextWriter output)
    {
        output.WriteLine($"纪要：{minutes.SourceName}");
        output.WriteLine($"会议：{minutes.MeetingName ?? "（未识别）"}{(minutes.MeetingDate is { } d ? d.ToString("（yyyy年M月d日）", CultureInfo.InvariantCulture) : "")}");
        output.WriteLine($"议定事项：{minutes.Items.Count} 项");
        foreach (var item in minutes.Items)
        {
            var draft = item.Draft;
            output.WriteLine();
            output.WriteLine($"第{item.Ordinal.ToString(CultureInfo.InvariantCulture)}项 {draft.Title}");
            Line(output, "牵头", draft.Units.Where(u => u.Role is UnitRole.Lead).Select(u => u.Name));
            Line(output, "负责", draft.Units.Where(u => u.Role is UnitRole.Responsible).Select(u => u.Name));
            Line(output, "配合", draft.Units.Where(u => u.Role is UnitRole.Cooperating).Select(u => u.Name));
            Line(output, "时限", draft.Deadlines.Select(x => x.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? x.Text));
            Line(output, "目标", draft.Targets.Select(t => t.Phrase));
        }
    }

    private static void Line(TextWriter output, string label, IEnumerable<string> values)
    {
        var list = values.ToList();
        if (list.Count > 0)
        {
            output.WriteLine($"  {label}：{string.Join("、", list)}");
        }
    }
}
