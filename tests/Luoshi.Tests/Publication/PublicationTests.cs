using System.Net;
using System.Net.Http.Json;
using System.Text;
using Luoshi.Features.Lights;
using Luoshi.Features.Reports;
using Luoshi.Tests.Browser;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Tests.Publication;

/// <summary>公开承诺: editions are snapshots that only the office publishes, and nothing internal reaches
/// the public page, the open data or the feed unless the office chose it.</summary>
public class PublicationTests
{
    private static readonly DateOnly Today = TestApp.Today;

    private static Task<HttpResponseMessage> MakePublicAsync(HttpClient api, int taskId, string title, string narrative, string area = "企业创新", bool showAll = false) =>
        api.PutAsJsonAsync($"/api/publication/commitments/{taskId}", new
        {
            publicTitle = title, narrative, area, showLeadSection = showAll, showResponsible = showAll, showProblems = showAll,
        });

    private static async Task<int> PublishAsync(HttpClient api, int? expected = null)
    {
        var response = await api.PostAsJsonAsync("/api/publication/editions", new { expectedNumber = expected, note = "对照盘点后更新" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("number").GetInt32();
    }

    /// <summary>Everything anyone can read of the unit: the page of each edition, its JSON and CSV, the feed and the embed.</summary>
    private static async Task<string> EverythingPublicAsync(Bureau b, params int[] editions)
    {
        var anonymous = b.App.CreateClient();
        var all = new StringBuilder();
        foreach (var url in new[] { $"/Public/Progress/{b.UnitId}", $"/Public/Progress/{b.UnitId}/Feed", $"/Public/Progress/{b.UnitId}/Embed" }
                     .Concat(editions.SelectMany(n => new[] { $"/Public/Progress/{b.UnitId}/{n}", $"/Public/Progress/{b.UnitId}/{n}/data.json", $"/Public/Progress/{b.UnitId}/{n}/data.csv" })))
        {
            var response = await anonymous.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode}");
            var text = await response.Content.ReadAsStringAsync();
            // JSON may escape Chinese as \uXXXX: read its strings, so a leak cannot hide behind the escaping.
            all.Append(url.EndsWith(".json", StringComparison.Ordinal) ? string.Join('\n', Strings(System.Text.Json.JsonDocument.Parse(text).RootElement)) : text).Append('\n');
        }

        return WebUtility.HtmlDecode(all.ToString());
    }

    private static IEnumerable<string> Strings(System.Text.Json.JsonElement e) => e.ValueKind switch
    {
        System.Text.Json.JsonValueKind.String => [e.GetString()!],
        System.Text.Json.JsonValueKind.Object => e.EnumerateObject().SelectMany(p => Strings(p.Value)),
        System.Text.Json.JsonValueKind.Array => e.EnumerateArray().SelectMany(Strings),
        _ => [],
    };

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AnEditionKeepsWhatWasPublishedUntilTheNextOne(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var admin = await b.ApiAsync("admin");
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-30), Today.AddDays(60));
        await b.WithDbAsync(d => d.Tasks.Where(t => t.Id == task.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.ProgressPercent, 40).SetProperty(t => t.Light, Light.Green)));
        Assert.Equal(HttpStatusCode.OK, (await MakePublicAsync(admin, task.Id, "新增高新技术企业", "已完成第一批申报辅导。")).StatusCode);
        Assert.Equal(1, await PublishAsync(admin, expected: 1));

        // The task moves on and the office rewrites the narrative: the published edition does not change.
        await b.WithDbAsync(d => d.Tasks.Where(t => t.Id == task.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.ProgressPercent, 100).SetProperty(t => t.Light, Light.Done)));
        Assert.Equal(HttpStatusCode.OK, (await MakePublicAsync(admin, task.Id, "新增高新技术企业", "年度目标已经完成。")).StatusCode);
        var anonymous = b.App.CreateClient();
        var first = await (await anonymous.GetAsync($"/Public/Progress/{b.UnitId}/1/data.json")).ReadJsonAsync();
        var item = first.GetProperty("items")[0];
        Assert.Equal((40, "正常推进", "已完成第一批申报辅导。"), (item.GetProperty("progress").GetInt32(), item.GetProperty("status").GetString(), item.GetProperty("narrative").GetString()));
        Assert.DoesNotContain("年度目标已经完成", await (await anonymous.GetAsync($"/Public/Progress/{b.UnitId}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The same edition twice is refused; the next one shows the change, the first still does not.
        await (await admin.PostAsJsonAsync("/api/publication/editions", new { expectedNumber = 1 })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(2, await PublishAsync(admin, expected: 2));
        var second = (await (await anonymous.GetAsync($"/Public/Progress/{b.UnitId}/2/data.json")).ReadJsonAsync()).GetProperty("items")[0];
        Assert.Equal((100, "已完成", "年度目标已经完成。"), (second.GetProperty("progress").GetInt32(), second.GetProperty("status").GetString(), second.GetProperty("narrative").GetString()));
        var again = (await (await anonymous.GetAsync($"/Public/Progress/{b.UnitId}/1/data.json")).ReadJsonAsync()).GetProperty("items")[0];
        Assert.Equal(40, again.GetProperty("progress").GetInt32());
        var latest = await (await anonymous.GetAsync($"/Public/Progress/{b.UnitId}")).Content.ReadAsStringAsync();
        Assert.Contains("年度目标已经完成", latest, StringComparison.Ordinal);
        Assert.Contains("第2期", latest, StringComparison.Ordinal);

        // The CSV opens in Excel (a byte-order mark) and the feed lists both editions, newest first.
        var csv = await (await anonymous.GetAsync($"/Public/Progress/{b.UnitId}/1/data.csv")).Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), csv[..3]);
        Assert.Contains("新增高新技术企业,已完成第一批申报辅导。,40,正常推进", Encoding.UTF8.GetString(csv[3..]), StringComparison.Ordinal);
        var feed = await anonymous.GetAsync($"/Public/Progress/{b.UnitId}/Feed");
        Assert.Equal("application/atom+xml", feed.Content.Headers.ContentType?.MediaType);
        var entries = System.Xml.Linq.XDocument.Parse(await feed.Content.ReadAsStringAsync()).Descendants(System.Xml.Linq.XName.Get("entry", "http://www.w3.org/2005/Atom")).ToList();
        Assert.Equal(2, entries.Count);
        Assert.StartsWith("第2期", entries[0].Element(System.Xml.Linq.XName.Get("title", "http://www.w3.org/2005/Atom"))!.Value, StringComparison.Ordinal);

        // Each edition is in the tamper-evident record, with its items as published.
        var recorded = await b.WithDbAsync(d => d.RecordEntries.Where(e => e.UnitId == b.UnitId && e.Kind == "public-edition").OrderBy(e => e.Id).Select(e => e.Content).ToListAsync());
        Assert.Equal(2, recorded.Count);
        Assert.Contains("已完成第一批申报辅导。", recorded[0], StringComparison.Ordinal);
        Assert.Contains("年度目标已经完成。", recorded[1], StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task NothingInternalIsPublishedUnlessTheOfficeChoseIt(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var admin = await b.ApiAsync("admin");
        var tag = FormChecks.Unique();
        var internalTitle = $"内部任务标题第{tag}号";
        var problem = $"配套资金尚未到位第{tag}条";
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-30), Today.AddDays(60), change: t => { t.Title = internalTitle; t.ResponsiblePersonId = b.Person("staffA"); });
        await b.WithDbAsync(async d =>
        {
            d.Reports.Add(new ProgressReport
            {
                UnitId = b.UnitId, TaskId = task.Id, SectionId = b.SectionA, AuthorId = b.Person("staffA"), PeriodStart = Today.AddDays(-30), PeriodEnd = Today,
                SubmittedAt = DateTime.UtcNow, Progress = "正在推进", Problems = problem,
            });
            return await d.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.OK, (await MakePublicAsync(admin, task.Id, $"公开标题第{tag}号", "按计划推进。")).StatusCode);
        await PublishAsync(admin);

        var names = await b.WithDbAsync(d => d.People.Where(p => p.UnitId == b.UnitId).Select(p => p.Name).ToListAsync());
        var sections = await b.WithDbAsync(d => d.Sections.Where(s => s.UnitId == b.UnitId).Select(s => s.Name).ToListAsync());
        var published = await EverythingPublicAsync(b, 1);
        Assert.Contains($"公开标题第{tag}号", published, StringComparison.Ordinal);
        Assert.DoesNotContain(internalTitle, published, StringComparison.Ordinal);
        Assert.DoesNotContain(problem, published, StringComparison.Ordinal);
        Assert.All(names.Concat(sections), n => Assert.DoesNotContain(n, published, StringComparison.Ordinal));

        // Chosen: the task's own title, the lead section, the responsible person and the problems.
        var chosen = await admin.PutAsJsonAsync($"/api/publication/commitments/{task.Id}", new
        {
            useTaskTitle = true, narrative = "按计划推进。", showLeadSection = true, showResponsible = true, showProblems = true,
        });
        Assert.Equal(HttpStatusCode.OK, chosen.StatusCode);
        await PublishAsync(admin);
        var second = await (await b.App.CreateClient().GetAsync($"/Public/Progress/{b.UnitId}/2/data.json")).ReadJsonAsync();
        var item = second.GetProperty("items")[0];
        Assert.Equal(internalTitle, item.GetProperty("title").GetString());
        Assert.Equal("科室A", item.GetProperty("leadSection").GetString());
        Assert.Equal("A科员", item.GetProperty("responsible").GetString());
        Assert.Equal(problem, item.GetProperty("problems").GetString());
        // The first edition still shows none of it.
        var first = WebUtility.HtmlDecode(await (await b.App.CreateClient().GetAsync($"/Public/Progress/{b.UnitId}/1")).Content.ReadAsStringAsync());
        Assert.DoesNotContain(internalTitle, first, StringComparison.Ordinal);
        Assert.DoesNotContain(problem, first, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task OnlyTheOfficePublishesAndADraftIsNeverPublic(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var (admin, head) = (await b.ApiAsync("admin"), await b.ApiAsync("headA"));
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-30), Today.AddDays(60));
        var draftTitle = $"尚未发布的承诺第{FormChecks.Unique()}号";

        await (await MakePublicAsync(head, task.Id, draftTitle, "说明")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await head.PostAsJsonAsync("/api/publication/editions", new { })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await head.GetAsync("/api/publication/preview")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await head.GetAsync("/api/publication/commitments")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await head.PostAsync($"/api/publication/plans/{b.PlanId}", null)).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await b.PagesAsync("headA")).GetAsync("/Publication")).StatusCode);

        // Nothing to publish yet; an empty commitment says what is missing.
        await (await admin.PostAsJsonAsync("/api/publication/editions", new { })).AssertProblemAsync(HttpStatusCode.BadRequest);
        var empty = await (await admin.PutAsJsonAsync($"/api/publication/commitments/{task.Id}", new { })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(empty.ErrorsOf("PublicTitle"));
        Assert.NotEmpty(empty.ErrorsOf("Narrative"));
        await (await MakePublicAsync(admin, task.Id, new string('长', 201), "说明")).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await MakePublicAsync(admin, 999_999_999, "标题", "说明")).AssertProblemAsync(HttpStatusCode.NotFound);
        await b.WithDbAsync(d => d.Tasks.Where(t => t.Id == task.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.Restricted, true)));
        await (await MakePublicAsync(admin, task.Id, "标题", "说明")).AssertProblemAsync(HttpStatusCode.BadRequest);
        await b.WithDbAsync(d => d.Tasks.Where(t => t.Id == task.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.Restricted, false)));

        // A draft is the office's: the preview shows it, the public sees nothing of it.
        Assert.Equal(HttpStatusCode.OK, (await MakePublicAsync(admin, task.Id, draftTitle, "说明")).StatusCode);
        var preview = await (await admin.GetAsync("/api/publication/preview")).ReadJsonAsync();
        Assert.Equal(1, preview.GetProperty("number").GetInt32());
        Assert.Equal(draftTitle, preview.GetProperty("items")[0].GetProperty("title").GetString());
        var anonymous = b.App.CreateClient();
        var page = await anonymous.GetAsync($"/Public/Progress/{b.UnitId}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("尚未发布", html, StringComparison.Ordinal);
        Assert.DoesNotContain(draftTitle, html, StringComparison.Ordinal);
        Assert.DoesNotContain(draftTitle, await (await anonymous.GetAsync($"/Public/Progress/{b.UnitId}/Embed")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(draftTitle, await (await anonymous.GetAsync($"/Public/Progress/{b.UnitId}/Feed")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await (await anonymous.GetAsync($"/Public/Progress/{b.UnitId}/1/data.json")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/Public/Progress/{b.UnitId}/1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/Public/Progress/999999999")).StatusCode);

        // Another unit's office neither sees nor publishes this unit's commitments.
        var other = await Bureau.CreateAsync(db);
        var otherAdmin = await other.ApiAsync("admin");
        await (await MakePublicAsync(otherAdmin, task.Id, "标题", "说明")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await (await otherAdmin.GetAsync("/api/publication/preview")).ReadJsonAsync()).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task OnlyTheEmbedMayBeFramedByOtherSites()
    {
        var b = await Bureau.CreateAsync("sqlite");
        var anonymous = b.App.CreateClient();
        var embed = await anonymous.GetAsync($"/Public/Progress/{b.UnitId}/Embed");
        Assert.Equal(HttpStatusCode.OK, embed.StatusCode);
        Assert.Contains("frame-ancestors *", embed.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.False(embed.Headers.Contains("X-Frame-Options"));
        Assert.DoesNotContain("<form", await embed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var page = await anonymous.GetAsync($"/Public/Progress/{b.UnitId}");
        Assert.Contains("frame-ancestors 'none'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("DENY", page.Headers.GetValues("X-Frame-Options").Single());
        var qr = await anonymous.GetAsync($"/Public/Progress/{b.UnitId}/qr.png");
        Assert.Equal("image/png", qr.Content.Headers.ContentType?.MediaType);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, (await qr.Content.ReadAsByteArrayAsync())[..4]);
    }

    [Fact]
    public async Task ThePublicPagesAreRateLimitedPerAddress()
    {
        var b = await Bureau.CreateAsync("ratelimit");
        var anonymous = b.App.CreateClient();
        var statuses = new List<HttpStatusCode>();
        // Eleven: should the minute's window turn over during the run, a second five still pass and the eleventh is refused.
        for (var i = 0; i < 11; i++)
        {
            statuses.Add((await anonymous.GetAsync($"/Public/Progress/{b.UnitId}")).StatusCode);
        }

        Assert.All(statuses.Take(5), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
    }
}
