using System.IO.Compression;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Luoshi.Features.Shared.Workbooks;

internal static partial class WorkbookWriter
{
    private const string Relationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string OfficeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>
    /// One sheet whose rows come as they are read (a database query in chunks), written to
    /// <paramref name="output"/> as they come, so that memory stays flat however many rows there are:
    /// the zip is written forward (the SDK's package keeps every part in memory until it closes, and
    /// refuses a write-only one), and texts sit in their cells (no shared-string table to hold).
    /// <paramref name="limit"/> rows at most; a last line says when there were more.
    /// </summary>
    public static async Task WriteAsync(Stream output, string name, IReadOnlyList<Column> columns, IAsyncEnumerable<IReadOnlyList<Cell>> rows, int limit, CancellationToken ct)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        Entry(zip, "[Content_Types].xml", """
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>
            """);
        Entry(zip, "_rels/.rels", $"""<Relationships xmlns="{Relationships}"><Relationship Id="rId1" Type="{OfficeRelationships}/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        Entry(zip, "xl/_rels/workbook.xml.rels", $"""<Relationships xmlns="{Relationships}"><Relationship Id="rId1" Type="{OfficeRelationships}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{OfficeRelationships}/styles" Target="styles.xml"/></Relationships>""");
        var workbook = new Workbook(
            new Sheets(new Sheet { Name = name, SheetId = 1, Id = "rId1" }),
            new DefinedNames(new DefinedName($"'{name}'!$1:$1") { Name = "_xlnm.Print_Titles", LocalSheetId = 0 }));
        workbook.AddNamespaceDeclaration("r", OfficeRelationships);
        Entry(zip, "xl/workbook.xml", workbook);
        Entry(zip, "xl/styles.xml", Styles());

        await using var stream = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open();
        using var sheet = new SheetWriter(OpenXmlWriter.Create(stream), columns, null);
        var count = 0;
        await foreach (var row in rows.WithCancellation(ct))
        {
            if (count++ == limit)
            {
                sheet.Row([Cell.Text($"以上为前{limit}行，其余未导出：请加筛选条件分批导出", CellFill.Yellow, bold: true)]);
                break;
            }

            sheet.Row(row);
        }
    }

    private static void Entry(ZipArchive zip, string path, string xml)
    {
        using var writer = new StreamWriter(zip.CreateEntry(path, CompressionLevel.Fastest).Open(), new System.Text.UTF8Encoding(false));
        writer.Write("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>""");
        writer.Write(xml);
    }

    private static void Entry(ZipArchive zip, string path, OpenXmlElement root)
    {
        using var writer = XmlWriter.Create(zip.CreateEntry(path, CompressionLevel.Fastest).Open(), new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false), CloseOutput = true });
        writer.WriteStartDocument(standalone: true);
        root.WriteTo(writer);
    }
}
