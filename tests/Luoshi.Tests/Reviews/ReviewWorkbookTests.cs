using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Luoshi.Features.Lights;
using Luoshi.Features.Reviews;
using Luoshi.Features.Shared.Workbooks;
using MiniExcelLibs;
using Cell = DocumentFormat.OpenXml.Spreadsheet.Cell;

namespace Luoshi.Tests.Reviews;

/// <summary>The review workbook as it prints: percent formats, light colours, landscape A4 one page wide with the heading row repeated.</summary>
public class ReviewWorkbookTests
{
    private static Review Sample()
    {
        var rows = new List<ReviewRow>
        {
            new(1, "1", "建设孵化器", "李局长", "科室甲", "", "张三", "", new DateOnly(2026, 11, 1), "推进中", 24, Light.Red, LightReason.TaskOverdue, null),
            new(2, "2", "组织科普活动", null, "科室乙", "科室甲", null, "50场", new DateOnly(2026, 12, 1), null, 60, Light.Yellow, LightReason.BehindSchedule, null),
            new(3, "3", "修订办法", null, "科室乙", "", null, "", new DateOnly(2026, 12, 20), null, 50, Light.Green, LightReason.OnTrack, null),
            new(4, "4", "编制规划", null, "科室乙", "", null, "", new DateOnly(2026, 10, 20), "已印发", 100, Light.Done, LightReason.Completed, new DateOnly(2026, 10, 18)),
        };
        var sections = new List<SectionFigures> { new("科室甲", 1, 0, 0, 0, 0, 1, 0, 1, 0), new("科室乙", 3, 1, 0, 1, 1, 0, 0, 2, 1) };
        return new Review("某某局", ReviewPeriod.Parse("2026-11")!, new DateOnly(2026, 11, 30), rows, sections);
    }

    private sealed record Shown(string Text, string? Format, string? Fill, bool Bold);

    /// <summary>Each cell of a sheet by its reference (A1), with its text or value, number format, fill colour and weight.</summary>
    private static Dictionary<string, Shown> Cells(SpreadsheetDocument document, string sheetName)
    {
        var workbook = document.WorkbookPart!;
        var strings = workbook.SharedStringTablePart!.SharedStringTable!.Elements<SharedStringItem>().Select(s => s.InnerText).ToList();
        var styles = workbook.WorkbookStylesPart!.Stylesheet!;
        var formats = styles.CellFormats!.Elements<CellFormat>().ToList();
        var fills = styles.Fills!.Elements<Fill>().ToList();
        var fonts = styles.Fonts!.Elements<Font>().ToList();
        var custom = styles.NumberingFormats?.Elements<NumberingFormat>().ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value!) ?? [];
        var sheet = workbook.Workbook!.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        return part.Worksheet!.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!, c =>
        {
            var xf = formats[(int)(c.StyleIndex?.Value ?? 0)];
            var id = xf.NumberFormatId?.Value ?? 0;
            var format = id switch { 0 => null, 1 => "0", 9 => "0%", _ => custom.GetValueOrDefault(id) };
            var text = c.DataType?.Value == CellValues.SharedString ? strings[int.Parse(c.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)] : c.CellValue!.Text;
            var fill = fills[(int)(xf.FillId?.Value ?? 0)].PatternFill?.ForegroundColor?.Rgb?.Value;
            return new Shown(text, format, fill, fonts[(int)(xf.FontId?.Value ?? 0)].Bold is not null);
        });
    }

    [Fact]
    public void PercentagesCarryAPercentFormatAndTheLightsTheirColour()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(ReviewWorkbook.Write(Sample())), false);
        var tasks = Cells(document, "任务分解表");
        Assert.Equal(("完成百分比", "亮灯"), (tasks["K1"].Text, tasks["L1"].Text));
        Assert.Equal(new Shown("0.24", "0%", null, false), tasks["K2"]);
        Assert.Equal(new Shown("红灯", null, "FFFFC7CE", false), tasks["L2"]);
        Assert.Equal("FFFFEB9C", tasks["L3"].Fill);
        Assert.Equal("FFC6EFCE", tasks["L4"].Fill);
        Assert.Equal(new Shown("已完成", null, null, false), tasks["L5"]);
        Assert.Equal(("1", "0%"), (tasks["K5"].Text, tasks["K5"].Format));

        var figures = Cells(document, "科室统计");
        Assert.Equal(("完成率", "0.0%"), (figures["E1"].Text, figures["E3"].Format));
        Assert.Equal("0.3333", figures["E3"].Text);
        Assert.Equal(new Shown("1", "0", "FFFFC7CE", false), figures["H2"]); // 科室甲 has a red light
        Assert.Null(figures["H3"].Fill); // 科室乙 none
        Assert.Equal(new Shown("合计", null, null, true), figures["A4"]);
        Assert.Equal(new Shown("0.25", "0.0%", null, true), figures["E4"]);
        Assert.True(figures["A1"].Bold);
    }

    [Fact]
    public void EachSheetPrintsLandscapeOnePageWideWithItsHeadingRowOnEveryPage()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(ReviewWorkbook.Write(Sample())), false);
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook!.Sheets!.Elements<Sheet>().ToList();
        var titles = workbook.Workbook.DefinedNames!.Elements<DefinedName>().Where(d => d.Name == "_xlnm.Print_Titles").ToDictionary(d => d.LocalSheetId!.Value, d => d.Text);
        for (var i = 0; i < sheets.Count; i++)
        {
            var worksheet = ((WorksheetPart)workbook.GetPartById(sheets[i].Id!)).Worksheet!;
            var setup = worksheet.GetFirstChild<PageSetup>()!;
            Assert.Equal((OrientationValues.Landscape, 9u, 1u, 0u), (setup.Orientation!.Value, setup.PaperSize!.Value, setup.FitToWidth!.Value, setup.FitToHeight!.Value));
            Assert.True(worksheet.GetFirstChild<SheetProperties>()!.PageSetupProperties!.FitToPage!.Value);
            Assert.Equal($"'{sheets[i].Name}'!$1:$1", titles[(uint)i]);
        }

        // Still an ordinary workbook to other readers: headed rows, numbers as numbers.
        using var stream = new MemoryStream(ReviewWorkbook.Write(Sample()));
        var figures = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "科室统计").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal("合计", figures[^1]["牵头科室"]);
        Assert.Equal(4.0, Convert.ToDouble(figures[^1]["任务数"], System.Globalization.CultureInfo.InvariantCulture));
    }
}
