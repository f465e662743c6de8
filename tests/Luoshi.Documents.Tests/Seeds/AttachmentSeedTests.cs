namespace Luoshi.Documents.Tests.Seeds;

/// <summary>Real documents that end with or forward another document.</summary>
public sealed class AttachmentSeedTests
{
    [SharedDataFact]
    public void TheAttachmentLineAfterTheLastSectionIsNotPartOfIt()
    {
        var outline = SeedDocuments.Parse("documents", "01_");

        var last = outline.AllNodes().Last();
        Assert.DoesNotContain("附件", outline.Text[last.Start..last.End], StringComparison.Ordinal);
        Assert.DoesNotContain("此件公开发布", last.Body, StringComparison.Ordinal);
    }

    [SharedDataFact]
    public void AForwardingNoticeLeavesTheForwardedOpinionsNumberingAlone()
    {
        var outline = SeedDocuments.Parse("documents", "02_");

        // The notice itself has no numbered items: the five sections are the opinion's, under its own title.
        Assert.Equal(5, outline.Items.Count);
        var title = outline.Text.LastIndexOf("关于清理整顿社会团体的意见", StringComparison.Ordinal);
        Assert.InRange(title, 1, outline.Items[0].Start);
    }
}
