using Luoshi.Data;
using Luoshi.Features.Lights;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using MiniExcelLibs;

namespace Luoshi.Features.Directives;

/// <summary>领导批示件台账: one row per 批示件 the viewer may see (restricted ones only for their readers).</summary>
internal static class DirectiveWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string FileName = "领导批示件台账.xlsx";

    public static async Task<byte[]> WriteAsync(LuoshiDb db, Viewer viewer, CancellationToken ct)
    {
        var rows = (await DirectiveList.LoadAsync(db, viewer, false, ct)).Select((d, i) => new Dictionary<string, object?>
        {
            ["序号"] = i + 1, ["文号"] = d.DocumentNumber, ["来文标题"] = d.SourceTitle, ["批示领导"] = d.Leader, ["批示日期"] = Ui.Date(d.InstructedOn),
            ["密级"] = d.Classification, ["牵头科室"] = d.Section, ["办理时限"] = Ui.Date(d.DueDate), ["批示轮次"] = d.Round, ["办理状态"] = d.State,
            ["亮灯"] = d.Light.Chinese(), ["说明"] = d.LightReason.Chinese(),
        }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { ["领导批示件台账"] = rows });
        return stream.ToArray();
    }
}
