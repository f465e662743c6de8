using Luoshi.Features.Lights;
using Luoshi.Features.Shared;
using MiniExcelLibs;

namespace Luoshi.Features.Projects;

/// <summary>项目台账 (one row per project, with the date of each stage) and the funnel, as a workbook.</summary>
internal static class ProjectWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Write(IReadOnlyList<ProjectRow> projects, Funnel funnel)
    {
        var names = ProjectStages.Names;
        var ledger = projects.Select((p, i) =>
        {
            var row = new Dictionary<string, object?>
            {
                ["序号"] = i + 1, ["项目名称"] = p.Title, ["投资方"] = p.Investor, ["投资额（万元）"] = p.Amount, ["所属产业"] = p.Industry,
                ["牵头科室"] = p.Section, ["责任人"] = p.Person, ["当前阶段"] = p.Stage,
            };
            for (var k = 0; k < names.Count; k++)
            {
                row[names[k] + "日期"] = Ui.Date(p.StageDates[k]);
            }

            row["投产/竣工目标"] = Ui.Date(p.DueDate);
            row["亮灯"] = p.Light.Chinese();
            row["说明"] = p.LightReason.Chinese();
            return row;
        }).ToList();
        var stages = funnel.Stages.Select(s => new Dictionary<string, object?>
        {
            ["阶段"] = s.Name, ["项目数"] = s.Reached, ["占意向比例"] = s.ShareOfIntents is { } share ? Math.Round(share, 4) : null,
            ["距上一阶段天数（中位数）"] = s.MedianDays,
        }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { ["项目台账"] = ledger, ["漏斗"] = stages, ["按责任人"] = Rows(funnel.ByPerson, "责任人"), ["按科室"] = Rows(funnel.BySection, "牵头科室") });
        return stream.ToArray();
    }

    private static List<Dictionary<string, object?>> Rows(IReadOnlyList<FunnelRow> rows, string who) => [.. rows.Select(r =>
    {
        var row = new Dictionary<string, object?> { [who] = r.Name };
        for (var k = 0; k < ProjectStages.Names.Count; k++)
        {
            row[ProjectStages.Names[k]] = r.Reached[k];
        }

        return row;
    })];
}
