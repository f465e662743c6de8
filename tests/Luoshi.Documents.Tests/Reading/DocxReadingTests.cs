using System.IO.Compression;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Luoshi.Documents.Tests.Reading;

public sealed class DocxReadingTests
{
    [Fact]
    public void WordsAutomaticNumberingIsWrittenOutAsTheReaderSeesIt()
    {
        var bytes = DocxBuilder.Build(body => body.Append(
            DocxBuilder.Plain("年度工作安排"),
            DocxBuilder.Numbered(0, "夯实基础"),
            DocxBuilder.Numbered(1, "摸清底数。开展一次普查。"),
            DocxBuilder.Numbered(1, "建立台账。"),
            DocxBuilder.Numbered(0, "提升能力"),
            DocxBuilder.Numbered(1, "加强培训。"),
            DocxBuilder.Numbered(2, "每季度一次。")));

        var text = DocumentReader.Read(new MemoryStream(bytes), "plan.docx");

        Assert.Equal("年度工作安排\n一、夯实基础\n（一）摸清底数。开展一次普查。\n（二）建立台账。\n二、提升能力\n（一）加强培训。\n1.每季度一次。\n", text);
        var outline = OutlineParser.Parse(text);
        OutlineAssert.Items(outline.Items, "一、|夯实基础", "二、|提升能力");
        OutlineAssert.Items(outline.Items[0].Children, "（一）|摸清底数", "（二）|建立台账");
    }

    [Fact]
    public void TablesAreReadRowByRow()
    {
        var bytes = DocxBuilder.Build(body => body.Append(new Table(
            new TableRow(new TableCell(DocxBuilder.Plain("任务")), new TableCell(DocxBuilder.Plain("牵头单位"))),
            new TableRow(new TableCell(DocxBuilder.Plain("建设平台")), new TableCell(DocxBuilder.Plain("高新科"))))));

        Assert.Equal("任务\t牵头单位\n建设平台\t高新科\n", DocumentReader.Read(new MemoryStream(bytes), "t.docx"));
    }

    [Fact]
    public void ATruncatedDocxIsAClearError()
    {
        var bytes = DocxBuilder.Build(body => body.Append(DocxBuilder.Plain("内容")));

        var error = Assert.Throws<DocumentReadException>(() => DocumentReader.Read(new MemoryStream(bytes[..(bytes.Length / 2)]), "cut.docx"));
        Assert.Contains("损坏", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADocxThatUnpacksPastTheLimitIsRefusedBeforeItIsUnpacked()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 210; i++)
            {
                entry.Write(zeros);
            }
        }

        var error = Assert.Throws<DocumentReadException>(() => DocumentReader.Read(new MemoryStream(stream.ToArray()), "bomb.docx"));
        Assert.Contains("过大", error.Message, StringComparison.Ordinal);
    }
}
