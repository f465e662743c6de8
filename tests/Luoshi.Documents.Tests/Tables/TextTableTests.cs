using System.Text;

namespace Luoshi.Documents.Tests.Tables;

/// <summary>Breakdown tables written as text: tab-separated, aligned with spaces, single-spaced, and under their own headings.</summary>
public sealed class TextTableTests
{
    [Fact]
    public void EachRowOfATabSeparatedTableIsADraftWithItsUnitsDeadlineAndTarget()
    {
        var outline = OutlineParser.Parse("""
            某某区2026年重点工作任务分解表
            序号	重点任务	牵头单位	配合单位	完成时限
            1	推进老旧小区改造，完成改造不少于30个	区住房和城乡建设局	各街道办事处	2026年12月底前
            2	建设口袋公园	区城市管理局	区财政局、区自然资源局	2026年6月底前
            3	开展营商环境评估		区发展和改革局	2026年9月30日前
            """);

        OutlineAssert.Items(outline.Items, "1|推进老旧小区改造，完成改造不少于30个", "2|建设口袋公园", "3|开展营商环境评估");
        Assert.All(outline.Items, i => Assert.Equal(NumberingStyle.TableRow, i.Style));
        var drafts = DraftTaskExtractor.Extract(outline);
        Assert.Equal(3, drafts.Count);

        Assert.Contains(new NamedUnit("区住房和城乡建设局", UnitRole.Lead), drafts[0].Units);
        Assert.Contains(new NamedUnit("各街道办事处", UnitRole.Cooperating), drafts[0].Units);
        Assert.Equal(new DateOnly(2026, 12, 31), Assert.Single(drafts[0].Deadlines).Date);
        Assert.Equal(30m, Assert.Single(drafts[0].Targets).Value);

        Assert.Contains(new NamedUnit("区财政局", UnitRole.Cooperating), drafts[1].Units);
        Assert.Contains(new NamedUnit("区自然资源局", UnitRole.Cooperating), drafts[1].Units);
        Assert.Equal(new DateOnly(2026, 6, 30), Assert.Single(drafts[1].Deadlines).Date);

        // An empty lead cell stays empty: the unit in the next column cooperates, it does not lead.
        Assert.Equal("", outline.Items[2].Row!.Lead);
        Assert.Equal("区发展和改革局", outline.Items[2].Row!.Cooperating);
    }

    [Fact]
    public void AlignedColumnsWithWrappedCellsAreMergedIntoOneRow()
    {
        int[] widths = [6, 26, 16, 16, 14];
        var text = "2026年民生实事分解表\n" + Aligned(widths,
            ["序号", "重点任务", "主要责任单位", "协同配合单位", "完成期限"],
            ["1", "推进老旧小区改造，完成", "区住房和城乡", "各街道办事处", "2026年12月"],
            ["", "改造不少于30个", "建设局", "", "底前"],
            ["2", "建设口袋公园5个", "区城市管理局", "区财政局", "2026年6月底前"])
            + "以上任务每季度末报送进展情况，区政府督查室汇总后通报。\n";

        var outline = OutlineParser.Parse(text);

        OutlineAssert.Items(outline.Items, "1|推进老旧小区改造，完成改造不少于30个", "2|建设口袋公园5个");
        var first = outline.Items[0].Row!;
        Assert.Equal("区住房和城乡建设局", first.Lead);
        Assert.Equal("2026年12月底前", first.Deadline);
        Assert.Equal("区财政局", outline.Items[1].Row!.Cooperating);
        Assert.DoesNotContain("每季度末", outline.Items[1].Body, StringComparison.Ordinal);

        var drafts = DraftTaskExtractor.Extract(outline);
        Assert.Contains(new NamedUnit("区住房和城乡建设局", UnitRole.Lead), drafts[0].Units);
        Assert.Equal(new DateOnly(2026, 12, 31), Assert.Single(drafts[0].Deadlines).Date);
    }

    [Fact]
    public void ASingleSpacedTableIsReadByPosition()
    {
        var outline = OutlineParser.Parse("""
            序号 工作任务 责任科室 时间节点
            1 修订科室考核办法 办公室 2026年3月底前
            2 完成年度预算编制 计划财务科 2026年11月30日前
            """);

        OutlineAssert.Items(outline.Items, "1|修订科室考核办法", "2|完成年度预算编制");
        Assert.Equal("计划财务科", outline.Items[1].Row!.Lead);
        Assert.Equal("2026年11月30日前", outline.Items[1].Row!.Deadline);
    }

    [Fact]
    public void RowsSitUnderTheTablesOwnHeadings()
    {
        var outline = OutlineParser.Parse("""
            一、总体要求
            按照全年目标，分解任务如下。
            二、任务分解
            序号	重点任务	责任单位	协办单位	时间节点
            （一）产业发展
            1	培育规上工业企业10家	区工业和信息化局	区市场监管局	2026年底前
            2	新引进亿元以上项目8个	区投资促进中心		2026年12月底前
            （二）民生保障
            3	新增城镇就业2000人	区人力资源和社会保障局	各街道	2026年12月底前
            三、保障措施
            各单位要加强协调配合。
            """);

        OutlineAssert.Items(outline.Items, "一、|总体要求", "二、|任务分解", "三、|保障措施");
        OutlineAssert.Items(outline.Items[1].Children, "（一）|产业发展", "（二）|民生保障");
        OutlineAssert.Items(outline.Items[1].Children[0].Children, "1|培育规上工业企业10家", "2|新引进亿元以上项目8个");
        OutlineAssert.Items(outline.Items[1].Children[1].Children, "3|新增城镇就业2000人");
        Assert.Empty(outline.Items[2].Children);

        var drafts = DraftTaskExtractor.Extract(outline);
        var employment = Assert.Single(drafts, d => d.Title.StartsWith("新增城镇就业", StringComparison.Ordinal));
        Assert.Equal("二、 （二） 3", employment.Path);
        Assert.Contains(new NamedUnit("区人力资源和社会保障局", UnitRole.Lead), employment.Units);
        Assert.Contains(new NamedUnit("各街道", UnitRole.Cooperating), employment.Units);
    }

    [Fact]
    public void ARowsSourceSpanCoversItsLineInTheOriginalText()
    {
        const string text = "序号\t重点任务\t牵头单位\t完成时限\r\n1\t建设口袋公园\t区城市管理局\t6月底前\r\n";
        var outline = OutlineParser.Parse(text);

        var row = Assert.Single(outline.Items);
        Assert.Equal("1\t建设口袋公园\t区城市管理局\t6月底前", text[row.Start..row.End]);
    }

    [Fact]
    public void ATextWithoutATableHeadGivesNoRows()
    {
        var outline = OutlineParser.Parse("""
            一、完善制度
            序号和名称由办公室统一编排，责任单位按职责分工负责。
            1	这一行像表格	但没有表头
            """);

        Assert.DoesNotContain(outline.AllNodes(), n => n.Style == NumberingStyle.TableRow);
    }

    /// <summary>Pads each cell to its column by display width (a Chinese character is two), as a text export does.</summary>
    internal static string Aligned(int[] widths, params string[][] rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            var line = new StringBuilder();
            for (var j = 0; j < row.Length; j++)
            {
                line.Append(row[j]);
                if (j < row.Length - 1)
                {
                    line.Append(' ', Math.Max(2, widths[j] - row[j].Sum(c => c < 0x1100 ? 1 : 2)));
                }
            }

            text.Append(line.ToString().TrimEnd()).Append('\n');
        }

        return text.ToString();
    }
}
