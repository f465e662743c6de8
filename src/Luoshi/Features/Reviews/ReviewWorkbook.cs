using Luoshi.Features.Lights;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;

namespace Luoshi.Features.Reviews;

/// <summary>The review as a workbook: the task breakdown table and the figures per section.</summary>
internal static class ReviewWorkbook
{
    public static byte[] Write(Review review)
    {
        var breakdown = review.Rows.Select((r, i) => new Dictionary<string, object?>
        {
            ["序号"] = i + 1,
            ["编号"] = r.Number,
            ["任务"] = r.Title,
            ["牵头领导"] = r.Leader,
            ["牵头科室"] = r.LeadSection,
            ["配合科室"] = r.Cooperating,
            ["责任人"] = r.Person,
            ["量化目标"] = r.Target,
            ["完成时限"] = r.Due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["最新进展"] = r.LatestProgress,
            ["完成百分比"] = r.Percent,
            ["亮灯"] = r.Light.Chinese(),
            ["说明"] = r.Reason.Chinese(),
        }).ToList();
        var figures = review.Sections.Select(s => new Dictionary<string, object?>
        {
            ["牵头科室"] = s.Section,
            ["任务数"] = s.Tasks,
            ["已完成"] = s.Done,
            ["本期完成"] = s.DoneInPeriod,
            ["完成率"] = Math.Round(s.CompletionRate, 4),
            ["绿灯"] = s.Green,
            ["黄灯"] = s.Yellow,
            ["红灯"] = s.Red,
            ["未开始"] = s.NotStarted,
            ["本期报送"] = s.Reports,
            ["逾期报送"] = s.LateReports,
        }).ToList();
        // The bureau's totals under the sections (合计), the completion rate over all tasks, not an average of rates.
        var s = review.Sections;
        var tasks = s.Sum(x => x.Tasks);
        figures.Add(new Dictionary<string, object?>
        {
            ["牵头科室"] = "合计", ["任务数"] = tasks, ["已完成"] = s.Sum(x => x.Done), ["本期完成"] = s.Sum(x => x.DoneInPeriod),
            ["完成率"] = tasks == 0 ? 0 : Math.Round((double)s.Sum(x => x.Done) / tasks, 4), ["绿灯"] = s.Sum(x => x.Green), ["黄灯"] = s.Sum(x => x.Yellow),
            ["红灯"] = s.Sum(x => x.Red), ["未开始"] = s.Sum(x => x.NotStarted), ["本期报送"] = s.Sum(x => x.Reports), ["逾期报送"] = s.Sum(x => x.LateReports),
        });
        // Widths a person can read without dragging columns: the task and its progress get room.
        var widths = new Dictionary<string, double> { ["任务"] = 40, ["最新进展"] = 50, ["说明"] = 22, ["配合科室"] = 16, ["牵头科室"] = 14, ["完成时限"] = 12, ["量化目标"] = 12 };
        var configuration = new MiniExcelLibs.OpenXml.OpenXmlConfiguration
        {
            DynamicColumns = [.. widths.Select(w => new DynamicExcelColumn(w.Key) { Width = w.Value })],
        };
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { ["任务分解表"] = breakdown, ["科室统计"] = figures }, configuration: configuration);
        return stream.ToArray();
    }
}
