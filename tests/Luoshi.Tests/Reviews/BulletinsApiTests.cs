using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Luoshi.Features.Idempotency;
using Luoshi.Features.Notices;
using Luoshi.Tests.Concurrency;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Tests.Reviews;

/// <summary>/api/reviews/bulletins: the office issues, the office and the leaders read, sections are told and get their 本科室情况.</summary>
public class BulletinsApiTests
{
    private static readonly DateOnly Today = TestApp.Today;
    private static readonly string Month = Today.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static List<string> Paragraphs(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return [.. document.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().Select(p => p.InnerText)];
    }

    private static Task<List<int>> NumbersAsync(Bureau b) =>
        b.WithDbAsync(d => d.IssuedBulletins.Where(x => x.UnitId == b.UnitId).OrderBy(x => x.Number).Select(x => x.Number).ToListAsync());

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TheOfficeIssuesOverTheApiTheOfficeAndLeadersReadItAndTheLeadSectionIsToldOfItsOwnPaper(string db)
    {
        var b = await Bureau.CreateAsync(db);
        await b.TaskAsync(b.SectionA, Today.AddDays(-30), Today.AddDays(-2), change: t => t.Title = "建设孵化器");
        var admin = await b.ApiAsync("admin");

        var created = await admin.PostAsJsonAsync("/api/reviews/bulletins", new { period = Month });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var issued = await created.ReadJsonAsync();
        var id = issued.GetProperty("id").GetInt64();
        Assert.Equal($"〔{Today.Year}〕第1期", issued.GetProperty("numberText").GetString());
        Assert.Equal($"{Today.Year}年{Today.Month}月", issued.GetProperty("period").GetString());
        Assert.Equal(["Task"], issued.GetProperty("kinds").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal($"/api/reviews/bulletins/{id}/file", created.Headers.Location!.OriginalString);

        foreach (var who in new[] { "admin", "leader" })
        {
            var client = await b.ApiAsync(who);
            var list = await (await client.GetAsync("/api/reviews/bulletins")).ReadJsonAsync();
            var only = Assert.Single(list.EnumerateArray());
            Assert.Equal(id, only.GetProperty("id").GetInt64());
            Assert.Equal("办公室管理员", only.GetProperty("issuedBy").GetString());
            var file = await client.GetAsync($"/api/reviews/bulletins/{id}/file");
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            var paragraphs = Paragraphs(await file.Content.ReadAsByteArrayAsync());
            Assert.Equal(["督查通报", $"〔{Today.Year}〕第1期"], paragraphs.Take(2));
        }

        // Sections: the list is refused, the file is not there for them, issuing is the office's.
        foreach (var who in new[] { "headA", "staffA" })
        {
            var client = await b.ApiAsync(who);
            await (await client.GetAsync("/api/reviews/bulletins")).AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await client.GetAsync($"/api/reviews/bulletins/{id}/file")).AssertProblemAsync(HttpStatusCode.NotFound);
        }

        foreach (var who in new[] { "headA", "staffA", "leader" })
        {
            var refused = await (await (await b.ApiAsync(who)).PostAsJsonAsync("/api/reviews/bulletins", new { period = Month, again = true })).AssertProblemAsync(HttpStatusCode.Forbidden);
            Assert.Contains("督查通报由办公室印发", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal([1], await NumbersAsync(b));

        // The lead section's head is told, in the inbox, with a link to his 本科室情况 (not the numbered file);
        // his staff are not (their head is), nor is section B, which leads nothing reviewed.
        var notices = await b.WithDbAsync(d => d.Notices.Where(n => n.UnitId == b.UnitId && n.Kind == NoticeKind.Bulletin).ToListAsync());
        var notice = Assert.Single(notices);
        Assert.Equal(b.Person("headA"), notice.RecipientId);
        Assert.Contains($"〔{Today.Year}〕第1期", notice.Title, StringComparison.Ordinal);
        Assert.Equal($"/Reviews?handler=Word&period={Month}&plan={b.PlanId}&kind=0", notice.Link);
        var inbox = await (await (await b.ApiAsync("headA")).GetAsync("/api/notices")).ReadJsonAsync();
        Assert.Contains(inbox.GetProperty("notices").EnumerateArray(), n => n.GetProperty("link").GetString() == notice.Link);

        var head = await b.PagesAsync("headA");
        var paper = await head.GetAsync(notice.Link!);
        Assert.Equal(HttpStatusCode.OK, paper.StatusCode);
        Assert.StartsWith("本科室情况", paper.Content.Headers.ContentDisposition!.FileNameStar, StringComparison.Ordinal);
        var text = Paragraphs(await paper.Content.ReadAsByteArrayAsync());
        Assert.DoesNotContain(text, p => p.Contains('〔') || p.Contains("督查通报", StringComparison.Ordinal));
        Assert.Contains(text, p => p.Contains("建设孵化器", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await head.GetAsync($"/Reviews?handler=Issued&id={id}")).StatusCode);

        // Another unit's office cannot reach it by id.
        var other = await Bureau.CreateAsync(db);
        await (await (await other.ApiAsync("admin")).GetAsync($"/api/reviews/bulletins/{id}/file")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TheSameIssueTwiceAtOnceGetsOneNumberAndARepeatedKeyGetsTheFirstAnswer(string db)
    {
        var b = await Bureau.CreateAsync(db);
        await b.TaskAsync(b.SectionA, Today.AddDays(-30), Today.AddDays(20));
        var admin = await b.ApiAsync("admin");

        // Without a key: one is numbered, the other is asked to confirm a second number (the page's rule).
        var both = await AtOnce.SendAsync(2, _ => admin.PostAsJsonAsync("/api/reviews/bulletins", new { period = Month }));
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.BadRequest], both.Select(r => r.StatusCode).Order());
        var asked = await both.Single(r => r.StatusCode == HttpStatusCode.BadRequest).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("再次印发将另编新号", asked.GetProperty("errors").GetProperty("Again")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal([1], await NumbersAsync(b));

        // With one Idempotency-Key, copies at once act once; a repeat gets the first answer.
        HttpRequestMessage Again() => new(HttpMethod.Post, "/api/reviews/bulletins")
        {
            Content = JsonContent.Create(new { period = Month, again = true }),
            Headers = { { IdempotencyMiddleware.Header, "bulletin-again" } },
        };
        var copies = await AtOnce.SendAsync(5, _ => admin.SendAsync(Again()));
        Assert.All(copies, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, r.StatusCode.ToString()));
        Assert.Equal([1, 2], await NumbersAsync(b));
        var repeat = await admin.SendAsync(Again());
        Assert.Equal(HttpStatusCode.Created, repeat.StatusCode);
        Assert.Equal(2, (await repeat.ReadJsonAsync()).GetProperty("number").GetInt32());
        Assert.Equal([1, 2], await NumbersAsync(b));
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AnIssueRequestIsBounded(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var admin = await b.ApiAsync("admin");
        await (await admin.PostAsJsonAsync("/api/reviews/bulletins", new { period = "下个月" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.PostAsJsonAsync("/api/reviews/bulletins", new { period = new string('2', 11) })).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.PostAsJsonAsync("/api/reviews/bulletins", new { period = Month, plans = Enumerable.Range(1, 101) })).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.PostAsJsonAsync("/api/reviews/bulletins", new { period = Month, kinds = Enumerable.Repeat("Task", 11) })).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.GetAsync("/api/reviews/bulletins?year=1900")).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Empty(await NumbersAsync(b));
    }
}
