namespace Luoshi.Documents.Tests.Tables;

/// <summary>
/// Fixtures/breakdown-table.pdf is <see cref="TableDocx"/> (without merged leads) printed by LibreOffice:
/// LUOSHI_WRITE_TABLE_DOCX=/tmp/t.docx dotnet test --filter DocxTable, then
/// soffice --headless --convert-to pdf /tmp/t.docx (and /tmp/t-narrow.docx). Its cells wrap (区住房和城乡建 /
/// 设局), the head row repeats on page 2, and row 17 runs across the page break; in the narrow print the
/// heads are centred and wrap too (牵头单 / 位).
/// </summary>
public sealed class PdfTableTests
{
    private static string FixtureNamed(string name) => Path.Combine(AppContext.BaseDirectory, "Tables", "Fixtures", name);

    [Theory]
    [InlineData("breakdown-table.pdf")]
    [InlineData("breakdown-table-narrow.pdf")]
    public void EveryRowOfAPrintedTableIsATaskWithItsWrappedCellsWhole(string fixture)
    {
        var outline = OutlineParser.Parse(DocumentReader.Read(FixtureNamed(fixture)));

        OutlineAssert.Items(outline.Items, "一、|产业发展", "二、|民生保障");
        var rows = outline.AllNodes().Where(n => n.Style == NumberingStyle.TableRow).ToList();
        Assert.Equal(Enumerable.Range(1, TableDocx.RowCount).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), rows.Select(r => r.Number));
        foreach (var (row, i) in rows.Select((r, i) => (r, i + 1)))
        {
            Assert.StartsWith(Squeeze(TableDocx.Task(i)), Squeeze(row.Title), StringComparison.Ordinal);
            Assert.Equal(TableDocx.Lead(i), row.Row!.Lead);
            Assert.Equal(Squeeze(TableDocx.Deadline(i)), Squeeze(row.Row.Deadline));
            Assert.Equal(TableDocx.Cooperating(i), row.Row.Cooperating);
        }

        Assert.Equal(TableDocx.RowCount / 2, outline.Items[1].Children.Count);
    }

    [Theory]
    [InlineData("breakdown-table.pdf")]
    [InlineData("breakdown-table-narrow.pdf")]
    public void ARowBrokenAcrossThePageReadsWholeWithoutTheRepeatedHead(string fixture)
    {
        var outline = OutlineParser.Parse(DocumentReader.Read(FixtureNamed(fixture)));

        var tall = outline.AllNodes().Single(n => n.Style == NumberingStyle.TableRow && n.Number == TableDocx.TallRow.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var task = Squeeze(tall.Row!.Task);
        Assert.Equal(Enumerable.Range(1, 12), Enumerable.Range(1, 12).Where(n => task.Contains($"第{n}步：完成项目清单梳理和现场核查工作；", StringComparison.Ordinal)));
        Assert.EndsWith("年底前全部建成投用。", task, StringComparison.Ordinal);
        Assert.DoesNotContain("序号", task, StringComparison.Ordinal);

        var draft = DraftTaskExtractor.Extract(outline).Single(d => d.Source.Start == tall.Start);
        Assert.Contains(new NamedUnit(TableDocx.Lead(TableDocx.TallRow), UnitRole.Lead), draft.Units);
        Assert.Equal(new DateOnly(2026, 6, 30), draft.Deadlines[0].Date);
    }

    private static string Squeeze(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c)));
}
