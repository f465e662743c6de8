using System.Globalization;
using Luoshi.Features.Lights;
using Luoshi.Features.Shared.Workbooks;

namespace Luoshi.Features.Reviews;

/// <summary>
/// The review as a workbook: the task breakdown table and the figures per section, closed by a 合计
/// row. Written as a printed table is read: percentages as percentages, the light cells in their
/// colour, and each sheet printed landscape on A4, one page wide, with its heading row on every page.
/// </summary>
internal static class ReviewWorkbook
{
    public static byte[] Write(Review review)
    {
        var breakdown = new WorkbookSheet("任务分解表",
        [
            new("序号", 6), new("编号", 8), new("任务", 40), new("牵头领导", 10), new("牵头科室", 14), new("配合科室", 16), new("责任人", 10),
            new("量化目标", 12), new("完成时限", 12), new("最新进展", 50), new("完成百分比", 11), new("亮灯", 8), new("说明", 22),
        ]);
        foreach (var (r, i) in review.Rows.Select((r, i) => (r, i)))
        {
            breakdown.Rows.Add(
            [
                Cell.Number(i + 1), Cell.Text(r.Number), Cell.Text(r.Title), Cell.Text(r.Leader), Cell.Text(r.LeadSection), Cell.Text(r.Cooperating),
                Cell.Text(r.Person), Cell.Text(r.Target), Cell.Text(r.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), Cell.Text(r.LatestProgress),
                Cell.Percent(r.Percent / 100.0, decimals: false), Cell.Text(r.Light.Chinese(), FillOf(r.Light)), Cell.Text(r.Reason.Chinese()),
            ]);
        }

        var figures = new WorkbookSheet("科室统计",
        [
            new("牵头科室", 14), new("任务数", 8), new("已完成", 8), new("本期完成", 10), new("完成率", 10), new("绿灯", 8), new("黄灯", 8),
            new("红灯", 8), new("未开始", 8), new("本期报送", 10), new("逾期报送", 10),
        ]);
        foreach (var s in review.Sections)
        {
            figures.Rows.Add(FiguresRow(s.Section, s.Tasks, s.Done, s.DoneInPeriod, s.CompletionRate, s.Green, s.Yellow, s.Red, s.NotStarted, s.Reports, s.LateReports, bold: false));
        }

        // The bureau's totals under the sections (合计), the completion rate over all tasks, not an average of rates.
        var all = review.Sections;
        var tasks = all.Sum(x => x.Tasks);
        figures.Rows.Add(FiguresRow("合计", tasks, all.Sum(x => x.Done), all.Sum(x => x.DoneInPeriod), tasks == 0 ? 0 : (double)all.Sum(x => x.Done) / tasks,
            all.Sum(x => x.Green), all.Sum(x => x.Yellow), all.Sum(x => x.Red), all.Sum(x => x.NotStarted), all.Sum(x => x.Reports), all.Sum(x => x.LateReports), bold: true));
        List<WorkbookSheet> sheets = review.HasWorkPoints ? [breakdown, figures] : [];
        sheets.AddRange(review.Parts.Select(PartSheet));
        var attention = new WorkbookSheet("需督促事项", [new("类别", 14), new("事项", 40), new("牵头科室", 14), new("情况", 64)]);
        foreach (var part in review.Parts)
        {
            attention.Rows.AddRange(part.Attention.Select(a => new List<Cell> { Cell.Text(part.Title), Cell.Text(a.Title), Cell.Text(a.Section), Cell.Text(a.Note) }));
        }

        if (attention.Rows.Count > 0)
        {
            sheets.Add(attention);
        }

        return WorkbookWriter.Write(sheets);
    }

    /// <summary>A kind's section as a sheet of its own: its lines, then the 合计 line in bold; headings carry the unit.</summary>
    private static WorkbookSheet PartSheet(ReviewPart part)
    {
        var sheet = new WorkbookSheet(part.Title, [new(part.LineHeading, 16), .. part.Columns.Select(c => c.Format == ReviewFormat.Rate ? c.Heading : $"{c.Heading}（{c.Unit}）").Select(h => new Column(h, Math.Max(10, (h.Length * 2) + 2)))]);
        foreach (var line in part.Lines.Append(part.Total))
        {
            var bold = ReferenceEquals(line, part.Total);
            sheet.Rows.Add([Cell.Text(line.Label, bold: bold), .. part.Columns.Select((c, i) => line.Values[i] switch
            {
                null => Cell.Text("—", bold: bold),
                { } v when c.Format == ReviewFormat.Rate => Cell.Percent(Math.Round(v, 4), decimals: true, bold: bold),
                { } v when c.Format == ReviewFormat.Amount => Cell.Decimal(v, bold),
                { } v => Cell.Number(v, bold: bold),
            })]);
        }

        return sheet;
    }

    private static List<Cell> FiguresRow(string section, int tasks, int done, int doneInPeriod, double rate, int green, int yellow, int red, int notStarted, int reports, int late, bool bold) =>
    [
        Cell.Text(section, bold: bold), Cell.Number(tasks, bold: bold), Cell.Number(done, bold: bold), Cell.Number(doneInPeriod, bold: bold),
        Cell.Percent(Math.Round(rate, 4), decimals: true, bold: bold),
        // A count of lights is coloured only when there is something to see, as on the page.
        Cell.Number(green, green > 0 ? CellFill.Green : CellFill.None, bold), Cell.Number(yellow, yellow > 0 ? CellFill.Yellow : CellFill.None, bold),
        Cell.Number(red, red > 0 ? CellFill.Red : CellFill.None, bold), Cell.Number(notStarted, bold: bold), Cell.Number(reports, bold: bold), Cell.Number(late, bold: bold),
    ];

    private static CellFill FillOf(Light light) => light switch
    {
        Light.Red => CellFill.Red,
        Light.Yellow => CellFill.Yellow,
        Light.Green => CellFill.Green,
        _ => CellFill.None,
    };
}
