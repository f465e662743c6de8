using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Luoshi.Documents;

/// <summary>
/// A .docx → text: one line per paragraph, Word's automatic numbering written out as the reader sees
/// it ("一、", "（一）"), and each table row as one line with its cells separated by tabs.
/// </summary>
internal static class DocxReader
{
    // A real plan is a few megabytes unpacked; much more means a zip bomb or a file of pictures.
    private const long MaxUnpackedBytes = 200L * 1024 * 1024;

    public static string Read(byte[] bytes)
    {
        try
        {
            GuardAgainstZipBomb(bytes);
            using var stream = new MemoryStream(bytes, writable: false);
            using var document = WordprocessingDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = MaxUnpackedBytes / 2 });
            var main = document.MainDocumentPart;
            var body = main?.Document?.Body ?? throw new DocumentReadException("这个 .docx 文件里没有正文，请检查后重新上传。");
            var numbering = new DocxNumbering(main!);
            var text = new StringBuilder();
            foreach (var element in body.Elements())
            {
                switch (element)
                {
                    case Paragraph paragraph:
                        text.Append(numbering.Label(paragraph)).Append(ParagraphText(paragraph)).Append('\n');
                        break;
                    case Table table:
                        AppendTable(table, text);
                        break;
                }
            }

            return text.ToString();
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or XmlException or IOException or InvalidOperationException or ArgumentException)
        {
            throw new DocumentReadException("这个 .docx 文件已损坏或不完整，请在 Word 中打开并重新保存后再上传。", e);
        }
    }

    private static void GuardAgainstZipBomb(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
        if (zip.Entries.Count > 10_000 || zip.Entries.Sum(e => e.Length) > MaxUnpackedBytes)
        {
            throw new DocumentReadException("这个 .docx 文件解压后过大，可能已损坏，请在 Word 中重新保存后再上传。");
        }
    }

    /// <summary>
    /// One line per row, cells separated by tabs. A cell merged down over several rows (a lead unit
    /// shared by three tasks) is repeated in each row it covers, so every row reads whole.
    /// </summary>
    private static void AppendTable(Table table, StringBuilder text)
    {
        var merged = new Dictionary<int, string>();
        foreach (var row in table.Elements<TableRow>())
        {
            var cells = new List<string>();
            var column = 0;
            foreach (var cell in row.Elements<TableCell>())
            {
                var own = string.Join(' ', cell.Descendants<Paragraph>().Select(ParagraphText)).Replace('\t', ' ').Replace('\n', ' ').Trim();
                var properties = cell.TableCellProperties;
                var verticalMerge = properties?.VerticalMerge;
                var continues = verticalMerge is not null && (verticalMerge.Val is null || verticalMerge.Val.Value == MergedCellValues.Continue);
                if (continues && column > 0)
                {
                    own = merged.GetValueOrDefault(column, own);
                }
                else if (verticalMerge is not null)
                {
                    merged[column] = own;
                }

                cells.Add(own);
                column += properties?.GridSpan?.Val?.Value ?? 1;
            }

            text.Append(string.Join('\t', cells)).Append('\n');
        }
    }

    private static string ParagraphText(Paragraph paragraph)
    {
        var text = new StringBuilder();
        foreach (var run in paragraph.Descendants<Run>())
        {
            foreach (var part in run.ChildElements)
            {
                _ = part switch
                {
                    Text t => text.Append(t.Text),
                    TabChar => text.Append('\t'),
                    Break or CarriageReturn => text.Append('\n'),
                    _ => text,
                };
            }
        }

        return text.ToString();
    }
}
