namespace Luoshi.Documents.Tests.Seeds;

/// <summary>
/// The five real speeches and plans in ../shared/seeds, checked against what a careful reader sees.
/// Titles are given by their first words only: the documents' text stays out of the repository.
/// </summary>
public sealed class SeedOutlineTests
{
    [SharedDataFact]
    public void PartyLectureKeepsTheOneSectionLeftInThePreviewAndItsFiveMusts()
    {
        var outline = SeedDocuments.Parse("seeds", "000_");

        // The web preview cut out 802 characters, heading 二、 among them; its five "要" items follow 一、.
        OutlineAssert.Items(outline.Items, "一、|认清差距");
        OutlineAssert.Items(outline.Items[0].Children, "一要|进一步增强信心", "二要|进一步解放思想", "三要|进一步聚焦重点", "四要|进一步改进作风", "五要|进一步开拓创新");
        Assert.Contains(outline.Dropped, d => d.Reason == "网站生成的提纲");
        Assert.Contains(outline.Dropped, d => d.Text.Contains("点击下载全文", StringComparison.Ordinal));
        Assert.Contains(outline.Dropped, d => d.Text.StartsWith("预览结束", StringComparison.Ordinal));
        Assert.Equal(2020, outline.Year);
        SeedDocuments.AssertNoNoise(outline);
    }

    [SharedDataFact]
    public void StudyCampaignPlanHasFiveSectionsWithTheirNumberedSteps()
    {
        var outline = SeedDocuments.Parse("seeds", "001_");

        OutlineAssert.Items(outline.Items, "一、|扎实做好准备工作", "二、|有序组织学习培训", "三、|深入开展调查研究", "四、|深化解放思想讨论", "五、|切实加强组织领导");
        OutlineAssert.Items(outline.Items[0].Children, "1、|认真传达市委动员大会精神", "2、|结合实际制定实施方案");
        OutlineAssert.Items(outline.Items[1].Children, "1、|组织开好动员大会", "2、|认真开展专题学习", "3、|创新学习载体");
        OutlineAssert.Items(outline.Items[2].Children, "1、|广泛征求意见建议", "2、|深入开展专题调研", "3、|找准存在问题");
        OutlineAssert.Items(outline.Items[2].Children[0].Children, "一是|围绕", "二是|局领导班子", "三是|召开全市科技系统座谈会", "四是|向服务对象");
        Assert.Empty(outline.Items[3].Children);
        OutlineAssert.Items(outline.Items[4].Children, "1、|强化领导责任", "2、|坚持边学边查边改", "3、|注重分类指导");
        Assert.Equal(2009, outline.Year);
        Assert.Contains(outline.Dropped, d => d.Reason == "网站说明");
        SeedDocuments.AssertNoNoise(outline);
    }

    [SharedDataFact]
    public void CampaignSpeechHasTwoSectionsWithOrdinalsAndMusts()
    {
        var outline = SeedDocuments.Parse("seeds", "002_");

        OutlineAssert.Items(outline.Items, "一、|深刻认识开展创先争优活动的重大意义", "二、|精心组织");
        OutlineAssert.Items(outline.Items[0].Children, "第一|开展创先争优活动是巩固", "第二|开展创先争优活动是激发", "第三|开展创先争优活动是铸造");
        OutlineAssert.Items(outline.Items[1].Children, "一要|准确把握“五句话”的总体目标");
        Assert.Equal(10, outline.Dropped.Count(d => d.Reason == "相关文章列表"));
        Assert.Contains(outline.Dropped, d => d.Reason == "重复的标题");
        SeedDocuments.AssertNoNoise(outline);
    }

    [SharedDataFact]
    public void ScienceAssociationSpeechHasNineRunInSectionsAcrossPageBreaks()
    {
        var outline = SeedDocuments.Parse("seeds", "003_");

        OutlineAssert.Items(outline.Items,
            "一、|上档次", "二、|上质量", "三、|上能力", "四、|上品牌", "五、|上水平", "六、|上活动", "七、|上规模", "八、|上措施", "九、|上状态");
        OutlineAssert.Items(outline.Items[0].Children, "一是要|推动全社会", "二是要|面向经济建设主战场", "三是要|发挥广泛联系科技工作者的优势");
        OutlineAssert.Items(outline.Items[1].Children, "一是要|突出重点", "二是要|加强学习", "三是要|重心下移");
        OutlineAssert.Items(outline.Items[2].Children, "一要|提高改革创新的能力", "二要|提高组织协调能力", "三要|提高攻坚克难能力", "四要|提高综合调研的能力");
        Assert.Empty(outline.Items[3].Children);
        OutlineAssert.Items(outline.Items[4].Children, "一是要|认真组织好", "二是|注重重点学术活动的质量", "三要|进一步加强与海外科技界的学术交流");
        OutlineAssert.Items(outline.Items[5].Children, "一要|组织多形式的科普活动", "二要|组织多层次的学术活动", "三要|组织多渠道的科技人员交流活动", "四要|组织多内容的机关内部活动");
        OutlineAssert.Items(outline.Items[6].Children, "一要|抓大活动", "二要|搞大联合", "三要|大张旗鼓地宣传");
        OutlineAssert.Items(outline.Items[7].Children, "一是|在科普工作中上措施", "二是|在学会改革中上措施", "三是|在建家活动中上措施");
        OutlineAssert.Items(outline.Items[8].Children, "一是要|认识到科协工作", "二是要|以饱满的热情", "三是要|正确认识逆境和挫折");

        // Page 16 begins inside the heading "九、上状|态": the marker is dropped and the heading joined.
        Assert.Equal(Enumerable.Range(1, 16).Select(n => $"{n}、"), outline.Dropped.Where(d => d.Reason == "分页标记" && d.Text.EndsWith('、')).Select(d => d.Text));
        Assert.Equal(5, outline.Dropped.Count(d => d.Reason == "分页标记" && d.Text.StartsWith('第')));
        SeedDocuments.AssertNoNoise(outline);
    }

    [SharedDataFact]
    public void ImplementationSpeechHasSevenPointsOnGettingThingsDone()
    {
        var outline = SeedDocuments.Parse("seeds", "004_");

        OutlineAssert.Items(outline.Items,
            "一、|抓落实,必须保持", "二、|抓落实,必须鼓足", "三、|抓落实,必须弘扬", "四、|抓落实,必须制定", "五、|抓落实,必须善于", "六、|抓落实,必须持续", "七、|抓落实,必须不断增强");
        Assert.All(outline.Items, i => Assert.Empty(i.Children));
        Assert.DoesNotContain("谢谢大家", outline.Items[^1].Body, StringComparison.Ordinal);
        Assert.Contains(outline.Dropped, d => d.Reason == "网站生成的标题");
        Assert.Contains(outline.Dropped, d => d.Reason == "相关文章列表");
        SeedDocuments.AssertNoNoise(outline);
    }
}
