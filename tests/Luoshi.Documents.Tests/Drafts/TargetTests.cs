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

        // The phrase is the whole clause with its subject: the sentence itself here.
        Assert.Equal(new QuantTarget(text, op, decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), unit, approximate) { Phrase = sentence.TrimEnd('。') }, target);
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

    [Fact]
    public void ATargetIsTheWholeClauseWithItsSubject()
    {
        var target = Assert.Single(TargetReader.Read("全区固定资产投资增长15%左右，6月底前完成年度项目清单编制。"));

        Assert.Equal("全区固定资产投资增长15%左右", target.Phrase);
        Assert.Equal("增长15%左右", target.Text);
    }

    [Fact]
    public void WordsOfCommitmentAreNotPartOfThePhrase()
    {
        Assert.Equal("全年新认定高新技术企业30家以上", Assert.Single(TargetReader.Read("力争全年新认定高新技术企业30家以上。")).Phrase);
    }

    [Theory]
    [InlineData("将科技型中小企业加计扣除比例从75%提高到100%。")]
    [InlineData("城乡居民医保人均财政补助标准再提高30元。")]
    [InlineData("今年赤字率拟按2.8%左右安排。")]
    public void ARatioOrRateOfPolicyIsNotATarget(string sentence)
    {
        Assert.Empty(TargetReader.Read(sentence));
    }

    [Theory]
    [InlineData("支出规模比去年扩大2万亿元以上。")]
    [InlineData("去年新增减税降费超过1万亿元。")]
    [InlineData("预计全年新增就业超过1000万人。")]
    public void AResultOrAnEstimateIsNotATarget(string sentence)
    {
        Assert.Empty(TargetReader.Read(sentence));
    }

    [Fact]
    public void AVerbOfStateCountsOnlyWhereTheSentenceCommitsToIt()
    {
        Assert.Empty(TargetReader.Read("今年高校毕业生超过1000万人。"));
        Assert.Equal("技术合同成交额突破50亿元", Assert.Single(TargetReader.Read("力争技术合同成交额突破50亿元。")).Phrase);
    }

    [Fact]
    public void FullWidthAndAsciiPunctuationEndAPhraseAlike()
    {
        Assert.Equal("新建市级以上研发机构5家", Assert.Single(TargetReader.Read("新建市级以上研发机构5家,9月底前完成申报.")).Phrase);
    }

    [Fact]
    public void AnAsciiFullStopEndsAPhraseButADecimalPointDoesNot()
    {
        Assert.Equal("研发投入强度达到2.5%以上", Assert.Single(TargetReader.Read("做好统计.研发投入强度达到2.5%以上.")).Phrase);
    }
}
