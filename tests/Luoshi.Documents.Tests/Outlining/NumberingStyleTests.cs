namespace Luoshi.Documents.Tests.Outlining;

public sealed class NumberingStyleTests
{
    [Fact]
    public void TheFourGbtLevelsNestInOrder()
    {
        var outline = OutlineAssert.Parse("""
            一、总的要求
            （一）目标。到年底把服务做细。
            1.第一件事。先摸清情况。
            （1）走访企业；（2）整理名单。
            2.第二件事。
            （二）原则。
            二、工作安排
            """);

        OutlineAssert.Items(outline.Items, "一、|总的要求", "二、|工作安排");
        OutlineAssert.Items(outline.Items[0].Children, "（一）|目标", "（二）|原则");
        OutlineAssert.Items(outline.Items[0].Children[0].Children, "1.|第一件事", "2.|第二件事");
        OutlineAssert.Items(outline.Items[0].Children[0].Children[0].Children, "（1）|走访企业", "（2）|整理名单");
        Assert.Equal([1, 2, 3, 4], new[] { outline.Items[0], outline.Items[0].Children[0], outline.Items[0].Children[0].Children[0], outline.Items[0].Children[0].Children[0].Children[0] }.Select(n => n.Level));
    }

    [Fact]
    public void HalfWidthBracketsAndTheOtherArabicSeparatorsAreHeadingsToo()
    {
        var outline = OutlineAssert.Parse("""
            一、准备
            (一)动员
            1、开会
            2．发文
            3.检查
            (1)抽查一次
            (2)通报结果
            """);

        var first = outline.Items[0].Children[0];
        Assert.Equal(NumberingStyle.ChineseParen, first.Style);
        OutlineAssert.Items(first.Children, "1、|开会", "2．|发文", "3.|检查");
        Assert.All(first.Children, c => Assert.Equal(NumberingStyle.ArabicDot, c.Style));
        OutlineAssert.Items(first.Children[2].Children, "(1)|抽查一次", "(2)|通报结果");
    }

    [Fact]
    public void SpeechEnumerationsAreRecognised()
    {
        var outline = OutlineAssert.Parse("""
            一、提高认识
            第一，学习要深入。多读原文。
            第二，研究要扎实。
            二、改进作风
            一要多下基层。
            二要少开会。
            三、抓好落实
            一是明确分工；二是定期通报；三是严格考核。
            四、几点要求
            首先，要统一思想。其次，要加强协调。最后，要务求实效。
            五、其他
            ①按月报送；②按季汇总；③年底总结。
            """);

        OutlineAssert.Items(outline.Items[0].Children, "第一|学习要深入", "第二|研究要扎实");
        OutlineAssert.Items(outline.Items[1].Children, "一要|多下基层", "二要|少开会");
        OutlineAssert.Items(outline.Items[2].Children, "一是|明确分工", "二是|定期通报", "三是|严格考核");
        OutlineAssert.Items(outline.Items[3].Children, "首先|要统一思想", "其次|要加强协调", "最后|要务求实效");
        Assert.Equal([1, 2, 3], outline.Items[3].Children.Select(c => c.Ordinal));
        OutlineAssert.Items(outline.Items[4].Children, "①|按月报送", "②|按季汇总", "③|年底总结");
    }

    [Fact]
    public void ChineseNumeralsCountToNinetyNine()
    {
        var numerals = new[] { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十", "二十一", "二十二", "二十三" };
        var text = string.Join('\n', numerals.Select((n, i) => $"{n}、事项{i + 1}"));

        var outline = OutlineAssert.Parse(text);

        Assert.Equal(Enumerable.Range(1, numerals.Length), outline.Items.Select(n => n.Ordinal));
        Assert.Equal("二十三、", outline.Items[^1].Number);
        Assert.Equal(99, ChineseNumeral.Parse("九十九"));
        Assert.Equal("九十九", ChineseNumeral.Format(99));
    }

    [Fact]
    public void TitleEndsAtTheFirstSentenceEndAndTheRestIsBody()
    {
        var outline = OutlineAssert.Parse("""
            一、加强领导：成立专班，每月研究一次。
            二、强化保障！经费列入预算。
            三、这一条没有句末标点
            接下来的一段是正文。
            """);

        Assert.Equal("加强领导", outline.Items[0].Title);
        Assert.Equal("成立专班，每月研究一次。", outline.Items[0].Body);
        Assert.Equal("一、加强领导：", outline.Items[0].Heading);
        Assert.Equal("强化保障", outline.Items[1].Title);
        Assert.Equal("这一条没有句末标点", outline.Items[2].Title);
        Assert.Equal("接下来的一段是正文。", outline.Items[2].Body);
    }

    [Fact]
    public void QuotedSentenceEndsDoNotEndTheTitle()
    {
        var outline = OutlineAssert.Parse("一、开展“比学习？比作风！”活动。正文在这里。");

        Assert.Equal("开展“比学习？比作风！”活动", outline.Items[0].Title);
    }
}
