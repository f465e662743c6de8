using System.Net;
using System.Net.Http.Json;
using Luoshi.Features.Account;
using Luoshi.Features.Notices;
using Luoshi.Features.Organisation;
using Luoshi.Features.Tasks;
using Luoshi.Tests.Browser;
using Luoshi.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Luoshi.Tests.Directives;

/// <summary>领导批示件: registered by the office (secret documents refused), reported on by the lead
/// section once per round, answered by the leader through the office: 再次批示, then 同意办结.</summary>
public class DirectiveTests
{
    private static readonly DateOnly Today = TestApp.Today;

    internal static string Day(int offset) => Today.AddDays(offset).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Registers a 批示件 as the office; returns its task id.</summary>
    internal static async Task<int> CreateAsync(Bureau b, string classification = "一般", int[]? readers = null, int? responsible = null, HttpClient? office = null)
    {
        var admin = office ?? await b.ApiAsync("admin");
        var response = await admin.PostAsJsonAsync("/api/directives", Body(b, classification, readers, responsible));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("id").GetInt32();
    }

    internal static object Body(Bureau b, string classification = "一般", int[]? readers = null, int? responsible = null) => new
    {
        sourceTitle = "关于加快科技成果转化的报告" + FormChecks.Unique(), documentNumber = "市政府办〔2026〕12号", instruction = "请市科技局牵头研究，提出具体措施。",
        leader = "张某某副市长", instructedOn = Day(-1), classification, readerIds = readers ?? [], dueDate = Day(15),
        leadSectionId = b.SectionA, responsiblePersonId = responsible, leadLeaderId = b.Person("leader"), cooperatingSectionIds = new[] { b.SectionB },
    };

    internal static Task<HttpResponseMessage> ReportAsync(HttpClient api, int id, int round) =>
        api.PostAsJsonAsync($"/api/directives/{id}/reports", new { round, text = $"第{round}轮：已召开专题会研究，形成措施清单。", evidence = "专题会纪要" });

    internal static Task<HttpResponseMessage> RespondAsync(HttpClient api, int id, int round, string response, string? opinion = null, string? due = null) =>
        api.PostAsJsonAsync($"/api/directives/{id}/response", new { round, response, opinion, dueDate = due });

    /// <summary>A second office member (not the registrar), to show the rest of the office does not read a restricted item.</summary>
    internal static async Task<HttpClient> OtherOfficeAsync(Bureau b)
    {
        await using var scope = b.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Luoshi.Data.LuoshiDb>();
        var person = new Person { UnitId = b.UnitId, Name = "办公室另一位同事", Role = Role.Admin, SectionId = b.SectionC };
        db.People.Add(person);
        await db.SaveChangesAsync();
        var login = $"office2.{b.UnitId}";
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.True((await users.CreateAsync(new AppUser { UserName = login, UnitId = b.UnitId, PersonId = person.Id }, Bureau.Password)).Succeeded);
        b.People["office2"] = (person.Id, login);
        return await b.ApiAsync("office2");
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task ADirectiveIsReportedAnsweredAgainAndClosedEachStepOnce(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var id = await CreateAsync(b);
        var (admin, head, staffB) = (await b.ApiAsync("admin"), await b.ApiAsync("headA"), await b.ApiAsync("staffB"));

        var task = await b.WithDbAsync(d => d.Tasks.Include(t => t.Cooperations).SingleAsync(t => t.Id == id));
        Assert.Equal(WorkKind.Directive, task.Kind);
        Assert.Equal("办理", task.Stage);
        Assert.Equal("市政府办〔2026〕12号", task.SourceLabel);
        Assert.False(task.Restricted);
        Assert.Equal(Today.AddDays(15), task.DueDate);
        Assert.Equal($"{Today.Year}年领导批示件", await b.WithDbAsync(d => d.Plans.Where(p => p.Id == task.PlanId).Select(p => p.Title).SingleAsync()));

        // Only the lead section reports; a cooperating section and the office do not.
        await (await ReportAsync(staffB, id, 1)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await ReportAsync(admin, id, 1)).AssertProblemAsync(HttpStatusCode.Forbidden);
        // No answer before there is a report.
        await (await RespondAsync(admin, id, 1, "同意办结")).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(HttpStatusCode.Created, (await ReportAsync(head, id, 1)).StatusCode);
        await (await ReportAsync(head, id, 1)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Single(await b.WithDbAsync(d => d.Notices.Where(n => n.Kind == NoticeKind.DirectiveReported && n.TaskId == id && n.RecipientId == b.Person("admin")).ToListAsync()));
        Assert.Equal("呈阅", await b.WithDbAsync(d => d.Tasks.Where(t => t.Id == id).Select(t => t.Stage).SingleAsync()));

        // The leader's answer: only the office records it; 再次批示 needs the text and a new 时限.
        await (await RespondAsync(head, id, 1, "再次批示", "请补充资金安排", Day(30))).AssertProblemAsync(HttpStatusCode.Forbidden);
        var missing = await (await RespondAsync(admin, id, 1, "再次批示")).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("再次批示时请填写批示内容", missing.ErrorsOf("Opinion"));
        Assert.Contains("再次批示时请填写新的办理时限", missing.ErrorsOf("DueDate"));
        var bad = await (await RespondAsync(admin, id, 1, "不同意")).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(bad.ErrorsOf("Response"));
        var again = await RespondAsync(admin, id, 1, "再次批示", "请补充资金安排和时间表", Day(30));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.False((await again.ReadJsonAsync()).GetProperty("closed").GetBoolean());
        await (await RespondAsync(admin, id, 1, "同意办结")).AssertProblemAsync(HttpStatusCode.Conflict);
        var reopened = await b.WithDbAsync(d => d.Tasks.SingleAsync(t => t.Id == id));
        Assert.Equal(Today.AddDays(30), reopened.DueDate);
        Assert.Null(reopened.CompletedOn);
        Assert.Equal("办理", reopened.Stage);
        Assert.Single(await b.WithDbAsync(d => d.Notices.Where(n => n.Kind == NoticeKind.DirectiveAnswered && n.TaskId == id && n.RecipientId == b.Person("headA")).ToListAsync()));

        // A report for the old round lands on nothing: the page was stale.
        await (await ReportAsync(head, id, 1)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.Created, (await ReportAsync(head, id, 2)).StatusCode);
        var closed = await RespondAsync(admin, id, 2, "同意办结", "同意。");
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.True((await closed.ReadJsonAsync()).GetProperty("closed").GetBoolean());
        await (await RespondAsync(admin, id, 2, "同意办结")).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await ReportAsync(head, id, 3)).AssertProblemAsync(HttpStatusCode.Conflict);

        var item = await (await admin.GetAsync($"/api/directives/{id}")).ReadJsonAsync();
        Assert.Equal("已办结", item.GetProperty("state").GetString());
        Assert.Equal(["请市科技局牵头研究，提出具体措施。", "请补充资金安排和时间表"], item.GetProperty("instructions").EnumerateArray().Select(i => i.GetProperty("text").GetString()));
        Assert.Equal(["再次批示", "同意办结"], item.GetProperty("reports").EnumerateArray().Select(r => r.GetProperty("response").GetString()));
        var done = await b.WithDbAsync(d => d.Tasks.SingleAsync(t => t.Id == id));
        Assert.Equal(Today, done.CompletedOn);
        Assert.Equal("办结", done.Stage);
        Assert.Equal(4, await b.WithDbAsync(d => d.TaskEvents.CountAsync(e => e.TaskId == id && e.Kind.StartsWith("directive"))));
        // Both 批示, both reports and both answers are in the tamper-evident record.
        var recorded = await b.WithDbAsync(d => d.RecordEntries.Where(e => e.UnitId == b.UnitId && e.Kind.StartsWith("directive-")).Select(e => e.Kind).ToListAsync());
        Assert.Equal(["directive-instruction", "directive-instruction", "directive-report", "directive-report", "directive-response", "directive-response"], recorded.Order());
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TheOfficeRegistersOnlyWhatThisSystemMayHoldWithBoundsAndOnceByKey(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var admin = await b.ApiAsync("admin");
        var secret = await (await admin.PostAsJsonAsync("/api/directives", Body(b, "秘密"))).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(secret.ErrorsOf("Classification"), m => m.Contains("不得录入本系统", StringComparison.Ordinal));
        var top = await (await admin.PostAsJsonAsync("/api/directives", Body(b, "绝密★1年"))).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(top.ErrorsOf("Classification"), m => m.Contains("不得录入本系统", StringComparison.Ordinal));
        await (await (await b.ApiAsync("headA")).PostAsJsonAsync("/api/directives", Body(b))).AssertProblemAsync(HttpStatusCode.Forbidden);
        var empty = await (await admin.PostAsJsonAsync("/api/directives", new { sourceTitle = "", documentNumber = new string('号', 101), leadSectionId = b.SectionA })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(empty.ErrorsOf("SourceTitle"));
        Assert.NotEmpty(empty.ErrorsOf("DocumentNumber"));
        Assert.NotEmpty(empty.ErrorsOf("Instruction"));
        Assert.NotEmpty(empty.ErrorsOf("DueDate"));
        Assert.Equal(0, await b.WithDbAsync(d => d.DirectiveDetails.CountAsync(x => x.UnitId == b.UnitId)));

        // The same Idempotency-Key twice: one 批示件, the first answer repeated.
        var body = Body(b);
        var first = new HttpRequestMessage(HttpMethod.Post, "/api/directives") { Content = JsonContent.Create(body) };
        first.Headers.Add("Idempotency-Key", "directive-" + FormChecks.Unique());
        var second = new HttpRequestMessage(HttpMethod.Post, "/api/directives") { Content = JsonContent.Create(body) };
        second.Headers.Add("Idempotency-Key", first.Headers.GetValues("Idempotency-Key").Single());
        var a = await admin.SendAsync(first);
        var c = await admin.SendAsync(second);
        Assert.Equal(HttpStatusCode.Created, a.StatusCode);
        Assert.Equal(HttpStatusCode.Created, c.StatusCode);
        Assert.Equal((await a.ReadJsonAsync()).GetProperty("id").GetInt32(), (await c.ReadJsonAsync()).GetProperty("id").GetInt32());
        Assert.Equal(1, await b.WithDbAsync(d => d.DirectiveDetails.CountAsync(x => x.UnitId == b.UnitId)));
    }

    /// <summary>知悉范围: an internal item is read by its readers, the registrar and the lead head, person and
    /// leader only; everyone else, the rest of the office and of the lead section included, gets 404 on the
    /// item, the task and its API, and finds it in no list and no export.</summary>
    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task ARestrictedDirectiveIsReadOnlyWithinItsCircle(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var office2 = await OtherOfficeAsync(b);
        var id = await CreateAsync(b, "内部", readers: [b.Person("staffB")]);
        var open = await CreateAsync(b);
        Assert.True(await b.WithDbAsync(d => d.Tasks.Where(t => t.Id == id).Select(t => t.Restricted).SingleAsync()));
        var title = await b.WithDbAsync(d => d.Tasks.Where(t => t.Id == id).Select(t => t.Title).SingleAsync());

        foreach (var key in new[] { "admin", "staffB", "headA", "leader" })
        {
            var api = await b.ApiAsync(key);
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/directives/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/tasks/{id}")).StatusCode);
            Assert.Contains(id, await ListedAsync(api));
        }

        var outsiders = new Dictionary<string, HttpClient>
        {
            ["office2"] = office2, ["staffA"] = await b.ApiAsync("staffA"), ["headB"] = await b.ApiAsync("headB"), ["staffC"] = await b.ApiAsync("staffC"),
        };
        foreach (var (key, api) in outsiders)
        {
            await (await api.GetAsync($"/api/directives/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
            await (await api.GetAsync($"/api/tasks/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
            Assert.DoesNotContain(id, await ListedAsync(api));
            var tasks = await (await api.GetAsync("/api/tasks?pageSize=100")).ReadJsonAsync();
            Assert.DoesNotContain(id, tasks.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetInt32()));
            var export = await (await api.GetAsync("/api/directives/export")).Content.ReadAsByteArrayAsync();
            Assert.DoesNotContain(title, ExcelText(export));
        }

        // The rest of the office still reads the open item; the lead staff reads it as any task.
        Assert.Contains(open, await ListedAsync(office2));
        Assert.Contains(open, await ListedAsync(outsiders["staffA"]));
        // Outside the circle, the lead section's other member can neither read nor report.
        await (await ReportAsync(outsiders["staffA"], id, 1)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await RespondAsync(office2, id, 1, "同意办结")).AssertProblemAsync(HttpStatusCode.NotFound);

        // The pages: task page, item page, print form 404; the task list and its Excel do not name it.
        var pagesOut = await b.PagesAsync("staffA");
        Assert.Equal(HttpStatusCode.NotFound, (await pagesOut.GetAsync($"/Tasks/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await pagesOut.GetAsync($"/Directives/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await pagesOut.GetAsync($"/Directives/{id}/Print")).StatusCode);
        Assert.DoesNotContain(title, await pagesOut.GetHtmlAsync("/Tasks"));
        Assert.DoesNotContain(title, await pagesOut.GetHtmlAsync("/Directives"));
        Assert.DoesNotContain(title, ExcelText(await (await pagesOut.GetAsync("/Tasks?handler=Excel")).Content.ReadAsByteArrayAsync()));
        var pagesIn = await b.PagesAsync("staffB");
        Assert.Contains(title, await pagesIn.GetHtmlAsync($"/Directives/{id}"));
        Assert.Contains(title, await pagesIn.GetHtmlAsync($"/Directives/{id}/Print"));
        Assert.Contains(title, ExcelText(await (await pagesIn.GetAsync("/Tasks?handler=Excel")).Content.ReadAsByteArrayAsync()));
    }

    private static async Task<List<int>> ListedAsync(HttpClient api) =>
        [.. (await (await api.GetAsync("/api/directives")).ReadJsonAsync()).EnumerateArray().Select(r => r.GetProperty("id").GetInt32())];

    internal static string ExcelText(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return string.Join("\n", stream.Query().Select(r => string.Join("\t", ((IDictionary<string, object?>)r).Values)));
    }
}
