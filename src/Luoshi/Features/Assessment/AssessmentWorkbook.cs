using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace Luoshi.Features.Assessment;

/// <summary>The assessment as a workbook: both rankings, every traced deduction, the adjustments and the 奖惩.</summary>
internal static class AssessmentWorkbook
{
    public static byte[] Write(AssessmentResult result, IReadOnlyList<AdjustmentLine> adjustments, IReadOnlyList<AwardLine> awards)
    {
        var deductions = result.Sections.SelectMany(s => s.Deductions.Select(d => ("科室", s.Name, d)))
            .Concat(result.People.SelectMany(p => p.Deductions.Select(d => ("个人", p.Name, d))))
            .Select(x => new Dictionary<string, object?>
            {
                ["对象"] = x.Item1, ["名称"] = x.Name, ["任务"] = x.d.Task, ["原因"] = x.d.Cause, ["日期"] = Shared.Ui.Date(x.d.On),
                ["扣分"] = x.d.FullPoints, ["承担"] = x.d.Points,
            }).ToList();
        var sheets = new Dictionary<string, object>
        {
            ["科室排名"] = Ranking(result.Sections, "科室"),
            ["个人排名"] = Ranking(result.People, "姓名"),
            ["扣分明细"] = deductions,
            ["加减分"] = adjustments.Select(a => new Dictionary<string, object?>
            {
                ["对象"] = a.Target, ["分值"] = a.Points, ["理由"] = a.Reason, ["评定人"] = a.GivenBy, ["时间"] = a.GivenAt,
            }).ToList(),
            ["奖惩"] = awards.Select(a => new Dictionary<string, object?>
            {
                ["对象"] = a.Target, ["类别"] = a.Kind, ["理由"] = a.Reason, ["登记人"] = a.GivenBy, ["时间"] = a.GivenAt,
            }).ToList(),
        };
        var widths = new Dictionary<string, double> { ["任务"] = 36, ["原因"] = 40, ["理由"] = 40, ["名称"] = 14, ["科室"] = 14, ["对象"] = 14, ["时间"] = 18 };
        var configuration = new OpenXmlConfiguration { DynamicColumns = [.. widths.Select(w => new DynamicExcelColumn(w.Key) { Width = w.Value })] };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, configuration: configuration);
        return stream.ToArray();
    }

    private static List<Dictionary<string, object?>> Ranking(IReadOnlyList<Score> scores, string nameHeader) =>
        [.. scores.Select(s => new Dictionary<string, object?>
        {
            ["名次"] = s.Rank, [nameHeader] = s.Name, ["任务数"] = s.Tasks, ["完成率"] = s.CompletionRate, ["及时性"] = s.TimelinessRate,
            ["质量"] = s.QualityRate, ["基础分"] = s.Base, ["自动扣分"] = s.Deducted, ["加分"] = s.Bonus, ["扣分"] = s.Penalty, ["超出下限未计"] = s.BeyondFloor, ["总分"] = s.Total,
        })];
}
