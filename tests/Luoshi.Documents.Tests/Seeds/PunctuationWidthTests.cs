namespace Luoshi.Documents.Tests.Seeds;

/// <summary>
/// The seeds are web copies whose punctuation was turned into ASCII (",", ";", "(1)"); the State Council
/// documents are full-width. Each must read the same with its punctuation turned the other way.
/// </summary>
public sealed class PunctuationWidthTests
{
    public static TheoryData<string, string> Documents => new()
    {
        { "seeds", "000_" }, { "seeds", "001_" }, { "seeds", "002_" }, { "seeds", "003_" }, { "seeds", "004_" },
        { "documents", "01_" }, { "documents", "02_" }, { "documents", "03_" }, { "documents", "04_" },
    };

    [SharedDataTheory]
    [MemberData(nameof(Documents))]
    public void ADocumentReadsTheSameWithItsPunctuationInTheOtherWidth(string folder, string prefix)
    {
        var file = Directory.GetFiles(SharedData.Path(folder), prefix + "*").Single();
        var text = DocumentReader.Read(file);
        var other = folder == "seeds" ? ToFullWidth(text) : ToAscii(text);

        var expected = OutlineParser.Parse(text);
        var actual = OutlineParser.Parse(other);

        Assert.NotEqual(text, other);
        Assert.Equal(Shape(expected), Shape(actual));
        Assert.Equal(Drafts(expected), Drafts(actual));
    }

    private static List<string> Shape(Outline outline) =>
        [.. outline.AllNodes().Select(n => $"{n.Level}|{n.Style}|{n.Ordinal}|{WidthFold.Fold(n.Title)}")];

    private static List<string> Drafts(Outline outline) =>
        [.. DraftTaskExtractor.Extract(outline).Select(d =>
            $"{WidthFold.Fold(d.Path)}|{string.Join('、', d.Units.Select(u => $"{u.Name}:{u.Role}"))}|{string.Join('、', d.Deadlines.Select(x => x.Date))}|{string.Join('、', d.Targets.Select(x => x.Value))}")];

    private static string ToFullWidth(string text) => WidthFold.Fold(text);

    private static string ToAscii(string text) => new([.. text.Select(c => c switch
    {
        '，' => ',',
        '：' => ':',
        '；' => ';',
        '（' => '(',
        '）' => ')',
        _ => c,
    })]);
}
