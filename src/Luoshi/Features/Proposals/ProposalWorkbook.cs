using Luoshi.Features.Shared;
using MiniExcelLibs;

namespace Luoshi.Features.Proposals;

/// <summary>建议提案办理台账 of a year: one row per proposal, and a 统计 sheet with the figures.</summary>
internal static class ProposalWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string FileName(int year) => $"{year}年建议提案办理台账.xlsx";

    public static byte[] Write(IReadOnlyList<ProposalRow> rows)
    {
        var ledger = rows.Select((p, i) => new Dictionary<string, object?>
        {
            ["序号"] = i + 1, ["编号"] = p.Number, ["类别"] = p.Type, ["标题"] = p.Title, ["领衔人"] = p.Proposer, ["主办科室"] = p.Section, ["协办单位"] = p.CoHandlers,
            ["答复时限"] = Ui.Date(p.ReplyDue), ["答复日期"] = Ui.Date(p.FirstRepliedOn), ["是否按期"] = OnTime(p.OnTime), ["办理结果类别"] = p.ResultClass ?? "",
            ["满意度"] = p.Satisfaction ?? "", ["状态"] = p.Stage ?? "",
        }).ToList();
        var f = ProposalFigures.Of(rows);
        var figures = new List<Dictionary<string, object?>>
        {
            Line("建议提案总数", f.Total), Line("已答复", f.Replied), Line("应答复（已答复或已过答复时限）", f.Due), Line("按期答复", f.OnTime),
            Line("按期答复率", f.OnTimeRate), Line("A类（已解决或基本解决）", f.ClassA), Line("B类（正在解决或列入计划）", f.ClassB), Line("C类（以后解决或留作参考）", f.ClassC),
            Line("反馈满意度件数", f.Feedback), Line("满意", f.Satisfied), Line("基本满意", f.Basically), Line("不满意", f.Dissatisfied),
            Line("满意率（满意+基本满意）/反馈数", f.SatisfactionRate), Line("重新办理", f.ReHandled), Line("已办结", f.Closed),
        };
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { ["建议提案办理台账"] = ledger, ["统计"] = figures });
        return stream.ToArray();
    }

    public static string OnTime(bool? onTime) => onTime switch { true => "是", false => "否", null => "未到期" };

    private static Dictionary<string, object?> Line(string name, object? value) => new() { ["项目"] = name, ["数值"] = value };
}
