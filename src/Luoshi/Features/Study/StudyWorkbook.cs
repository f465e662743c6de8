using Luoshi.Features.Lights;
using MiniExcelLibs;

namespace Luoshi.Features.Study;

internal sealed record SessionRow(long Id, int GroupId, string Group, DateOnly Date, StudyForm Form, string? Topic, string? Materials, string? Effect, int Minutes, string? Missing, IReadOnlyList<string> Attendees);

/// <summary>The ledger as offices file it: the sessions, each member's hours against the
/// requirement, and a sheet per group.</summary>
internal static class StudyWorkbook
{
    public static byte[] Write(Ledger ledger, IReadOnlyList<SessionRow> sessions)
    {
        var sheets = new Dictionary<string, object>
        {
            ["学习记录"] = sessions.Select(s => new Dictionary<string, object?>
            {
                ["日期"] = s.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["学习组"] = s.Group, ["形式"] = s.Form.Chinese(),
                ["主题"] = s.Topic, ["学习材料"] = s.Materials, ["参加人员"] = string.Join("、", s.Attendees), ["学时"] = s.Minutes / 60m,
                ["四落实"] = s.Missing is null ? "齐全" : "缺" + s.Missing,
            }).ToList(),
            ["个人学时"] = ledger.Members.Select(m => Member(m, ledger.Groups.FirstOrDefault(g => g.Id == m.GroupId)?.Name)).ToList(),
        };
        foreach (var g in ledger.Groups)
        {
            var rows = ledger.Members.Where(m => m.GroupId == g.Id).Select(m => Member(m, g.Name)).ToList();
            rows.Add(new Dictionary<string, object?>
            {
                ["学习组"] = "合计", ["姓名"] = $"{g.Members}人", ["科室"] = g.Section, ["参加次数"] = g.AllSessions, ["学时"] = null,
                ["要求学时"] = g.RequiredMinutes / 60m, ["应达学时"] = null, ["状态"] = $"集中学习{g.GroupSessions}/{g.RequiredSessions}次，完成{g.ProgressPercent}%，{g.Light.Chinese()}",
            });
            sheets[SheetName(g.Name, sheets.Keys)] = rows;
        }

        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
    }

    private static Dictionary<string, object?> Member(MemberTotal m, string? group) => new()
    {
        ["学习组"] = group, ["姓名"] = m.Name, ["科室"] = m.Section, ["参加次数"] = m.Sessions, ["学时"] = m.Minutes / 60m,
        ["要求学时"] = m.RequiredMinutes / 60m, ["应达学时"] = m.ExpectedMinutes / 60m, ["状态"] = m.Light == Light.Done ? "已达标" : m.Light == Light.Red ? "落后（红灯）" : "正常（绿灯）",
    };

    /// <summary>Excel allows 31 characters and no []:*?/\ in a sheet name, and names must differ.</summary>
    private static string SheetName(string name, IEnumerable<string> taken)
    {
        var clean = new string([.. name.Where(c => !"[]:*?/\\".Contains(c))]);
        clean = clean.Length > 28 ? clean[..28] : clean;
        var result = clean;
        for (var i = 2; taken.Contains(result); i++)
        {
            result = $"{clean}{i}";
        }

        return result;
    }
}
