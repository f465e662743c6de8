namespace Luoshi.Documents.Tests.Drafts;

/// <summary>The drafts a 督查科 would keep: what is ticked, what is split, what each draft carries.</summary>
public sealed class DraftRulesTests
{
    private const string DistrictPlan = """
        某某区2026年科技创新工作实施方案
        一、指导思想
        坚持以创新驱动发展为引领，全面提升区域创新能力。
        二、基本原则
        （一）坚持企业主体。强化企业创新主体地位。
        （二）坚持问题导向。聚焦堵点难点，精准施策。
        三、主要目标
        到2026年底，全区创新能力明显提升。
        四、重点任务
        （一）培育科技型企业。力争全年新认定高新技术企业30家以上。
        责任单位:区科技局
        配合单位:区财政局、区市场监管局
        （二）扩大有效投资。全区固定资产投资增长15%左右，6月底前完成年度项目清单编制。(责任科室:规划科)
        五、保障措施
        （一）加强组织领导。成立领导小组，统筹推进各项任务。
        六、有关要求
        各单位要高度重视，按时报送进展情况。
        某某区人民政府办公室
        2026年11月20日
        """;

    private static IReadOnlyList<DraftTask> Drafts(string text) => DraftTaskExtractor.Extract(OutlineParser.Parse(text));

    private static DraftTask Titled(IReadOnlyList<DraftTask> drafts, string title) => drafts.Single(d => d.Title.StartsWith(title, StringComparison.Ordinal));

    [Theory]
    [InlineData("指导思想", "指导思想")]
    [InlineData("坚持企业主体", "基本原则")]
    [InlineData("坚持问题导向", "基本原则")]
    [InlineData("主要目标", "目标")]
    [InlineData("有关要求", "要求")]
    public void SectionsThatAreNotActionsAreShownUntickedWithTheReason(string title, string reason)
    {
        var draft = Titled(Drafts(DistrictPlan), title);

        Assert.False(draft.Ticked);
        Assert.Contains(reason, draft.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("培育科技型企业")]
    [InlineData("扩大有效投资")]
    [InlineData("加强组织领导")]
    public void TasksAndSafeguardMeasuresStayTicked(string title)
    {
        var draft = Titled(Drafts(DistrictPlan), title);

        Assert.True(draft.Ticked);
        Assert.Null(draft.Reason);
    }

    [Fact]
    public void GoalsThatHoldTargetsStayTicked()
    {
        var drafts = Drafts("一、主要目标\n全年技术合同成交额达到20亿元。\n二、重点任务\n做好申报。");

        Assert.True(Titled(drafts, "主要目标").Ticked);
    }

    [Fact]
    public void ResponsibleAndCooperatingUnitLinesAttachToTheirItem()
    {
        var draft = Titled(Drafts(DistrictPlan), "培育科技型企业");

        Assert.Contains(new NamedUnit("区科技局", UnitRole.Responsible), draft.Units);
        Assert.Contains(new NamedUnit("区财政局", UnitRole.Cooperating), draft.Units);
        Assert.Contains(new NamedUnit("区市场监管局", UnitRole.Cooperating), draft.Units);
    }

    [Fact]
    public void ABracketWithAsciiPunctuationNamesTheItemsSection()
    {
        var draft = Titled(Drafts(DistrictPlan), "扩大有效投资");

        Assert.Contains(new NamedUnit("规划科", UnitRole.Responsible), draft.Units);
        Assert.Equal("全区固定资产投资增长15%左右", Assert.Single(draft.Targets).Phrase);
    }

    [Fact]
    public void TheDocumentsOwnDateIsNeverADeadline()
    {
        var draft = Titled(Drafts(DistrictPlan), "有关要求");

        Assert.Empty(draft.Deadlines);
    }

    [Fact]
    public void AReviewOfLastYearIsUntickedAndItsResultsAreNotTargets()
    {
        var drafts = Drafts("""
            一、2025年工作回顾
            一是企业培育成效明显，新增高新技术企业50家。
            二是研发投入增长12%。
            二、2026年重点工作
            （一）培育企业。力争新增高新技术企业60家。
            """);

        Assert.All(drafts.Where(d => d.Path.StartsWith("一、", StringComparison.Ordinal)), d =>
        {
            Assert.False(d.Ticked);
            Assert.Empty(d.Targets);
        });
        Assert.True(Titled(drafts, "培育企业").Ticked);
    }

    [Fact]
    public void ASpeechsExhortationsAreNotTasks()
    {
        var drafts = Drafts("""
            一、抓落实，必须保持奋发进取的事业心。大家要……
            二、抓落实，必须制定具体明确的责任目标。要……
            """);

        Assert.All(drafts, d => Assert.False(d.Ticked));
    }

    [Fact]
    public void ConditionsListedUnderAHeadingAreNotTasks()
    {
        var drafts = Drafts("""
            一、符合下列要求的社会团体予以保留
            1.有规范的名称。
            2.有稳定的经费来源。
            二、对未经登记擅自活动的，劝其停止活动。
            """);

        Assert.All(drafts.Where(d => d.Path.StartsWith("一、", StringComparison.Ordinal)), d => Assert.False(d.Ticked));
        Assert.True(drafts[^1].Ticked);
    }

    [Fact]
    public void TitledParagraphsUnderAHeadingBecomeSeparateDrafts()
    {
        const string Report = """
            （一）深入实施创新驱动发展战略。推进科技创新，依靠创新提高发展质量。
            提升科技创新能力。实施基础研究十年规划，加强长期稳定支持。
            加大企业创新激励力度。强化企业创新主体地位。
            要加强知识产权保护，促进成果转化。
            促进数字经济发展。建设数字信息基础设施。
            """;
        var drafts = Drafts(Report);

        Assert.Equal(["提升科技创新能力", "加大企业创新激励力度", "促进数字经济发展"], drafts.Select(d => d.Title));
        Assert.Equal("（一） 2", drafts[1].Path);
        // A paragraph that does not open with a title belongs to the item before it.
        Assert.Contains("知识产权保护", drafts[1].Body, StringComparison.Ordinal);
        Assert.StartsWith("加大企业创新激励力度。", Report[drafts[1].Source.Start..drafts[1].Source.End], StringComparison.Ordinal);
    }

    [Fact]
    public void AHeadingWithOneParagraphIsNotSplit()
    {
        var drafts = Drafts("（一）提高病案首页质量。各地要加强质量控制。确保数据真实。");

        Assert.Equal("提高病案首页质量", Assert.Single(drafts).Title);
    }

    [Fact]
    public void ABracketWithAsciiColonsAndSemicolonsGivesTheLeadAndCooperatingUnits()
    {
        var draft = Assert.Single(Drafts("(一)实施研发后补助.第二季度末前完成兑现.(牵头单位:县科技局;配合单位:县财政局)\n"));

        Assert.Contains(new NamedUnit("县科技局", UnitRole.Lead), draft.Units);
        Assert.Contains(new NamedUnit("县财政局", UnitRole.Cooperating), draft.Units);
    }
}
