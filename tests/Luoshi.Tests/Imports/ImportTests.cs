using System.Net;
using System.Text;
using Luoshi.Testing;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Tests.Imports;

/// <summary>From a document to a plan whose tasks each show the sentence they came from.</summary>
public class ImportTests
{
    // Written for these tests: a small plan in the style of a bureau's work points.
    private const string Plan = """
        2026年全市科技工作要点
        一、培育创新主体
        （一）新增高新技术企业50家。开展政策宣讲和申报辅导，年底前完成（牵头单位：科室A；配合单位：科室B）。
        （二）建设市级重点实验室不少于3家。6月底前完成布局论证（牵头单位：科室B）。
        二、优化创新服务
        （一）组织产学研对接活动10场，第三季度完成。
        """;

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AnImportedPlanCreatesTasksThatShowTheirSourceSentence(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var admin = await b.PagesAsync("admin");

        var upload = await admin.PostMultipartAsync("/Plans/Import", [], ("file", "工作要点.txt", Encoding.UTF8.GetBytes(Plan)));
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var review = upload.Headers.Location!.OriginalString;
        var html = await admin.GetHtmlAsync(review);
        Assert.Contains("新增高新技术企业50家", html);

        var fields = PageClient.FormFields(html);
        Assert.Equal("2026年全市科技工作要点", fields["Input.Plan.Title"]);
        Assert.Equal(b.SectionA.ToString(System.Globalization.CultureInfo.InvariantCulture), fields["Input.Rows[0].LeadSectionId"]);
        Assert.Equal("2026-12-31", fields["Input.Rows[0].DueDate"]);
        Assert.Equal("50", fields["Input.Rows[0].TargetValue"]);
        Assert.Equal("2026-06-30", fields["Input.Rows[1].DueDate"]);
        fields["Input.DefaultSectionId"] = b.SectionC.ToString(System.Globalization.CultureInfo.InvariantCulture);
        fields["Input.CooperatingSectionIds"] = b.SectionA.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var created = await admin.PostFormAsync(review, fields);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        var tasks = await b.WithDbAsync(d => d.Tasks.Include(t => t.Cooperations).Where(t => t.UnitId == b.UnitId).OrderBy(t => t.Id).ToListAsync());
        Assert.Equal(3, tasks.Count);
        Assert.Equal(b.SectionA, tasks[0].LeadSectionId);
        Assert.Equal([b.SectionB], tasks[0].Cooperations.Select(c => c.SectionId));
        Assert.Equal(b.SectionC, tasks[2].LeadSectionId);
        Assert.Equal([b.SectionA], tasks[2].Cooperations.Select(c => c.SectionId));
        Assert.Equal([b.SectionA], tasks[1].Cooperations.Select(c => c.SectionId));
        Assert.All(tasks, t => Assert.NotNull(t.SourceDocumentId));

        var page = await admin.GetHtmlAsync($"/Tasks/{tasks[1].Id}");
        Assert.Contains("<mark>", page);
        Assert.Contains("建设市级重点实验室不少于3家", page[page.IndexOf("<mark>", StringComparison.Ordinal)..]);
    }

    [Fact]
    public async Task AFailingRowKeepsTheWholeImportOut()
    {
        var b = await Bureau.CreateAsync("sqlite");
        var admin = await b.PagesAsync("admin");
        var upload = await admin.PostMultipartAsync("/Plans/Import", [], ("file", "要点.txt", Encoding.UTF8.GetBytes(Plan)));
        var review = upload.Headers.Location!.OriginalString;
        var fields = PageClient.FormFields(await admin.GetHtmlAsync(review));
        fields["Input.StartDate"] = "2026-05-01";
        fields["Input.Rows[1].DueDate"] = "2026-04-01";

        var response = await admin.PostFormAsync(review, fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("第2项", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await b.WithDbAsync(d => d.Tasks.CountAsync(t => t.UnitId == b.UnitId)));
        Assert.Equal(1, await b.WithDbAsync(d => d.Plans.CountAsync(p => p.UnitId == b.UnitId)));
    }

    [Fact]
    public async Task ALegacyWordFileIsRefusedWithWhatToDo()
    {
        var b = await Bureau.CreateAsync("sqlite");
        var admin = await b.PagesAsync("admin");
        byte[] ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]];
        var response = await admin.PostMultipartAsync("/Plans/Import", [], ("file", "旧文件.doc", ole));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(".docx", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await b.WithDbAsync(d => d.SourceDocuments.CountAsync(x => x.UnitId == b.UnitId)));
    }

    [Fact]
    public async Task TheOutlineApiReturnsTheTreeAndDraftsAsJson()
    {
        var b = await Bureau.CreateAsync("sqlite");
        var api = await b.ApiAsync("staffA");
        var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(Plan)), "file", "plan.txt" } };
        var outline = await (await api.PostAsync("/api/documents/outline", form)).ReadJsonAsync();
        Assert.Equal(2026, outline.GetProperty("year").GetInt32());
        Assert.Equal(["一、", "二、"], outline.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("number").GetString()));
        var first = outline.GetProperty("drafts")[0];
        Assert.Equal(50, first.GetProperty("targets")[0].GetProperty("value").GetDecimal());
        Assert.Contains("新增高新技术企业50家", first.GetProperty("source").GetProperty("quote").GetString());

        var bad = new MultipartFormDataContent { { new ByteArrayContent([0, 1, 2, 3, 0, 0, 0, 9]), "file", "x.bin" } };
        await (await api.PostAsync("/api/documents/outline", bad)).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AFileWhoseTextRunsPastTwoMillionCharactersIsRefusedInWords()
    {
        var b = await Bureau.CreateAsync("sqlite");
        var api = await b.ApiAsync("staffA");
        // 1 MB zipped would be the same: the bound is on the text the file unpacks to.
        var text = string.Concat(Enumerable.Repeat("（一）新增高新技术企业50家，由高新技术科牵头。\n", 90_000));
        var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(text)), "file", "huge.txt" } };
        var problem = await (await api.PostAsync("/api/documents/outline", form)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("文件的文字超过 200 万字", problem.GetProperty("errors").GetProperty("file")[0].GetString());
    }

    [SharedDataTheory]
    [InlineData("001_8bebd773a9496f04.txt", 5)]
    [InlineData("003_17a4f32973dd4260.txt", 9)]
    public async Task TheOutlineApiReadsTheSeedDocuments(string seed, int topLevelItems)
    {
        var b = await Bureau.CreateAsync("sqlite");
        var api = await b.ApiAsync("staffA");
        var form = new MultipartFormDataContent { { new ByteArrayContent(await File.ReadAllBytesAsync(Luoshi.Testing.SharedData.Path("seeds", seed))), "file", seed } };
        var outline = await (await api.PostAsync("/api/documents/outline", form)).ReadJsonAsync();
        Assert.Equal(topLevelItems, outline.GetProperty("items").GetArrayLength());
    }
}
