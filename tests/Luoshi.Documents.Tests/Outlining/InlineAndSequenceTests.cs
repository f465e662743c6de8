namespace Luoshi.Documents.Tests.Outlining;

public sealed class InlineAndSequenceTests
{
    [Fact]
    public void InlineRunsInOneParagraphAreSplitIntoSiblings()
    {
        var outline = OutlineAssert.Parse("我讲三点。一、上台阶，争先进位。二、上水平，补齐短板。三、上速度，提高效率。");

        OutlineAssert.Items(outline.Items, "一、|上台阶，争先进位", "二、|上水平，补齐短板", "三、|上速度，提高效率");
    }

    [Fact]
    public void InlineSpeechEnumerationsInOneParagraphAreSplitIntoChildren()
    {
        var outline = OutlineAssert.Parse("一、抓队伍，练内功。一要多学习。二要多调研；三要多总结。二、抓服务，优环境。一是减材料；二是压时限。");

        OutlineAssert.Items(outline.Items, "一、|抓队伍，练内功", "二、|抓服务，优环境");
        OutlineAssert.Items(outline.Items[0].Children, "一要|多学习", "二要|多调研", "三要|多总结");
        OutlineAssert.Items(outline.Items[1].Children, "一是|减材料", "二是|压时限");
    }

    [Fact]
    public void ASequenceThatRestartsAtEachParentIsNestedUnderEachParent()
    {
        var outline = OutlineAssert.Parse("""
            一、甲项
            1.甲的第一条
            2.甲的第二条
            二、乙项
            1.乙的第一条
            2.乙的第二条
            3.乙的第三条
            """);

        OutlineAssert.Items(outline.Items[0].Children, "1.|甲的第一条", "2.|甲的第二条");
        OutlineAssert.Items(outline.Items[1].Children, "1.|乙的第一条", "2.|乙的第二条", "3.|乙的第三条");
    }

    [Fact]
    public void ANumberingThatRunsOnAcrossParentsIsKept()
    {
        var outline = OutlineAssert.Parse("""
            （一）第一组
            1.事项甲
            2.事项乙
            （二）第二组
            3.事项丙
            4.事项丁
            """);

        OutlineAssert.Items(outline.Items[1].Children, "3.|事项丙", "4.|事项丁");
    }

    [Fact]
    public void AListInsideASentenceIsNotTakenAsHeadings()
    {
        var outline = OutlineAssert.Parse("""
            一、完善制度
            今年要修订1、2、3号文件，并把5.5%的增幅落到实处。
            二、加强考核
            """);

        OutlineAssert.Items(outline.Items, "一、|完善制度", "二、|加强考核");
        Assert.Empty(outline.Items[0].Children);
    }

    [Fact]
    public void ANumberThatNeitherContinuesNorStartsASequenceIsText()
    {
        var outline = OutlineAssert.Parse("""
            一、第一部分
            3.孤立的编号不是标题
            二、第二部分
            五、跳号也不是
            三、第三部分
            """);

        OutlineAssert.Items(outline.Items, "一、|第一部分", "二、|第二部分", "三、|第三部分");
        Assert.Empty(outline.Items[0].Children);
    }

    [Fact]
    public void AHigherLevelHeadingClosesTheLowerLevelsOpenBelowIt()
    {
        var outline = OutlineAssert.Parse("""
            一、总体
            （一）目标
            1.细目
            一是小点
            （二）原则
            二、保障
            """);

        OutlineAssert.Items(outline.Items[0].Children, "（一）|目标", "（二）|原则");
        OutlineAssert.Items(outline.Items[0].Children[0].Children[0].Children, "一是|小点");
    }

    [Fact]
    public void NodeOffsetsPointIntoTheOriginalText()
    {
        const string text = "到某某文库首页\r\n\r\n一、加快进度。全年完成。\r\n二、保证质量。\r\n";
        var outline = OutlineAssert.Parse(text);

        var second = outline.Items[1];
        Assert.Equal("二、保证质量。", text[second.Start..second.End]);
        Assert.StartsWith("一、加快进度", text[outline.Items[0].Start..], StringComparison.Ordinal);
    }

    [Fact]
    public void ASalutationInTheMiddleClosesTheNumberedPart()
    {
        var outline = OutlineAssert.Parse("""
            一、第一点
            正文。
            二、第二点
            正文。
            同志们，让我们共同努力。
            """);

        Assert.DoesNotContain("共同努力", outline.Items[1].Body, StringComparison.Ordinal);
    }
}
