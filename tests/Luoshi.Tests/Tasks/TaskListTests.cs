using System.Globalization;
using System.Net;
using Luoshi.Features.Audit;
using Luoshi.Features.Plans;
using Luoshi.Features.Tasks;
using Luoshi.Tests.Infrastructure;
using Luoshi.Tests.Requests;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Luoshi.Tests.Tasks;

/// <summary>The task list a desk works from: filters, sorting, paging, the Excel of what is shown, bulk 催办 and 改派.</summary>
public class TaskListTests
{
    private static readonly DateOnly Today = TestApp.Today;

    /// <summary>Tasks that differ in one thing each, so that each filter must pick exactly its own.</summary>
    private sealed record Fixture(Bureau B, int OtherPlan, Dictionary<string, int> Ids)
    {
        public string Title(string key) => "列表" + B.UnitId.ToString(CultureInfo.InvariantCulture) + key;
    }

    private static async Task<Fixture> FixtureAsync(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var otherPlan = await b.WithDbAsync(async d =>
        {
            var plan = new Plan { UnitId = b.UnitId, Title = "另一个计划", Year = 2026, CreatedAt = DateTime.UtcNow };
            d.Plans.Add(plan);
            await d.SaveChangesAsync();
            return plan.Id;
        });
        var ids = new Dictionary<string, int>();
        var f = new Fixture(b, otherPlan, ids);
        async Task Add(string key, int section, DateOnly due, Action<TaskInput>? change = null, DateOnly? start = null)
        {
            ids[key] = (await b.TaskAsync(section, start ?? Today.AddDays(-30), due, change: t =>
            {
                t.Title = f.Title(key);
                t.ResponsiblePersonId = section == b.SectionA ? b.Person("staffA") : b.Person("staffB");
                change?.Invoke(t);
            })).Id;
        }

        await Add("甲", b.SectionA, Today.AddDays(40));
        await Add("乙", b.SectionA, Today.AddDays(-2));
        await Add("丙", b.SectionA, Today.AddDays(20), t => t.ResponsiblePersonId = b.Person("headA"));
        await Add("丁", b.SectionA, Today.AddDays(30), t => t.PlanId = otherPlan);
        await Add("戊", b.SectionB, Today.AddDays(10));
        await Add("己", b.SectionB, Today.AddDays(50), t => t.PlanId = otherPlan);
        await b.WithDbAsync(d => d.Tasks.Where(t => t.Id == ids["丙"]).ExecuteUpdateAsync(s => s.SetProperty(t => t.Kind, WorkKind.Project)));
        await b.WithDbAsync(d => d.Tasks.Where(t => t.Id == ids["己"]).ExecuteUpdateAsync(s => s.SetProperty(t => t.Kind, WorkKind.Project)));
        var headA = await b.ApiAsync("headA");
        foreach (var key in new[] { "甲", "丙" })
        {
            Assert.Equal(HttpStatusCode.OK, (await headA.PostAsync($"/api/tasks/{ids[key]}/sign", null)).StatusCode);
        }

        return f;
    }

    /// <summary>The fixture's tasks on the page, in the order shown.</summary>
    private static List<string> Shown(Fixture f, string html) =>
        [.. f.Ids.Keys.Select(k => (Key: k, At: html.IndexOf(">" + f.Title(k) + "</a>", StringComparison.Ordinal))).Where(x => x.At >= 0).OrderBy(x => x.At).Select(x => x.Key)];

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task EachFilterNarrowsTheListAndStaffNeverSeeAnotherSectionsTask(string db)
    {
        var f = await FixtureAsync(db);
        var b = f.B;
        var admin = await b.PagesAsync("admin");
        async Task<List<string>> As(PageClient who, string query) => [.. Shown(f, await who.GetHtmlAsync("/Tasks?" + query)).Order()];

        Assert.Equal(["丁", "丙", "乙", "己", "戊", "甲"], await As(admin, ""));
        Assert.Equal(["丁", "己"], await As(admin, $"plan={f.OtherPlan}"));
        Assert.Equal(["丙", "己"], await As(admin, $"kind={(int)WorkKind.Project}"));
        Assert.Equal(["丁", "乙", "己", "戊"], await As(admin, "unsigned=true"));
        Assert.Equal(["丁", "乙"], await As(admin, $"unsigned=true&section={b.SectionA}"));
        Assert.Equal(["丙"], await As(admin, $"person={b.Person("headA")}"));
        Assert.Equal(["乙"], await As(admin, "light=red"));
        Assert.Equal(["戊"], await As(admin, "q=" + Uri.EscapeDataString(f.Title("戊"))));

        var staffA = await b.PagesAsync("staffA");
        Assert.Equal(["丁", "丙", "乙", "甲"], await As(staffA, ""));
        foreach (var query in new[] { $"section={b.SectionB}", $"plan={f.OtherPlan}", $"kind={(int)WorkKind.Project}", "unsigned=true", $"person={b.Person("staffB")}",
                     "q=" + Uri.EscapeDataString(f.Title("戊")) })
        {
            var seen = await As(staffA, query);
            Assert.DoesNotContain("戊", seen);
            Assert.DoesNotContain("己", seen);
        }

        // Staff get no checkboxes and no bulk bar.
        var staffHtml = await staffA.GetHtmlAsync("/Tasks");
        Assert.DoesNotContain("name=\"ids\"", staffHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("批量催办", staffHtml, StringComparison.Ordinal);
        Assert.Contains("name=\"ids\"", await admin.GetHtmlAsync("/Tasks"), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task SortingIsInTheQueryStringAndTheExcelHasTheRowsShownInOrder(string db)
    {
        var f = await FixtureAsync(db);
        var b = f.B;
        var admin = await b.PagesAsync("admin");
        Assert.Equal(["乙", "戊", "丙", "丁", "甲", "己"], Shown(f, await admin.GetHtmlAsync("/Tasks")));
        Assert.Equal(["己", "甲", "丁", "丙", "戊", "乙"], Shown(f, await admin.GetHtmlAsync("/Tasks?sort=due&desc=true")));
        var bySection = Shown(f, await admin.GetHtmlAsync("/Tasks?sort=section"));
        Assert.Equal(["戊", "己"], bySection.Skip(4));
        // Red first when sorting by light.
        Assert.Equal("乙", Shown(f, await admin.GetHtmlAsync("/Tasks?sort=light"))[0]);
        // A column heading reverses the current sort and keeps the filters.
        var html = await admin.GetHtmlAsync($"/Tasks?section={b.SectionA}&sort=due");
        Assert.Contains($"/Tasks?section={b.SectionA}&amp;sort=due&amp;desc=true", html, StringComparison.Ordinal);

        var query = $"section={b.SectionA}&sort=due&desc=true";
        var shown = Shown(f, await admin.GetHtmlAsync("/Tasks?" + query));
        var response = await admin.GetAsync("/Tasks?handler=excel&" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var workbook = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = MiniExcel.Query(workbook, useHeaderRow: true, sheetName: "任务清单").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(shown.Select(f.Title), rows.Select(r => (string)r["任务"]));
        Assert.Equal(["甲", "丁", "丙", "乙"], shown);
        Assert.Equal("A科长", rows.Single(r => (string)r["任务"] == f.Title("丙"))["责任人"]);
        Assert.Equal(1, await b.WithDbAsync(d => d.AuditEntries.CountAsync(e => e.UnitId == b.UnitId && e.Kind == AuditKind.Exported)));

        // Staff export only what they see.
        var staffRows = MiniExcel.Query(new MemoryStream(await (await (await b.PagesAsync("staffB")).GetAsync("/Tasks?handler=excel")).Content.ReadAsByteArrayAsync()),
            useHeaderRow: true, sheetName: "任务清单").Cast<IDictionary<string, object>>().Select(r => (string)r["任务"]).ToList();
        Assert.Equal([f.Title("戊"), f.Title("己")], staffRows);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TheApiFiltersByKindAndSigningAndSorts(string db)
    {
        var f = await FixtureAsync(db);
        var b = f.B;
        async Task<List<string>> Titles(HttpClient api, string query)
        {
            var body = await (await api.GetAsync("/api/tasks?" + query)).ReadJsonAsync();
            var byTitle = f.Ids.Keys.ToDictionary(f.Title);
            return [.. body.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("title").GetString()!).Where(byTitle.ContainsKey).Select(t => byTitle[t])];
        }

        var admin = await b.ApiAsync("admin");
        Assert.Equal(["己", "丙"], await Titles(admin, $"kind={(int)WorkKind.Project}&sort=due&desc=true"));
        Assert.Equal(["乙", "戊", "丁", "己"], await Titles(admin, "unsigned=true"));
        Assert.Equal(["乙"], (await Titles(admin, "sort=light")).Take(1));
        await (await admin.GetAsync("/api/tasks?sort=name")).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.GetAsync("/api/tasks?kind=99")).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["乙", "丁"], await Titles(await b.ApiAsync("staffA"), "unsigned=true"));
    }

    /// <summary>A person's open tasks by due date (open=true), and the list's total, which is kept a few
    /// seconds per person and filter: a new task counts at the next request, and another person with the
    /// same filter gets his own count, never the kept one.</summary>
    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task OpenTasksByDueDateAndTheTotalCountsTheNextNewTask(string db)
    {
        var f = await FixtureAsync(db);
        var b = f.B;
        await b.WithDbAsync(d => d.Tasks.Where(t => t.Id == f.Ids["乙"]).ExecuteUpdateAsync(s => s.SetProperty(t => t.CompletedOn, Today.AddDays(-1))));
        async Task<(int Total, List<string> Keys)> List(HttpClient api, string query)
        {
            var body = await (await api.GetAsync("/api/tasks?" + query)).ReadJsonAsync();
            var byTitle = f.Ids.Keys.ToDictionary(f.Title);
            return (body.GetProperty("total").GetInt32(),
                [.. body.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("title").GetString()!).Where(byTitle.ContainsKey).Select(t => byTitle[t])]);
        }

        var staffA = await b.ApiAsync("staffA");
        var query = $"person={b.Person("staffA")}&open=true&sort=due";
        var (open, keys) = await List(staffA, query);
        Assert.Equal(["丁", "甲"], keys);
        Assert.Equal(open + 1, (await List(staffA, $"person={b.Person("staffA")}&sort=due")).Total); // 乙 is done
        Assert.Equal(open, (await List(staffA, query)).Total);

        // Another person, the same filter: staff of section B see none of section A's tasks.
        Assert.Equal(0, (await List(await b.ApiAsync("staffB"), query)).Total);

        var added = await b.TaskAsync(b.SectionA, Today.AddDays(-1), Today.AddDays(5), change: t => { t.Title = f.Title("庚"); t.ResponsiblePersonId = b.Person("staffA"); });
        f.Ids["庚"] = added.Id;
        var (after, shown) = await List(staffA, query);
        Assert.Equal(open + 1, after);
        Assert.Equal(["庚", "丁", "甲"], shown);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task PagesKeepTheFiltersAndTheSort(string db)
    {
        var b = await Bureau.CreateAsync(db);
        for (var i = 0; i < 32; i++)
        {
            await b.TaskAsync(b.SectionA, Today.AddDays(-10), Today.AddDays(10 + i), change: t => t.Title = $"分页{i:D2}号");
        }

        await b.TaskAsync(b.SectionB, Today.AddDays(-10), Today.AddDays(5), change: t => t.Title = "分页其他科室");
        var admin = await b.PagesAsync("admin");
        var first = await admin.GetHtmlAsync($"/Tasks?section={b.SectionA}&sort=due&desc=true");
        Assert.Contains("共 32 项", first, StringComparison.Ordinal);
        var next = $"/Tasks?section={b.SectionA}&amp;sort=due&amp;desc=true&amp;page=2";
        Assert.Contains(next, first, StringComparison.Ordinal);
        Assert.Contains("分页31号", first, StringComparison.Ordinal);
        var second = await admin.GetHtmlAsync(System.Net.WebUtility.HtmlDecode(next));
        Assert.Contains("分页01号", second, StringComparison.Ordinal);
        Assert.Contains("分页00号", second, StringComparison.Ordinal);
        Assert.DoesNotContain("分页31号", second, StringComparison.Ordinal);
        Assert.DoesNotContain("分页其他科室", second, StringComparison.Ordinal);
    }

    private static IEnumerable<KeyValuePair<string, string>> Ticked(IEnumerable<int> ids, params (string Key, string Value)[] fields) =>
        [.. ids.Select(id => new KeyValuePair<string, string>("ids", id.ToString(CultureInfo.InvariantCulture))), .. fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))];

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TheOfficeUrgesTickedTasksAndIsToldWhichWereRefused(string db)
    {
        var f = await FixtureAsync(db);
        var b = f.B;
        var api = await b.ApiAsync("admin");
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsync($"/api/tasks/{f.Ids["乙"]}/urge", System.Net.Http.Json.JsonContent.Create(new { message = "请抓紧" }))).StatusCode);
        await RequestsTests.CompleteAsync(b, f.Ids["丁"]);

        var admin = await b.PagesAsync("admin");
        var ticked = new[] { f.Ids["甲"], f.Ids["乙"], f.Ids["丁"], f.Ids["戊"] };
        var missing = await admin.PostPairsAsync("/Tasks?handler=urge", Ticked(ticked), "/Tasks");
        Assert.Contains("请填写催办意见", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await b.WithDbAsync(d => d.EscalationSteps.CountAsync(s => s.UnitId == b.UnitId)));

        var response = await admin.PostPairsAsync($"/Tasks?handler=urge&section={b.SectionA}", Ticked(ticked, ("message", "请于本周内报送进展")), "/Tasks");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("已催办 2 项任务，2 项未催办", html, StringComparison.Ordinal);
        Assert.Contains(f.Title("乙") + "：今天已对该任务发出过催办", html, StringComparison.Ordinal);
        Assert.Contains(f.Title("丁") + "：任务已办结", html, StringComparison.Ordinal);
        var urged = await b.WithDbAsync(d => d.EscalationSteps.Where(s => s.UnitId == b.UnitId && s.Message == "请于本周内报送进展").Select(s => s.TaskId).ToListAsync());
        Assert.Equal([f.Ids["甲"], f.Ids["戊"]], urged.Order());
        Assert.Equal(1, await b.WithDbAsync(d => d.TaskEvents.CountAsync(e => e.TaskId == f.Ids["甲"] && e.Summary.Contains("请于本周内报送进展"))));

        var staff = await b.PagesAsync("headA");
        var refused = await staff.PostPairsAsync("/Tasks?handler=urge", Ticked([f.Ids["丙"]], ("message", "越权催办")), "/Tasks");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(0, await b.WithDbAsync(d => d.EscalationSteps.CountAsync(s => s.UnitId == b.UnitId && s.Message == "越权催办")));
    }

    /// <summary>The confirm form of a preview page as a browser would post it (the task ids repeat).</summary>
    private static List<KeyValuePair<string, string>> ConfirmForm(string html)
    {
        var form = html[html.IndexOf("handler=Confirm", StringComparison.Ordinal)..];
        form = form[..form.IndexOf("</form>", StringComparison.Ordinal)];
        return [.. System.Text.RegularExpressions.Regex.Matches(form, "<input type=\"hidden\"[^>]*?name=\"([^\"]+)\"[^>]*?value=\"([^\"]*)\"")
            .Select(m => new KeyValuePair<string, string>(m.Groups[1].Value, System.Net.WebUtility.HtmlDecode(m.Groups[2].Value)))
            .Where(p => p.Key != "__RequestVerificationToken")];
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TickedTasksAreReassignedOnlyAfterAPreviewAndExactlyAsPreviewedOnce(string db)
    {
        var f = await FixtureAsync(db);
        var b = f.B;
        await RequestsTests.CompleteAsync(b, f.Ids["丁"]);
        var admin = await b.PagesAsync("admin");
        Task<int> MovedAsync() => b.WithDbAsync(d => d.Reassignments.CountAsync(r => r.UnitId == b.UnitId));
        var ticked = new[] { f.Ids["甲"], f.Ids["丙"], f.Ids["丁"], f.Ids["戊"], 99_999_999 };
        var to = ("toSectionId", b.SectionB.ToString(CultureInfo.InvariantCulture));
        var preview = await admin.PostPairsAsync("/Reassign/Selected?handler=Preview", Ticked(ticked, to, ("toPersonId", ""), ("reason", "机构调整"), ("back", "/Tasks?section=1")), "/Tasks");
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var html = await preview.Content.ReadAsStringAsync();
        Assert.Contains("将改派 2 项任务，3 项不改派", html, StringComparison.Ordinal);
        Assert.Contains("从 科室A，责任人A科长 改派给 科室B", html, StringComparison.Ordinal);
        Assert.Contains("任务已办结，不再改派", html, StringComparison.Ordinal);
        Assert.Contains("任务已由该科室（责任人）牵头", html, StringComparison.Ordinal);
        Assert.Contains("不在您的办理范围", html, StringComparison.Ordinal);
        Assert.Equal(0, await MovedAsync());
        var confirm = ConfirmForm(html);
        Assert.Equal([f.Ids["甲"], f.Ids["丙"]], confirm.Where(p => p.Key == "Ids").Select(p => int.Parse(p.Value, CultureInfo.InvariantCulture)).Order());

        // Someone changes 丙's responsible person after the preview: nothing moves, the new preview is shown.
        await b.WithDbAsync(d => d.Tasks.Where(t => t.Id == f.Ids["丙"]).ExecuteUpdateAsync(u => u.SetProperty(t => t.ResponsiblePersonId, b.Person("staffA"))));
        var stale = await admin.PostPairsAsync("/Reassign/Selected?handler=Confirm", confirm, "/Tasks");
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var again = await stale.Content.ReadAsStringAsync();
        Assert.Contains("预览之后任务已有变化", again, StringComparison.Ordinal);
        Assert.DoesNotContain("责任人A科长", again, StringComparison.Ordinal);
        Assert.Equal(0, await MovedAsync());

        // The new preview confirmed, twice at once and once more: the two tasks move once.
        var fresh = ConfirmForm(again);
        var both = await Task.WhenAll(admin.PostPairsAsync("/Reassign/Selected?handler=Confirm", fresh, "/Tasks"), admin.PostPairsAsync("/Reassign/Selected?handler=Confirm", fresh, "/Tasks"));
        Assert.All(both, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var done = await admin.PostPairsAsync("/Reassign/Selected?handler=Confirm", fresh, "/Tasks");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var moved = await b.WithDbAsync(d => d.Reassignments.Where(r => r.UnitId == b.UnitId).Select(r => r.TaskId).ToListAsync());
        Assert.Equal([f.Ids["甲"], f.Ids["丙"]], moved.Order());
        var result = await admin.GetHtmlAsync(done.Headers.Location!.OriginalString);
        Assert.Contains("已改派 2 项任务", result, StringComparison.Ordinal);
        Assert.Contains("href=\"/Tasks?section=1\"", result, StringComparison.Ordinal);
        var stored = await b.WithDbAsync(d => d.Tasks.AsNoTracking().Where(t => t.Id == f.Ids["甲"]).SingleAsync());
        Assert.Equal((b.SectionB, (DateTime?)null), (stored.LeadSectionId, stored.SignedAt));
        Assert.Equal(1, await b.WithDbAsync(d => d.TaskEvents.CountAsync(e => e.TaskId == f.Ids["甲"] && e.Kind == "reassign" && e.Summary.Contains("机构调整"))));

        // Only the office: a section head is refused both steps.
        var head = await b.PagesAsync("headB");
        var refused = await head.PostPairsAsync("/Reassign/Selected?handler=Preview", Ticked([f.Ids["甲"]], ("toSectionId", b.SectionC.ToString(CultureInfo.InvariantCulture)), ("reason", "越权改派")), "/Tasks");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var forged = await head.PostPairsAsync("/Reassign/Selected?handler=Confirm", [.. fresh.Where(p => p.Key != "BatchKey"), new("BatchKey", Guid.NewGuid().ToString())], "/Tasks");
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(2, await MovedAsync());
    }
}
