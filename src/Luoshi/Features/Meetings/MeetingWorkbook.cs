using Luoshi.Features.Lights;
using Luoshi.Features.Shared;
using MiniExcelLibs;

namespace Luoshi.Features.Meetings;

/// <summary>议定事项落实情况表: one row per decision of a meeting the viewer may see.</summary>
internal static class MeetingWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string FileName(MeetingDto meeting) => $"{meeting.Name}纪要{meeting.MinutesNumber}议定事项落实情况表.xlsx";

    public static byte[] Write(MeetingDto meeting)
    {
        var rows = meeting.Decisions.Select(d => new Dictionary<string, object?>
        {
            ["序号"] = $"第{d.Number}项", ["议定事项"] = d.Text, ["牵头科室"] = d.Section, ["配合科室"] = string.Join("、", d.Cooperating), ["完成时限"] = Ui.Date(d.DueDate),
            ["进度"] = $"{d.ProgressPercent}%", ["落实情况"] = d.CompletedOn is { } done ? $"已办结（{Ui.Date(done)}）" : "推进中",
            ["亮灯"] = d.Light.Chinese(), ["说明"] = d.LightReason.Chinese(),
        }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { ["议定事项落实情况表"] = rows });
        return stream.ToArray();
    }
}
