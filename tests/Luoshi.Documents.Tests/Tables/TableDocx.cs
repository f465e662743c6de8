using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Luoshi.Documents.Tests.Tables;

/// <summary>
/// A breakdown table as Word writes one: a head row repeated on every page, merged rows for the
/// table's own headings, a task cell of several paragraphs, and (optionally) a lead unit merged down
/// over two rows. The PDF fixture is this document (without merged units) printed by LibreOffice.
/// </summary>
internal static class TableDocx
{
    public static readonly string[] Units = ["区发展和改革局", "区住房和城乡建设局", "区城市管理局", "区教育局"];

    /// <summary>The row that is tall enough to break across a page in the PDF.</summary>
    public const int TallRow = 17;

    public const int RowCount = 24;

    public static string Task(int i) => $"推进第{i}批重点项目建设";

    public static string Lead(int i) => Units[i % Units.Length];

    public static string Cooperating(int i) => i % 3 == 0 ? "" : "区财政局、区自然资源局";

    public static string Deadline(int i) => $"2026年{(i % 12) + 1}月底前";

    /// <summary>The heading the rows from <paramref name="i"/> sit under: 一、 for the first half, 二、 for the rest.</summary>
    public static string Group(int i) => i <= RowCount / 2 ? "一、产业发展" : "二、民生保障";

    /// <param name="narrowHead">Narrow unit columns and centred heads, so "牵头单位" wraps onto two lines in print.</param>
    public static byte[] Build(bool mergedLeads, bool narrowHead = false)
    {
        var widths = narrowHead ? NarrowWidths : Widths;
        TableCell Cell(int column, params string[] paragraphs) => NewCell(widths[column], narrowHead && paragraphs.Length == 1 && paragraphs[0] is "序号" or "重点任务" or "牵头单位" or "配合单位" or "完成时限", paragraphs);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var table = new Table(
                new TableProperties(
                    new TableBorders(
                        new TopBorder { Val = BorderValues.Single, Size = 4 },
                        new BottomBorder { Val = BorderValues.Single, Size = 4 },
                        new LeftBorder { Val = BorderValues.Single, Size = 4 },
                        new RightBorder { Val = BorderValues.Single, Size = 4 },
                        new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
                        new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 }),
                    new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }),
                new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) })));
            table.Append(new TableRow(
                new TableRowProperties(new TableHeader()),
                Cell(0, "序号"), Cell(1, "重点任务"), Cell(2, "牵头单位"), Cell(3, "配合单位"), Cell(4, "完成时限")));
            for (var i = 1; i <= RowCount; i++)
            {
                if (i == 1 || Group(i) != Group(i - 1))
                {
                    var heading = Cell(0, Group(i));
                    heading.TableCellProperties!.Append(new GridSpan { Val = 5 });
                    table.Append(new TableRow(heading));
                }

                string[] task = i == TallRow
                    ? [Task(i) + "，", .. Enumerable.Range(1, 12).Select(n => $"第{n}步：完成项目清单梳理和现场核查工作；"), "年底前全部建成投用。"]
                    : [Task(i)];
                var lead = Cell(2, mergedLeads && i == 2 ? "" : Lead(i));
                if (mergedLeads && i <= 2)
                {
                    lead.TableCellProperties!.Append(new VerticalMerge { Val = i == 1 ? MergedCellValues.Restart : null });
                }

                table.Append(new TableRow(Cell(0, i.ToString(System.Globalization.CultureInfo.InvariantCulture)), Cell(1, task), lead, Cell(3, Cooperating(i)), Cell(4, Deadline(i))));
            }

            main.Document = new Document(new Body(
                new Paragraph(new Run(new Text("某某区2026年重点工作任务分解表"))),
                table,
                new Paragraph(new Run(new Text("以上任务由区政府督查室跟踪督办。")))));
        }

        return stream.ToArray();
    }

    private static readonly int[] Widths = [700, 3600, 1800, 1800, 1500];

    private static readonly int[] NarrowWidths = [600, 4300, 900, 1900, 1700];

    private static TableCell NewCell(int width, bool centred, string[] paragraphs) =>
        new([
            new TableCellProperties(new TableCellWidth { Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }),
            .. paragraphs.Select(p => new Paragraph(
                new ParagraphProperties(new Justification { Val = centred ? JustificationValues.Center : JustificationValues.Left }),
                new Run(new Text(p)))),
        ]);
}
