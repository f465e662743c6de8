using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Luoshi.Features.Shared.Workbooks;

internal enum CellFill
{
    None = 0,
    Red = 1,
    Yellow = 2,
    Green = 3,
}

internal enum CellKind
{
    Text = 0,
    Number = 1,
    WholePercent = 2,
    Percent = 3,

    /// <summary>A calendar date, stored as Excel's day number and shown as 2026年11月30日: it sorts and filters as a date.</summary>
    Date = 4,
    Decimal = 5,
}

/// <summary>One cell: a text or a number, how it is shown, its fill and weight.</summary>
internal sealed record Cell(CellKind Kind, string? Content, double Value, CellFill Fill, bool Bold)
{
    public static Cell Text(string? text, CellFill fill = CellFill.None, bool bold = false) => new(CellKind.Text, text ?? "", 0, fill, bold);

    public static Cell Number(double value, CellFill fill = CellFill.None, bool bold = false) => new(CellKind.Number, null, value, fill, bold);

    /// <summary>A number shown with two decimals (an amount in 万元, hours).</summary>
    public static Cell Decimal(double value, bool bold = false) => new(CellKind.Decimal, null, value, CellFill.None, bold);

    /// <summary>A fraction (0.24) shown as 24% (or 24.0% with <paramref name="decimals"/>), so it still adds up and sorts as a number.</summary>
    public static Cell Percent(double fraction, bool decimals, bool bold = false) => new(decimals ? CellKind.Percent : CellKind.WholePercent, null, fraction, CellFill.None, bold);

    /// <summary>A date, or an empty text cell when there is none.</summary>
    public static Cell Date(DateOnly? date, CellFill fill = CellFill.None) => date is { } d
        ? new(CellKind.Date, null, d.DayNumber - ExcelEpoch.DayNumber, fill, false)
        : Text("", fill);

    // Excel's day 0 (its day 60 is the 1900 leap day that never was, so dates after March 1900 count from here).
    private static readonly DateOnly ExcelEpoch = new(1899, 12, 30);
}

internal sealed record Column(string Heading, double Width);

internal sealed record WorkbookSheet(string Name, IReadOnlyList<Column> Columns)
{
    public List<List<Cell>> Rows { get; } = [];
}

/// <summary>
/// Writes sheets of headed rows as an .xlsx with OpenXML: the styles MiniExcel cannot give (number
/// formats per cell, fills, print set-up). Each sheet prints landscape on A4, one page wide and as
/// many long as needed, its heading row repeated on every page and frozen on screen.
/// </summary>
internal static partial class WorkbookWriter
{
    // Fills: 0 and 1 are the two Excel requires; then the heading grey and the three lights (Excel's own light tints).
    private static readonly string[] FillColours = ["FFD9D9D9", "FFFFC7CE", "FFFFEB9C", "FFC6EFCE"];
    private const uint HeadingStyle = 1;
    private const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";
    private const uint PercentFormat = 164;
    private const uint DateFormat = 165;

    public static byte[] Write(IReadOnlyList<WorkbookSheet> sheets)
    {
        using var stream = new MemoryStream();
        using (var book = new Book(SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook), sharedStrings: true))
        {
            foreach (var sheet in sheets)
            {
                using var rows = book.Sheet(sheet.Name, sheet.Columns);
                foreach (var row in sheet.Rows)
                {
                    rows.Row(row);
                }
            }
        }

        return stream.ToArray();
    }

    /// <summary>A workbook being written: its sheets one after another, then the styles, the shared
    /// strings (when used) and the workbook part itself.</summary>
    private sealed class Book(SpreadsheetDocument document, bool sharedStrings) : IDisposable
    {
        private readonly WorkbookPart _workbook = document.AddWorkbookPart();
        private readonly SharedStrings? _strings = sharedStrings ? new SharedStrings() : null;
        private readonly Sheets _sheets = new();
        private readonly DefinedNames _titles = new();

        public SheetWriter Sheet(string name, IReadOnlyList<Column> columns)
        {
            var part = _workbook.AddNewPart<WorksheetPart>();
            var index = (uint)_sheets.ChildElements.Count;
            _sheets.Append(new Sheet { Name = name, SheetId = index + 1, Id = _workbook.GetIdOfPart(part) });
            // Print_Titles: the heading row on every printed page.
            _titles.Append(new DefinedName($"'{name}'!$1:$1") { Name = "_xlnm.Print_Titles", LocalSheetId = index });
            return new SheetWriter(OpenXmlWriter.Create(part), columns, _strings);
        }

        public void Dispose()
        {
            _workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            _strings?.WriteTo(_workbook.AddNewPart<SharedStringTablePart>());
            _workbook.Workbook = new Workbook(_sheets, _titles);
            document.Dispose();
        }
    }

    /// <summary>Written as a stream (SAX), not built as a tree: a review of 100,000 tasks is over a million
    /// cells, which as a document tree took seconds and hundreds of megabytes.</summary>
    private sealed class SheetWriter : IDisposable
    {
        private readonly OpenXmlWriter _writer;
        private readonly SharedStrings? _strings;
        private readonly DocumentFormat.OpenXml.Spreadsheet.Cell _cellTag = new();
        private readonly CellValue _valueTag = new();
        private readonly InlineString _inlineTag = new();
        private readonly DocumentFormat.OpenXml.Spreadsheet.Text _textTag = new();
        private uint _row = 1;

        public SheetWriter(OpenXmlWriter writer, IReadOnlyList<Column> columns, SharedStrings? strings)
        {
            (_writer, _strings) = (writer, strings);
            writer.WriteStartElement(new Worksheet());
            // The order of these elements is fixed by the schema.
            writer.WriteElement(new SheetProperties(new PageSetupProperties { FitToPage = true }));
            writer.WriteElement(new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0 }));
            writer.WriteElement(new Columns(columns.Select((c, i) => new DocumentFormat.OpenXml.Spreadsheet.Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = c.Width, CustomWidth = true })));
            writer.WriteStartElement(new SheetData());
            Write(columns.Select(c => Cell.Text(c.Heading)).ToList(), HeadingStyle);
        }

        public void Row(IReadOnlyList<Cell> cells) => Write(cells, null);

        private void Write(IReadOnlyList<Cell> cells, uint? style)
        {
            var rowIndex = _row++;
            _writer.WriteStartElement(new Row { RowIndex = rowIndex });
            for (var i = 0; i < cells.Count; i++)
            {
                var cell = cells[i];
                var text = cell.Kind == CellKind.Text;
                // Start and end tags with their attributes, one reused element each: building a cell object
                // per cell was most of the time.
                List<OpenXmlAttribute> attributes =
                [
                    new("r", "", Reference(i, rowIndex)),
                    new("s", "", (style ?? StyleOf(cell)).ToString(CultureInfo.InvariantCulture)),
                ];
                if (text)
                {
                    attributes.Add(new("t", "", _strings is null ? "inlineStr" : "s"));
                }

                _writer.WriteStartElement(_cellTag, attributes);
                if (text && _strings is null)
                {
                    _writer.WriteStartElement(_inlineTag);
                    _writer.WriteStartElement(_textTag, [new OpenXmlAttribute("xml", "space", XmlNamespace, "preserve")]);
                    _writer.WriteString(cell.Content!);
                    _writer.WriteEndElement();
                }
                else
                {
                    _writer.WriteStartElement(_valueTag);
                    _writer.WriteString(text
                        ? _strings!.IndexOf(cell.Content!).ToString(CultureInfo.InvariantCulture)
                        : cell.Value.ToString("R", CultureInfo.InvariantCulture));
                }

                _writer.WriteEndElement();
                _writer.WriteEndElement();
            }

            _writer.WriteEndElement();
        }

        public void Dispose()
        {
            _writer.WriteEndElement();
            _writer.WriteElement(new PrintOptions { HorizontalCentered = true });
            _writer.WriteElement(new PageMargins { Left = 0.4, Right = 0.4, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 });
            // A4 (9) landscape, one page wide, as many pages long as the rows need (0 = no limit).
            _writer.WriteElement(new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 });
            _writer.WriteElement(new HeaderFooter(new OddFooter("&C第 &P 页，共 &N 页")));
            _writer.WriteEndElement();
            _writer.Dispose();
        }
    }

    /// <summary>A1, B1 … Z1, AA1: the column letters of a zero-based column.</summary>
    internal static string Reference(int column, uint row)
    {
        var letters = "";
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters + row.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The cell format's index: 0 is the default, 1 the heading, then one per kind × fill × weight.</summary>
    private static uint StyleOf(Cell cell) => (uint)(2 + ((int)cell.Kind * 8) + ((int)cell.Fill * 2) + (cell.Bold ? 1 : 0));

    private static Stylesheet Styles()
    {
        var fonts = new Fonts(Font(bold: false), Font(bold: true));
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }));
        fills.Append(FillColours.Select(c => new Fill(new PatternFill(new ForegroundColor { Rgb = c }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid })));
        var thin = new Border(
            new LeftBorder(new Color { Indexed = 64 }) { Style = BorderStyleValues.Thin }, new RightBorder(new Color { Indexed = 64 }) { Style = BorderStyleValues.Thin },
            new TopBorder(new Color { Indexed = 64 }) { Style = BorderStyleValues.Thin }, new BottomBorder(new Color { Indexed = 64 }) { Style = BorderStyleValues.Thin },
            new DiagonalBorder());
        var borders = new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()), thin);
        var formats = new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 },
            new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center, WrapText = true })
            {
                FontId = 1, FillId = 2, BorderId = 1, ApplyFont = true, ApplyFill = true, ApplyBorder = true, ApplyAlignment = true,
            });
        foreach (var kind in Enum.GetValues<CellKind>())
        {
            foreach (var fill in Enum.GetValues<CellFill>())
            {
                foreach (var bold in new[] { false, true })
                {
                    // 1 = "0", 2 = "0.00", 9 = "0%" (built in), 164 = "0.0%" and 165 the formal date (below).
                    uint format = kind switch { CellKind.Number => 1, CellKind.Decimal => 2, CellKind.WholePercent => 9, CellKind.Percent => PercentFormat, CellKind.Date => DateFormat, _ => 0 };
                    formats.Append(new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = kind == CellKind.Text })
                    {
                        NumberFormatId = format, FontId = bold ? 1u : 0u, FillId = fill == CellFill.None ? 0u : (uint)fill + 2, BorderId = 1,
                        ApplyNumberFormat = format != 0, ApplyFont = bold, ApplyFill = fill != CellFill.None, ApplyBorder = true, ApplyAlignment = true,
                    });
                }
            }
        }

        return new Stylesheet(
            new NumberingFormats(
                new NumberingFormat { NumberFormatId = PercentFormat, FormatCode = "0.0%" },
                new NumberingFormat { NumberFormatId = DateFormat, FormatCode = "yyyy\"年\"m\"月\"d\"日\"" }) { Count = 2 },
            fonts, fills, borders,
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }),
            formats,
            new CellStyles(new CellStyle { Name = "常规", FormatId = 0, BuiltinId = 0 }));
    }

    private static Font Font(bool bold)
    {
        var font = new Font();
        if (bold)
        {
            font.Append(new Bold());
        }

        font.Append(new FontSize { Val = 11 }, new FontName { Val = "宋体" }, new FontFamilyNumbering { Val = 2 }, new FontScheme { Val = FontSchemeValues.None });
        return font;
    }

    /// <summary>Each distinct text once, in the order first used.</summary>
    private sealed class SharedStrings
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private readonly List<string> _texts = [];

        public int IndexOf(string text)
        {
            if (!_index.TryGetValue(text, out var i))
            {
                i = _index[text] = _texts.Count;
                _texts.Add(text);
            }

            return i;
        }

        public void WriteTo(SharedStringTablePart part)
        {
            using var writer = OpenXmlWriter.Create(part);
            writer.WriteStartElement(new SharedStringTable { UniqueCount = (uint)_texts.Count });
            foreach (var text in _texts)
            {
                writer.WriteElement(new SharedStringItem(new DocumentFormat.OpenXml.Spreadsheet.Text(text) { Space = SpaceProcessingModeValues.Preserve }));
            }

            writer.WriteEndElement();
        }
    }
}
