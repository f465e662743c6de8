namespace Luoshi.Documents.Tests.Drafts;

public sealed class DeadlineTests
{
    [Theory]
    [InlineData("5月5日完成报名。", "5月5日", 5, 5)]
    [InlineData("6月底前报送方案。", "6月底前", 6, 30)]
    [InlineData("年底前全部完成。", "年底前", 12, 31)]
    [InlineData("第一季度完成招标。", "第一季度", 3, 31)]
    [InlineData("3月中旬开始实施。", "3月中旬", 3, 20)]
    [InlineData("3月上旬召开会议。", "3月上旬", 3, 10)]
    [InlineData("上半年完成中期评估。", "上半年", 6, 30)]
    [InlineData("2月底前报送。", "2月底前", 2, 28)]
    public void DeadlinesUseTheDocumentYear(string sentence, string text, int month, int day)
    {
        var deadline = Assert.Single(DeadlineReader.Read(sentence, 2026));

        Assert.Equal(text, deadline.Text);
        Assert.Equal(new DateOnly(2026, month, day), deadline.Date);
    }

    [Fact]
    public void AWrittenYearWinsOverTheDocumentYear()
    {
        var deadline = Assert.Single(DeadlineReader.Read("2026年3月31日前完成验收。", 2025));

        Assert.Equal("2026年3月31日前", deadline.Text);
        Assert.Equal(new DateOnly(2026, 3, 31), deadline.Date);
    }

    [Fact]
    public void WithoutAYearTheDateIsLeftOpenButTheTextIsKept()
    {
        var deadline = Assert.Single(DeadlineReader.Read("6月底前报送方案。", null));

        Assert.Null(deadline.Date);
        Assert.Null(deadline.Year);
        Assert.Equal((6, 30), (deadline.Month, deadline.Day));
        Assert.Equal("6月底前", deadline.Text);
    }

    [Fact]
    public void ImpossibleDatesAreNotDeadlines()
    {
        Assert.Empty(DeadlineReader.Read("13月5日和2月30日都不存在。", 2026));
    }

    [Theory]
    [InlineData("1997年4―6月，由社会团体进行自查。", 1997, 6, 30)]
    [InlineData("1997年10月――1998年2月，由登记管理机关审定。", 1998, 2, 28)]
    [InlineData("3-5月开展专项检查。", 2026, 5, 31)]
    public void APeriodIsDueAtTheEndOfItsLastMonth(string sentence, int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), DeadlineReader.Read(sentence, 2026)[0].Date);
    }

    [Fact]
    public void ADateAloneOnItsLineIsTheDocumentsOwnDate()
    {
        Assert.Empty(DeadlineReader.Read("各单位要按时报送。\n某某区人民政府办公室\n2026年11月20日", 2026));
        Assert.Empty(DeadlineReader.Read("会议纪要\n2026年3月3日印发", 2026));
        Assert.Single(DeadlineReader.Read("2026年11月20日前报送。", 2026));
    }
}
