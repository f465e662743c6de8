namespace Luoshi.Documents.Tests.Drafts;

public sealed class TargetTests
{
    [Theory]
    [InlineData("党员集中学习不少于20学时。", "不少于20学时", TargetOperator.AtLeast, "20", "学时", false)]
    [InlineData("全年召开座谈会不少于3次。", "不少于3次", TargetOperator.AtLeast, "3", "次", false)]
    [InlineData("今年新增50家高新技术企业。", "新增50家", TargetOperator.Increase, "50", "家", false)]
    [InlineData("研发投入增长15%。", "增长15%", TargetOperator.Increase, "15", "%", false)]
    [InlineData("地区生产总值增长5.5%左右。", "增长5.5%左右", TargetOperator.Increase, "5.5", "%", true)]
    [InlineData("实现技术合同成交额30亿元。", "实现技术合同成交额30亿元", TargetOperator.Reach, "30", "亿元", false)]
    [InlineData("城镇新增就业1100万人以上。", "新增就业1100万人以上", TargetOperator.Increase, "1100", "万人", false)]
    [InlineData("能耗下降3个百分点。", "下降3个百分点", TargetOperator.Decrease, "3", "个百分点", false)]
    [InlineData("会议时间不超过两小时。", "不超过两小时", TargetOperator.AtMost, "2", "小时", false)]
    [InlineData("培训骨干200人以上。", "200人以上", TargetOperator.AtLeast, "200", "人", false)]
    public void TargetsAreReadWithOperatorValueAndUnit(string sentence, string text, TargetOperator op, string value, string unit, bool approximate)
    {
        var target = Assert.Single(TargetReader.Read(sentence));

        Assert.Equal(new QuantTarget(text, op, decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), unit, approximate), target);
    }

    [Fact]
    public void AtLeastIsShownAsGreaterOrEqual()
    {
        Assert.Equal("≥", TargetReader.Read("不少于20学时")[0].Symbol);
    }

    [Fact]
    public void SentencesWithoutTargetsHaveNone()
    {
        Assert.Empty(TargetReader.Read("要进一步解放思想，转变作风。"));
    }
}
