using System.Text.RegularExpressions;
using Luoshi.Features.Imports;
using Luoshi.Features.Lights;
using Luoshi.Features.Plans;
using Luoshi.Tests.Infrastructure;
using Luoshi.Tests.Requests;

namespace Luoshi.Tests.Plans;

/// <summary>The plan page as the document's tree: tasks under their headings, each heading with its roll-up light.</summary>
public partial class PlanTreeTests
{
    private static readonly DateOnly Today = TestApp.Today;

    [Fact]
    public void ANumberSplitsIntoItsLevels()
    {
        Assert.Equal(["一、", "（一）", "1."], PlanTree.Levels("一、（一）1."));
        Assert.Equal(["三、", "（十二）", "（3）"], PlanTree.Levels("三、（十二）（3）"));
        Assert.Equal(["12."], PlanTree.Levels("12."));
        Assert.Empty(PlanTree.Levels("甲项"));
        Assert.Empty(PlanTree.Levels(null));
    }

    [Fact]
    public void TheRollUpIsTheWorstOpenLight()
    {
        Assert.Equal(new RollUp(Light.Red, 4, 3, 1, 1), RollUp.Of([Light.Green, Light.Red, Light.Done, Light.Yellow]));
        Assert.Equal(Light.Green, RollUp.Of([Light.NotStarted, Light.Green, Light.Done]).Light);
        Assert.Equal(new RollUp(Light.Done, 2, 0, 0, 0), RollUp.Of([Light.Done, Light.Done]));
    }

    private const string Document = """
        一、加强科技创新
        （一）培育创新主体
        1.新增高新技术企业50家。
        2.新增科技型中小企业100家。
        （二）建设创新平台
        1.新建重点实验室2家。
        二、优化科技服务
        1.举办科技活动周。
        """;

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TasksSitUnderTheirHeadingsAndEachHeadingShowsTheWorstOpenLight(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var red = await b.TaskAsync(b.SectionA, Today.AddDays(-60), Today.AddDays(-3), change: t => (t.Number, t.Title) = ("一、（一）1.", "新增高新技术企业50家"));
        await b.TaskAsync(b.SectionA, Today.AddDays(5), Today.AddDays(200), change: t => (t.Number, t.Title) = ("一、（一）2.", "新增科技型中小企业100家"));
        var notStarted = await b.TaskAsync(b.SectionB, Today.AddDays(5), Today.AddDays(200), change: t => (t.Number, t.Title) = ("一、（二）1.", "新建重点实验室2家"));
        var done = await b.TaskAsync(b.SectionA, Today.AddDays(-60), Today.AddDays(100), change: t => (t.Number, t.Title) = ("二、1.", "举办科技活动周"));
        await RequestsTests.CompleteAsync(b, done.Id);
        await b.WithDbAsync(async d =>
        {
            d.SourceDocuments.Add(new SourceDocument { UnitId = b.UnitId, PlanId = b.PlanId, FileName = "工作要点.txt", Text = Document, Sha256 = "0", UploadedById = b.Person("admin"), UploadedAt = DateTime.UtcNow });
            return await d.SaveChangesAsync();
        });
        Assert.Equal(Light.Red, await b.LightOfAsync(red.Id));
        Assert.Equal(Light.NotStarted, await b.LightOfAsync(notStarted.Id));

        var html = await (await b.PagesAsync("admin")).GetHtmlAsync($"/Plans/{b.PlanId}");
        var headings = Headings().Matches(html).Select(m => (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value)).ToList();
        Assert.Equal(
        [
            ("一、加强科技创新", "red", "共3项，红灯1项"),
            ("（一）培育创新主体", "red", "共2项，红灯1项"),
            ("（二）建设创新平台", "notstarted", "共1项"),
            ("二、优化科技服务", "done", "共1项，已办结1项"),
        ], headings);
        // Each task inside its own heading's fold, in document order.
        var first = html.IndexOf("培育创新主体", StringComparison.Ordinal);
        var second = html.IndexOf("建设创新平台", StringComparison.Ordinal);
        Assert.InRange(html.IndexOf("一、（一）2. 新增科技型中小企业100家", StringComparison.Ordinal), first, second);
        Assert.True(html.IndexOf("一、（二）1. 新建重点实验室2家", StringComparison.Ordinal) > second);

        // Section B's staff see only their tasks, and headings roll up only what they see.
        var staffB = await (await b.PagesAsync("staffB")).GetHtmlAsync($"/Plans/{b.PlanId}");
        Assert.DoesNotContain("新增高新技术企业50家", staffB, StringComparison.Ordinal);
        Assert.DoesNotContain("培育创新主体", staffB, StringComparison.Ordinal);
        Assert.Equal(("一、加强科技创新", "notstarted", "共1项"), Headings().Matches(staffB).Select(m => (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value)).First());
    }

    [GeneratedRegex("""<span class="heading-title">([^<]*)</span>\s*<span class="light (\w+)"[^>]*>[^<]*</span>\s*<small class="rollup">([^<]*)</small>""")]
    private static partial Regex Headings();
}
