using Luoshi.Features.Shared;
using MiniExcelLibs;

namespace Luoshi.Features.Supervision;

/// <summary>督办台账 as a workbook: the rows the register shows with its filters, every page of them.</summary>
internal static class RegisterWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Write(IReadOnlyList<SheetRow> rows)
    {
        var sheet = rows.Select((r, i) => new Dictionary<string, object?>
        {
            ["序号"] = i + 1, ["督办单编号"] = r.Number, ["督办事项"] = r.TaskName, ["承办科室"] = r.Section, ["责任人"] = r.Responsible ?? "",
            ["来源"] = r.Source == StepSource.Manual ? "办公室发起" : "自动", ["发出日期"] = Ui.Date(r.RaisedOn),
            ["反馈时限"] = Ui.Date(r.ReplyDueBy), ["状态"] = r.View.Chinese(), ["督办意见"] = r.Message ?? "",
        }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { ["督办台账"] = sheet });
        return stream.ToArray();
    }
}
