namespace Luoshi.Documents.Tests.Tables;

public sealed class DocxTableTests
{
    [Fact]
    public void EveryRowOfAWordTableIsATaskUnderTheTablesOwnHeadings()
    {
        var bytes = TableDocx.Build(mergedLeads: true);
        if (Environment.GetEnvironmentVariable("LUOSHI_WRITE_TABLE_DOCX") is { Length: > 0 } path)
        {
            // Regenerating the PDF fixture: convert this file with LibreOffice (see PdfTableTests).
            File.WriteAllBytes(path, TableDocx.Build(mergedLeads: false));
            File.WriteAllBytes(Path.ChangeExtension(path, null) + "-narrow.docx", TableDocx.Build(mergedLeads: false, narrowHead: true));
        }

        var outline = OutlineParser.Parse(DocumentReader.Read(new MemoryStream(bytes), "分解表.docx"));

        OutlineAssert.Items(outline.Items, "一、|产业发展", "二、|民生保障");
        var rows = outline.AllNodes().Where(n => n.Style == NumberingStyle.TableRow).ToList();
        Assert.Equal(TableDocx.RowCount, rows.Count);
        Assert.Equal(TableDocx.RowCount / 2, outline.Items[0].Children.Count);
        foreach (var (row, i) in rows.Select((r, i) => (r, i + 1)))
        {
            Assert.StartsWith(TableDocx.Task(i), row.Title, StringComparison.Ordinal);
            Assert.Equal(i.ToString(System.Globalization.CultureInfo.InvariantCulture), row.Number);
            Assert.Equal(i == 2 ? TableDocx.Lead(1) : TableDocx.Lead(i), row.Row!.Lead);
            Assert.Equal(TableDocx.Deadline(i), row.Row.Deadline);
        }

        // The tall task's twelve paragraphs are one task, not twelve.
        Assert.Contains("第12步", rows[TableDocx.TallRow - 1].Body, StringComparison.Ordinal);

        var drafts = DraftTaskExtractor.Extract(outline);
        Assert.Equal(TableDocx.RowCount, drafts.Count);
        Assert.Contains(new NamedUnit("区财政局", UnitRole.Cooperating), drafts[0].Units);
        Assert.Contains(new NamedUnit(TableDocx.Lead(1), UnitRole.Lead), drafts[1].Units);
        Assert.Equal(new DateOnly(2026, 2, 28), drafts[0].Deadlines[0].Date);
    }
}
