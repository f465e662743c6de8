using System.Globalization;
using MiniExcelLibs;

namespace Luoshi.Features.Rectification;

/// <summary>意见建议清单, 问题清单 and 整改清单 in one workbook, in the columns offices use.</summary>
internal static class RectificationWorkbook
{
    public static byte[] Write(IReadOnlyList<OpinionRow> opinions, IReadOnlyList<ProblemRow> problems, Func<DateTime, DateTime> toLocal)
    {
        var opinionSheet = opinions.Select((o, i) => new Dictionary<string, object?>
        {
            ["序号"] = i + 1,
            ["回执号"] = o.Receipt,
            ["来源"] = o.Source.Chinese(),
            ["意见建议"] = o.Content,
            ["提出人"] = o.SubmitterName,
            ["收到时间"] = toLocal(o.ReceivedAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            ["归入问题"] = o.Problem,
        }).ToList();
        var problemSheet = problems.Select((p, i) => new Dictionary<string, object?>
        {
            ["序号"] = i + 1,
            ["问题"] = p.Title,
            ["类别"] = p.Category,
            ["责任领导"] = p.Leader,
            ["意见建议数"] = p.OpinionCount,
            ["整改措施数"] = p.Measures.Count,
            ["已完成"] = p.Done,
            ["销号情况"] = p.Closed ? "已销号" : "未销号",
        }).ToList();
        var measureSheet = problems.SelectMany(p => p.Measures.Select(m => (p, m))).Select((x, i) => new Dictionary<string, object?>
        {
            ["序号"] = i + 1,
            ["问题"] = x.p.Title,
            ["整改措施"] = x.m.Title,
            ["责任领导"] = x.p.Leader,
            ["责任科室"] = x.m.Section,
            ["责任人"] = x.m.Person,
            ["完成时限"] = x.m.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["完成情况"] = x.m.Progress,
            ["销号情况"] = x.m.CloseOut,
        }).ToList();
        var sheets = new Dictionary<string, object>
        {
            ["意见建议清单"] = opinionSheet,
            ["问题清单"] = problemSheet,
            ["整改清单"] = measureSheet,
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
    }
}
