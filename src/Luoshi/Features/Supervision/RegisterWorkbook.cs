using Luoshi.Features.Shared.Workbooks;

namespace Luoshi.Features.Supervision;

/// <summary>
/// 督办台账 as a workbook: every row the register's filters select, not one page. Dates are real
/// Excel dates shown as 2026年11月30日 (they sort and filter as dates); 逾期 sheets stand out in red
/// and 办结 in green; 阅读情况 names who the sheet's notice went to and whether each read it (消息必达);
/// printed landscape, one page wide, the heading on every page.
/// </summary>
internal static class RegisterWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Excel's own limit less the heading and the line that says the rest was left out.</summary>
    public const int MaxRows = 1_048_574;

    private static readonly Column[] Columns =
    [
        new("序号", 7), new("督办单编号", 18), new("状态", 8), new("督办事项", 44), new("承办科室", 14), new("责任人", 10),
        new("来源", 11), new("发出日期", 16), new("反馈时限", 16), new("督办意见", 36), new("阅读情况", 30),
    ];

    public static Task WriteAsync(Stream output, IAsyncEnumerable<SheetRow> rows, CancellationToken ct, int limit = MaxRows) =>
        WorkbookWriter.WriteAsync(output, "督办台账", Columns, Cells(rows, ct), limit, ct);

    private static async IAsyncEnumerable<IReadOnlyList<Cell>> Cells(IAsyncEnumerable<SheetRow> rows, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var i = 0;
        await foreach (var r in rows.WithCancellation(ct))
        {
            var fill = r.View switch { SheetView.Overdue => CellFill.Red, SheetView.Closed => CellFill.Green, _ => CellFill.None };
            yield return
            [
                Cell.Number(++i), Cell.Text(r.Number), Cell.Text(r.View.Chinese(), fill, bold: r.View == SheetView.Overdue), Cell.Text(r.TaskName),
                Cell.Text(r.Section), Cell.Text(r.Responsible ?? ""), Cell.Text(r.Source == StepSource.Manual ? "办公室发起" : "自动"),
                Cell.Date(r.RaisedOn), Cell.Date(r.ReplyDueBy, r.View == SheetView.Overdue ? CellFill.Red : CellFill.None), Cell.Text(r.Message),
                Cell.Text(string.Join("；", r.Readers.Select(x => $"{x.Name} {x.Status}"))),
            ];
        }
    }
}
