namespace Luoshi.Documents.Tests.Drafts;

public sealed class MinutesReaderTests
{
    private const string Minutes = """
        某某市人民政府常务会议纪要
        〔2026〕5号
        2026年3月2日，市长主持召开市政府第12次常务会议，研究科技创新有关事项。纪要如下：
        会议认为，去年全市高新技术企业数量增长20%。
        会议议定：
        一、关于科技型企业培育工作。由市科技局牵头，市财政局、市税务局配合，制定培育方案，6月底前完成。
        二、关于重大创新平台建设。市发展改革委牵头，市科技局配合，力争年内新建省级以上创新平台3个，9月30日前报送建设方案。
        三、会议同意市科技局提出的科技计划项目安排。由市科技局负责组织实施，年底前完成项目验收。
        出席：张某某、李某某
        列席：市财政局、市审计局负责同志
        某某市人民政府办公室
        2026年3月3日印发
        """;

    private static MeetingMinutes Read(string text = Minutes) => MinutesReader.Read(OutlineParser.Parse(text));

    [Fact]
    public void TheMeetingsNameDateAndNumberAreRead()
    {
        var minutes = Read();

        Assert.Equal("市政府第12次常务会议", minutes.MeetingName);
        Assert.Equal(new DateOnly(2026, 3, 2), minutes.MeetingDate);
        Assert.Equal("〔2026〕5号", minutes.Number);
        Assert.Equal("某某市人民政府常务会议纪要〔2026〕5号", minutes.SourceName);
    }

    [Fact]
    public void EachDecisionIsATickedDraftWithItsLeadAndCooperatingUnitsAndDeadline()
    {
        var items = Read().Items;

        Assert.Equal(3, items.Count);
        Assert.All(items, i => Assert.True(i.Draft.Ticked));
        var first = items[0].Draft;
        Assert.Equal("关于科技型企业培育工作", first.Title);
        Assert.Contains(new NamedUnit("市科技局", UnitRole.Lead), first.Units);
        Assert.Contains(new NamedUnit("市财政局", UnitRole.Cooperating), first.Units);
        Assert.Contains(new NamedUnit("市税务局", UnitRole.Cooperating), first.Units);
        Assert.Equal(new DateOnly(2026, 6, 30), first.Deadlines[0].Date);
        Assert.Contains(new NamedUnit("市发展改革委", UnitRole.Lead), items[1].Draft.Units);
        Assert.Equal("年内新建省级以上创新平台3个", Assert.Single(items[1].Draft.Targets).Phrase);
    }

    [Fact]
    public void UnitsTheDecisionMakesResponsibleLeadIt()
    {
        Assert.Contains(new NamedUnit("市科技局", UnitRole.Lead), Read().Items[2].Draft.Units);
    }

    [Fact]
    public void TheAttendanceAndTheIssueDateAreNotPartOfTheLastDecision()
    {
        var last = Read().Items[2].Draft;

        Assert.DoesNotContain(last.Units, u => u.Name == "市审计局");
        Assert.Equal(new DateOnly(2026, 12, 31), Assert.Single(last.Deadlines).Date);
    }

    [Fact]
    public void EachDecisionNamesItsSourceAsTheMinutesAndItsPlace()
    {
        var minutes = Read();

        Assert.Equal("某某市人民政府常务会议纪要〔2026〕5号 第2项", minutes.Items[1].SourceLabel(minutes));
    }

    [Fact]
    public void AsciiBracketsInTheNumberAreWrittenAsTheOfficeFilesThem()
    {
        Assert.Equal("〔2026〕7号", Read(Minutes.Replace("〔2026〕5号", "[2026]7号", StringComparison.Ordinal)).Number);
    }

    [Fact]
    public void MinutesAreRecognisedByTheirTitleOrTheirDecisions()
    {
        Assert.True(MinutesReader.LooksLikeMinutes(OutlineParser.Parse(Minutes)));
        Assert.False(MinutesReader.LooksLikeMinutes(OutlineParser.Parse("某某局2026年工作要点\n一、培育企业。\n二、建设平台。")));
    }
}
