namespace Luoshi.Documents.Tests.Outlining;

/// <summary>Shapes of real notices, plans and speeches beyond the plain GB/T levels; the texts are made up.</summary>
public sealed class DocumentShapeTests
{
    [Fact]
    public void ASeriesAfterACommaInsideAParagraphIsSplitIntoItems()
    {
        var outline = OutlineAssert.Parse("""
            一、抓好项目建设
            会议要求，一要倒排工期，压实责任；二要强化调度，每月通报；三要严格验收。
            二、优化营商环境
            会议要求,一是精简材料,压缩时限;二是推行帮办代办。
            """);

        OutlineAssert.Items(outline.Items, "一、|抓好项目建设", "二、|优化营商环境");
        OutlineAssert.Items(outline.Items[0].Children, "一要|倒排工期，压实责任", "二要|强化调度", "三要|严格验收");
        OutlineAssert.Items(outline.Items[1].Children, "一是|精简材料,压缩时限", "二是|推行帮办代办");
    }

    [Fact]
    public void ALoneNumberAfterACommaIsText()
    {
        var outline = OutlineAssert.Parse("""
            一、加强协调
            各单位要统一思想，一要到底，不打折扣。
            二、强化督查
            """);

        OutlineAssert.Items(outline.Items, "一、|加强协调", "二、|强化督查");
        Assert.Empty(outline.Items[0].Children);
    }

    [Fact]
    public void ASpeechWithTwoSeriesUnderOneHeadingKeepsBoth()
    {
        var outline = OutlineAssert.Parse("""
            一、关于安全生产
            会议要求，一要全面排查隐患；二要落实值班制度。会议强调，一要压实企业主体责任；二要加强执法检查；三要做好应急准备。
            二、关于民生实事
            """);

        OutlineAssert.Items(outline.Items, "一、|关于安全生产", "二、|关于民生实事");
        OutlineAssert.Items(outline.Items[0].Children, "一要|全面排查隐患", "二要|落实值班制度", "一要|压实企业主体责任", "二要|加强执法检查", "三要|做好应急准备");
    }

    [Fact]
    public void ANoticeFollowedByItsAttachedPlanNumbersTheTwoApart()
    {
        var outline = OutlineAssert.Parse("""
            关于印发某某区2026年城市更新工作方案的通知
            各街道：
            一、高度重视。各单位要把城市更新摆上重要位置。
            二、精心组织。按方案要求抓好落实。
            三、及时报送。每季度末报送进展。
            附件
            某某区2026年城市更新工作方案
            一、总体要求
            （一）工作目标
            完成老旧小区改造30个。
            二、重点任务
            （一）推进老旧小区改造
            （二）完善配套设施
            """);

        OutlineAssert.Items(outline.Items, "一、|高度重视", "二、|精心组织", "三、|及时报送", "一、|总体要求", "二、|重点任务");
        OutlineAssert.Items(outline.Items[4].Children, "（一）|推进老旧小区改造", "（二）|完善配套设施");
        Assert.DoesNotContain("城市更新工作方案", outline.Items[2].Body, StringComparison.Ordinal);
    }

    [Fact]
    public void AForwardedDocumentUnderItsOwnTitleNumbersAgainWithoutTheWordAttachment()
    {
        var outline = OutlineAssert.Parse("""
            一、统一认识。
            二、加强领导。
            关于进一步做好安全生产工作的实施意见
            一、工作目标
            二、主要措施
            三、保障措施
            """);

        OutlineAssert.Items(outline.Items, "一、|统一认识", "二、|加强领导", "一、|工作目标", "二、|主要措施", "三、|保障措施");
    }

    [Fact]
    public void DecimalChaptersAfterATableOfContentsAreReadOnceInTheirTree()
    {
        var outline = OutlineAssert.Parse("""
            某某县突发事件总体应急预案
            目  录
            1 总则 ........................ 1
            1.1 编制目的 .................. 1
            1.2 适用范围 .................. 2
            2 组织体系 .................... 3
            2.1 指挥机构 .................. 3
            1 总则
            1.1 编制目的
            为有效应对各类突发事件，制定本预案。
            1.2 适用范围
            本预案适用于本县行政区域内的突发事件。
            2 组织体系
            2.1 指挥机构
            县政府成立应急指挥部，各成员单位按职责分工负责。
            2.1.1 指挥部组成
            总指挥由县长担任。
            2.1.2 指挥部职责
            （1）统一领导全县应急工作；
            （2）研究决定重大事项。
            2.2 工作机构
            """);

        OutlineAssert.Items(outline.Items, "1|总则", "2|组织体系");
        OutlineAssert.Items(outline.Items[0].Children, "1.1|编制目的", "1.2|适用范围");
        OutlineAssert.Items(outline.Items[1].Children, "2.1|指挥机构", "2.2|工作机构");
        OutlineAssert.Items(outline.Items[1].Children[0].Children, "2.1.1|指挥部组成", "2.1.2|指挥部职责");
        OutlineAssert.Items(outline.Items[1].Children[0].Children[1].Children, "（1）|统一领导全县应急工作", "（2）|研究决定重大事项");
        Assert.Equal(6, outline.Dropped.Count(d => d.Reason == "目录"));
        Assert.Equal(NumberingStyle.Decimal, outline.Items[1].Children[0].Children[0].Style);
    }

    [Fact]
    public void DecimalNumbersInTextAreNotChapters()
    {
        var outline = OutlineAssert.Parse("""
            一、发展目标
            1.5亿元用于设备更新。
            2 月份完成招标。
            3.2 以上的指标不再考核。
            二、保障措施
            """);

        OutlineAssert.Items(outline.Items, "一、|发展目标", "二、|保障措施");
        Assert.Empty(outline.Items[0].Children);
    }

    [Fact]
    public void AListWordedAsContentsWithoutItsRepeatIsKept()
    {
        var outline = OutlineAssert.Parse("""
            目录
            一、总体要求
            二、重点任务
            """);

        OutlineAssert.Items(outline.Items, "一、|总体要求", "二、|重点任务");
        Assert.DoesNotContain(outline.Dropped, d => d.Reason == "目录");
    }

    [Fact]
    public void AsciiAndFullWidthPunctuationReadAlike()
    {
        var ascii = OutlineAssert.Parse("""
            一、总体要求
            (一)工作目标
            (１)完成改造１００个,新增停车位2000个。
            (２)建成口袋公园5个。
            (二)工作原则
            """);

        OutlineAssert.Items(ascii.Items[0].Children, "(一)|工作目标", "(二)|工作原则");
        OutlineAssert.Items(ascii.Items[0].Children[0].Children, "(１)|完成改造１００个,新增停车位2000个", "(２)|建成口袋公园5个");
        Assert.Equal(NumberingStyle.ArabicParen, ascii.Items[0].Children[0].Children[0].Style);
    }
}
