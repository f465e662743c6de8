namespace Luoshi.Documents.Tests.Drafts;

public sealed class DraftTaskExtractorTests
{
    private const string Plan = """
        市科技局2026年工作要点
        一、强化创新主体
        （一）培育科技企业。新增50家高新技术企业，6月底前完成申报辅导。（牵头单位：高新科；配合单位：办公室）
        （二）加大研发投入。全社会研发投入增长15%。
        二、加强队伍建设
        党员集中学习不少于20学时，年底前完成。
        """;

    [Fact]
    public void EveryLeafAndEveryHeadingWithoutChildrenBecomesADraft()
    {
        var drafts = DraftTaskExtractor.Extract(OutlineParser.Parse(Plan));

        Assert.Equal(["一、 （一）", "一、 （二）", "二、"], drafts.Select(d => d.Path));
        Assert.Equal("培育科技企业", drafts[0].Title);
    }

    [Fact]
    public void ADraftCarriesItsTargetsDeadlinesAndUnits()
    {
        var draft = DraftTaskExtractor.Extract(OutlineParser.Parse(Plan))[0];

        Assert.Equal(new QuantTarget("新增50家", TargetOperator.Increase, 50m, "家", false) { Phrase = "新增50家高新技术企业" }, Assert.Single(draft.Targets));
        Assert.Equal(new DateOnly(2026, 6, 30), Assert.Single(draft.Deadlines).Date);
        Assert.Contains(new NamedUnit("高新科", UnitRole.Lead), draft.Units);
        Assert.Contains(new NamedUnit("办公室", UnitRole.Cooperating), draft.Units);
    }

    [Fact]
    public void ADraftPointsBackToItsSentenceInTheDocument()
    {
        var draft = DraftTaskExtractor.Extract(OutlineParser.Parse(Plan))[1];

        Assert.Equal("（二）加大研发投入。", draft.Source.Quote);
        Assert.StartsWith(draft.Source.Quote, Plan[draft.Source.Start..draft.Source.End], StringComparison.Ordinal);
        Assert.EndsWith("增长15%。", Plan[draft.Source.Start..draft.Source.End], StringComparison.Ordinal);
    }

    [Fact]
    public void AHeadingWithoutChildrenTakesItsBodyIntoAccount()
    {
        var draft = DraftTaskExtractor.Extract(OutlineParser.Parse(Plan))[2];

        Assert.Equal("≥", Assert.Single(draft.Targets).Symbol);
        Assert.Equal(new DateOnly(2026, 12, 31), Assert.Single(draft.Deadlines).Date);
    }
}
