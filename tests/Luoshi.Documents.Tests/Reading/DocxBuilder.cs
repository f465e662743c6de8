using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Luoshi.Documents.Tests.Reading;

/// <summary>Builds small .docx files in memory, with a two-level Chinese list as Word defines one.</summary>
internal static class DocxBuilder
{
    public const int ListId = 1;

    public static byte[] Build(Action<Body> fill)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body());
            var numbering = main.AddNewPart<NumberingDefinitionsPart>();
            numbering.Numbering = new Numbering(
                new AbstractNum(
                    Level(0, NumberFormatValues.ChineseCounting, "%1、"),
                    Level(1, NumberFormatValues.ChineseCounting, "（%2）"),
                    Level(2, NumberFormatValues.Decimal, "%3."))
                { AbstractNumberId = 0 },
                new NumberingInstance(new AbstractNumId { Val = 0 }) { NumberID = ListId });
            fill(main.Document.Body!);
        }

        return stream.ToArray();
    }

    public static Paragraph Numbered(int level, string text) =>
        new(
            new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = level }, new NumberingId { Val = ListId })),
            new Run(new Text(text)));

    public static Paragraph Plain(string text) => new(new Run(new Text(text)));

    private static Level Level(int index, NumberFormatValues format, string text) =>
        new(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = format }, new LevelText { Val = text }) { LevelIndex = index };
}
