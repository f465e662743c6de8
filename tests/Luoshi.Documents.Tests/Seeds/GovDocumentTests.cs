namespace Luoshi.Documents.Tests.Seeds;

/// <summary>The four State Council documents in ../shared/documents: their top-level structure.</summary>
public sealed class GovDocumentTests
{
    [SharedDataFact]
    public void HospitalAssessmentOpinionHasFiveSectionsAndDropsThePageMetadata()
    {
        var outline = SeedDocuments.Parse("documents", "01_");

        OutlineAssert.Items(outline.Items, "一、|总体要求", "二、|指标体系", "三、|支撑体系", "四、|考核程序", "五、|组织实施");
        Assert.Equal([3, 4, 4, 3, 5], outline.Items.Select(i => i.Children.Count));
        OutlineAssert.Items(outline.Items[0].Children, "（一）|指导思想", "（二）|基本原则", "（三）|工作目标");
        Assert.Equal("国务院办公厅关于加强三级公立医院绩效考核工作的意见", outline.Title);
        Assert.Equal(2019, outline.Year);
        Assert.Equal(15, outline.Dropped.Count(d => d.Reason == "网页元数据"));
    }

    [SharedDataFact]
    public void SocialOrganisationOpinionHasFourLevelsAndSplitsTheItemsOnOneLine()
    {
        var outline = SeedDocuments.Parse("documents", "02_");

        OutlineAssert.Items(outline.Items, "一、|清理整顿工作的指导思想", "二、|清理整顿的原则", "三、|清理整顿工作的主要内容", "四、|清理整顿工作的方法、步骤", "五、|清理整顿工作的组织领导");
        var kept = outline.Items[2].Children[1];
        Assert.Equal(10, kept.Children.Count);
        OutlineAssert.Items(kept.Children[^1].Children, "（1）|有专职工作人员", "（2）|有独立、固定的办公住所", "（3）|全国性社会团体");
        Assert.Equal(4, kept.Children[^1].Children[0].Level);
        Assert.Equal(1997, outline.Year);
    }

    [SharedDataFact]
    public void BondedZoneOpinionNumbersItsTwentyOneTasksStraightThroughTheFiveGroups()
    {
        var outline = SeedDocuments.Parse("documents", "03_");

        OutlineAssert.Items(outline.Items, "一、|指导思想", "二、|基本原则", "三、|发展目标", "四、|主要任务", "五、|有关要求");
        var tasks = outline.Items[3].Children;
        Assert.Equal([5, 4, 4, 3, 5], tasks.Select(t => t.Children.Count));
        Assert.Equal(Enumerable.Range(1, 21), tasks.SelectMany(t => t.Children).Select(c => c.Ordinal));

        var first = DraftTaskExtractor.Extract(outline).First(d => d.Number == "1.");
        Assert.Equal("拓展两个市场", first.Title);
        Assert.Equal([new NamedUnit("税务总局", UnitRole.Lead), new NamedUnit("财政部", UnitRole.Cooperating), new NamedUnit("海关总署", UnitRole.Cooperating)], first.Units.Take(3));
    }

    [SharedDataFact]
    public void GovernmentWorkReportWithBomAndCrlfHasThreePartsAndItsTargets()
    {
        var outline = SeedDocuments.Parse("documents", "04_");

        OutlineAssert.Items(outline.Items, "一、|2021年工作回顾", "二、|2022年经济社会发展总体要求和政策取向", "三、|2022年政府工作任务");
        Assert.Equal(8, outline.Items[0].Children.Count);
        Assert.Equal(9, outline.Items[2].Children.Count);
        Assert.Equal('一', outline.Text[outline.Items[0].Start]);
        Assert.Equal(2022, outline.Year);

        var targets = outline.Items[1].Body;
        var growth = TargetReader.Read(targets).First();
        Assert.Equal((TargetOperator.Increase, 5.5m, "%", true), (growth.Operator, growth.Value, growth.Unit, growth.Approximate));
    }
}
