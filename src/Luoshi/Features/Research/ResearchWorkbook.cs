using Luoshi.Data;
using Luoshi.Features.Lights;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Luoshi.Features.Research;

/// <summary>调研课题台账 of a year: one row per topic with its stage, leader, report and what came of its
/// findings (the tasks they became, with their lights).</summary>
internal static class ResearchWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string FileName(int year) => $"{year}年调研课题台账.xlsx";

    public static async Task<byte[]> WriteAsync(LuoshiDb db, Viewer viewer, int year, CancellationToken ct)
    {
        var topics = await ResearchList.LoadAsync(db, viewer, year, null, ct);
        var ids = topics.Select(t => t.Id).ToList();
        var measures = (await (from f in db.ResearchFindings
                               join t in db.Tasks on f.ResultTaskId equals t.Id
                               where f.UnitId == viewer.UnitId && ids.Contains(f.TaskId)
                               orderby f.TaskId, f.Number
                               select new { f.TaskId, f.Number, t.Title, t.Light }).AsNoTracking().ToListAsync(ct))
            .GroupBy(m => m.TaskId).ToDictionary(g => g.Key, g => string.Join("；", g.Select(m => $"第{m.Number}条：{m.Title}（{m.Light.Chinese()}）")));
        var rows = topics.Select((t, i) => new Dictionary<string, object?>
        {
            ["序号"] = i + 1, ["课题名称"] = t.Title, ["牵头领导"] = t.Leader, ["牵头科室"] = t.Section, ["当前阶段"] = t.Stage, ["报告时限"] = Ui.Date(t.ReportDue),
            ["调研报告"] = t.ReportVersion is { } v ? $"第{v}版{t.ReportStatus}" : "未提交", ["走访次数"] = t.Visits, ["成果条数"] = t.Findings,
            ["转为任务"] = t.FindingTasks, ["任务已完成"] = t.FindingTasksDone, ["转化的任务"] = measures.GetValueOrDefault(t.Id, ""),
            ["办结时限"] = Ui.Date(t.CloseDue), ["是否办结"] = t.Closed ? "已办结" : "未办结", ["亮灯"] = t.Light.Chinese(), ["说明"] = t.LightReason.Chinese(),
        }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { ["调研课题台账"] = rows });
        return stream.ToArray();
    }
}
