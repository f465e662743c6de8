namespace Luoshi.Documents.Tests.Drafts;

public sealed class WidthFoldTests
{
    [Fact]
    public void FoldingKeepsEveryOffset()
    {
        const string text = "(一)完成１００个,时间10:30,金额1,000元;";
        var folded = WidthFold.Fold(text);

        Assert.Equal(text.Length, folded.Length);
        Assert.Equal("（一）完成100个，时间10:30，金额1,000元；", folded);
    }

    [Fact]
    public void UnitsDeadlinesAndTargetsReadFromAsciiAndFullWidthText()
    {
        var outline = OutlineParser.Parse("""
            2026年工作要点
            一、重点工作
            (一)推进老旧小区改造,完成改造不少于３０个。责任单位:区住房和城乡建设局;完成时限:２０２６年６月底前。
            (二)建设口袋公园。
            """);
        var draft = DraftTaskExtractor.Extract(outline)[0];

        Assert.Contains(draft.Units, u => u.Name == "区住房和城乡建设局" && u.Role == UnitRole.Responsible);
        Assert.Equal(new DateOnly(2026, 6, 30), Assert.Single(draft.Deadlines).Date);
        Assert.Equal(30m, Assert.Single(draft.Targets).Value);
    }
}
