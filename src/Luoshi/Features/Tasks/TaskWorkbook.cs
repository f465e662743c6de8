using Luoshi.Features.Lights;
using Luoshi.Features.Shared;
using MiniExcelLibs;

namespace Luoshi.Features.Tasks;

/// <summary>The task list as shown (filters and order), one row per task, as a workbook.</summary>
internal static class TaskWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <param name="rows">At most <paramref name="cap"/> + 1 rows; the one beyond the cap only says the list was cut.</param>
    public static byte[] Write(IReadOnlyList<TaskRow> rows, int cap, Func<DateTime, DateTime> toLocal)
    {
        var sheet = rows.Take(cap).Select((t, i) => new Dictionary<string, object?>
        {
            ["序号"] = i + 1, ["编号"] = t.Number, ["任务"] = t.Title, ["牵头科室"] = t.LeadSection, ["牵头领导"] = t.LeadLeader,
            ["责任人"] = t.ResponsiblePerson, ["开始日期"] = Ui.Date(t.StartDate), ["完成时限"] = Ui.Date(t.DueDate),
            ["进度（%）"] = t.ProgressPercent, ["亮灯"] = t.Light.Chinese(), ["说明"] = t.LightReason.Chinese(),
            ["最近报送"] = t.LastReportedAt is { } at ? toLocal(at).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) : null,
        }).ToList();
        var sheets = new Dictionary<string, object> { ["任务清单"] = sheet };
        if (rows.Count > cap)
        {
            sheets["说明"] = new[] { new Dictionary<string, object?> { ["说明"] = $"符合条件的任务超过{cap}项，只导出了前{cap}项，请缩小筛选范围后分批导出。" } };
        }

        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
    }
}
