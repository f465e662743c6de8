namespace Luoshi.Documents.Tests.Seeds;

public sealed class SeedDraftTests
{
    [SharedDataTheory]
    [InlineData("seeds", "000_")]
    [InlineData("seeds", "001_")]
    [InlineData("seeds", "002_")]
    [InlineData("seeds", "003_")]
    [InlineData("seeds", "004_")]
    [InlineData("documents", "01_")]
    [InlineData("documents", "02_")]
    [InlineData("documents", "03_")]
    [InlineData("documents", "04_")]
    public void EveryDraftIsTracedToItsPlaceInTheDocument(string folder, string prefix)
    {
        var outline = SeedDocuments.Parse(folder, prefix);

        var drafts = DraftTaskExtractor.Extract(outline);

        Assert.NotEmpty(drafts);
        Assert.All(drafts, d =>
        {
            Assert.InRange(d.Source.Start, 0, d.Source.End);
            // A numbered item starts at its number; an item split from titled paragraphs at its title sentence.
            var head = d.Source.Quote.StartsWith(d.Number, StringComparison.Ordinal) ? d.Number : d.Title;
            Assert.StartsWith(head, outline.Text[d.Source.Start..d.Source.End], StringComparison.Ordinal);
            Assert.StartsWith(head, d.Source.Quote, StringComparison.Ordinal);
        });
    }

    [SharedDataFact]
    public void StudyPlanDraftsCarryTheStudyTargetsAndTheUnitsNamed()
    {
        var drafts = DraftTaskExtractor.Extract(SeedDocuments.Parse("seeds", "001_"));

        var study = drafts.Single(d => d.Path == "二、 2、");
        Assert.Contains(study.Targets, t => t is { Operator: TargetOperator.AtLeast, Value: 3m, Unit: "次" });
        Assert.Contains(study.Targets, t => t is { Operator: TargetOperator.AtLeast, Value: 20m, Unit: "学时" });
        Assert.Contains(new NamedUnit("局党组", UnitRole.Mentioned), study.Units);
        Assert.Contains(new NamedUnit("各处室", UnitRole.Mentioned), study.Units);
    }

    [SharedDataFact]
    public void HospitalOpinionDeadlinesCarryTheirWrittenYear()
    {
        var drafts = DraftTaskExtractor.Extract(SeedDocuments.Parse("documents", "01_"));

        var system = drafts.Single(d => d.Title == "建立考核信息系统");
        Assert.Equal([new DateOnly(2019, 3, 31), new DateOnly(2019, 6, 30)], system.Deadlines.Select(d => d.Date!.Value).Take(2));
    }

    [SharedDataFact]
    public void TheGovernmentWorkReportListsTheItemsOfEachHeadingAndLeavesTheReviewUnticked()
    {
        var drafts = DraftTaskExtractor.Extract(SeedDocuments.Parse("documents", "04_"));

        Assert.Equal(["提升科技创新能力", "加大企业创新激励力度", "增强制造业核心竞争力", "促进数字经济发展"],
            drafts.Where(d => d.Path.StartsWith("三、 （四） ", StringComparison.Ordinal)).Select(d => d.Title));
        Assert.All(drafts.Where(d => d.Path.StartsWith("一、", StringComparison.Ordinal) || d.Path.StartsWith("二、", StringComparison.Ordinal)), d =>
        {
            Assert.False(d.Ticked);
            Assert.NotNull(d.Reason);
            Assert.Empty(d.Targets);
        });
        Assert.All(drafts.Where(d => d.Path.StartsWith("三、", StringComparison.Ordinal)), d => Assert.True(d.Ticked, d.Title));
    }

    [SharedDataFact]
    public void ASpeechsCallsToGetThingsDoneAreNotTicked()
    {
        Assert.All(DraftTaskExtractor.Extract(SeedDocuments.Parse("seeds", "004_")), d => Assert.False(d.Ticked, d.Title));
    }
}
