using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Luoshi.Features.Audit;
using Luoshi.Tests.Account;
using Luoshi.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Xunit.Abstractions;

namespace Luoshi.Tests.Audit;

/// <summary>The auditor reads the audit log and nothing else; no one else reads it (三员分立).</summary>
public class AuditorFenceTests(ITestOutputHelper output)
{
    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TheAuditorGetsNoApiEndpointButTheAuditLogsAndChangesNothing(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var task = await b.TaskAsync(b.SectionA, TestApp.Today.AddDays(-5), TestApp.Today.AddDays(30));
        var auditor = await TokenClientAsync(b, await Auditors.AddAsync(b));
        var endpoints = b.App.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Select(e => (Route: "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'), Methods: e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? []))
            .Where(e => e.Route.StartsWith("/api/", StringComparison.Ordinal) && !e.Route.StartsWith("/api/auth", StringComparison.Ordinal) && !e.Route.StartsWith("/api/audit", StringComparison.Ordinal))
            .ToList();
        var sent = 0;
        var failures = new List<string>();
        foreach (var (route, methods) in endpoints)
        {
            var url = System.Text.RegularExpressions.Regex.Replace(route, "{[^}]+}", task.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            foreach (var method in methods)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = method == "GET" ? null : new StringContent("{}", Encoding.UTF8, "application/json") };
                using var response = await auditor.SendAsync(request);
                sent++;
                if (response.StatusCode != HttpStatusCode.Forbidden || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                {
                    failures.Add($"{method} {url} → {(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType}");
                }
            }
        }

        output.WriteLine($"{endpoints.Count} endpoints, {sent} requests");
        Assert.True(sent > 60, $"only {sent} requests");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(1, await b.WithDbAsync(d => Task.FromResult(d.Tasks.Count(t => t.UnitId == b.UnitId))));
        var title = (await (await auditor.GetAsync($"/api/tasks/{task.Id}")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString();
        Assert.Contains(title!, c => c > '\u2e80');
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/api/audit")).StatusCode);
    }

    [Fact]
    public async Task TheAuditorsPagesAreTheAuditLogHisPasswordAndLoggingOut()
    {
        var b = await Bureau.CreateAsync("sqlite");
        var task = await b.TaskAsync(b.SectionA, TestApp.Today.AddDays(-5), TestApp.Today.AddDays(30));
        var (auditor, _) = await Logins.SignInAsync(b.App, await Auditors.AddAsync(b));
        foreach (var path in new[] { "/", "/Dashboard" })
        {
            var home = await auditor.GetAsync(path);
            Assert.Equal((HttpStatusCode.Redirect, "/Audit"), (home.StatusCode, home.Headers.Location?.OriginalString));
        }

        foreach (var path in new[] { "/Tasks", $"/Tasks/{task.Id}", "/Tasks/Mine", "/Plans", "/Admin/People", "/Notices", "/Projects?handler=Excel", "/Study", "/Assessment" })
        {
            Assert.True((await auditor.GetAsync(path)).StatusCode == HttpStatusCode.Forbidden, path);
        }

        var html = await auditor.GetHtmlAsync("/Audit");
        Assert.Contains("审计日志", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/Tasks\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/Account/Password\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/Account/Password")).StatusCode);
        var logout = await auditor.PostFormAsync("/Account/Logout", [], formPage: "/Audit");
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Single(await Auditors.EntriesAsync(b, AuditKind.SignedOut));
    }

    [Fact]
    public async Task NoOneButTheAuditorReadsTheAuditLogNotEvenTheOffice()
    {
        var b = await Bureau.CreateAsync("sqlite");
        foreach (var key in new[] { "admin", "leader", "headA", "staffA" })
        {
            var (pages, _) = await Logins.SignInAsync(b.App, b.People[key].Login);
            Assert.Equal(HttpStatusCode.Forbidden, (await pages.GetAsync("/Audit")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await pages.GetAsync("/Audit?handler=Excel")).StatusCode);
            var api = await b.ApiAsync(key);
            Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/audit")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/audit/export.xlsx")).StatusCode);
        }
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TheAuditApiFiltersByKindAndNameNewestFirstAndBoundsItsQuery(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var staff = b.People["staffC"].Login;
        var anonymous = new PageClient(b.App.CreateClient(new() { AllowAutoRedirect = false }));
        await anonymous.PostFormAsync("/Account/Login", new() { ["UserName"] = staff, ["Password"] = "Wrong-Secret-2026" });
        await Logins.SignInAsync(b.App, staff);
        var auditor = await TokenClientAsync(b, await Auditors.AddAsync(b));

        var page = await (await auditor.GetAsync($"/api/audit?kind=SignInFailed&who={staff}")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, page.GetProperty("total").GetInt32());
        Assert.Equal("登录失败", page.GetProperty("rows")[0].GetProperty("kindName").GetString());
        var all = await (await auditor.GetAsync($"/api/audit?who={staff}")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["SignedIn", "SignInFailed"], all.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("kind").GetString()).Take(2));
        var tomorrow = TestApp.Today.AddDays(5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(0, (await (await auditor.GetAsync($"/api/audit?from={tomorrow}&who={staff}")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await auditor.GetAsync("/api/audit?who=" + new string('长', 60))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await auditor.GetAsync("/api/audit?page=0")).StatusCode);

        var export = await auditor.GetAsync($"/api/audit/export.xlsx?who={staff}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        await using var stream = new MemoryStream(await export.Content.ReadAsByteArrayAsync());
        var rows = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(["登录成功", "登录失败"], rows.Select(r => r["事件"]?.ToString()).Take(2));
        Assert.StartsWith("审计日志-", Assert.Single(await Auditors.EntriesAsync(b, AuditKind.Exported)).Target, StringComparison.Ordinal);
    }

    private static async Task<HttpClient> TokenClientAsync(Bureau b, string login)
    {
        var tokens = await Logins.TokensAsync(b.App, login);
        var client = b.App.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        return client;
    }
}
