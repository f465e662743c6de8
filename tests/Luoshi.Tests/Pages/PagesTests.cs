using System.Net;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Tests.Pages;

/// <summary>The pages, as a browser talks to them: cookies, anti-forgery tokens, forms.</summary>
public class PagesTests
{
    private static readonly DateOnly Today = TestApp.Today;

    [Fact]
    public async Task AWrongPasswordIsRefusedInChinese()
    {
        var b = await Bureau.CreateAsync("sqlite");
        var client = new PageClient(b.App.CreateClient(new() { AllowAutoRedirect = false }));
        var response = await client.PostFormAsync("/Account/Login", new() { ["UserName"] = b.People["staffA"].Login, ["Password"] = "wrong-password-1" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("登录名或密码错误", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PagesRequireALogin()
    {
        var client = TestApp.For("sqlite").CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.GetAsync("/Tasks");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task StaffOfAnotherSectionGetNotFoundForTheTaskPages(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var task = await b.TaskAsync(b.SectionB, Today.AddDays(-10), Today.AddDays(60));
        var staffA = await b.PagesAsync("staffA");
        Assert.Equal(HttpStatusCode.NotFound, (await staffA.GetAsync($"/Tasks/{task.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staffA.GetAsync($"/Tasks/{task.Id}/Report")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staffA.GetAsync($"/Tasks/Edit/{task.Id}")).StatusCode);
        var staffB = await b.PagesAsync("staffB");
        Assert.Contains(task.Title, await staffB.GetHtmlAsync($"/Tasks/{task.Id}"));
    }

    [Fact]
    public async Task OnlyTheOfficeOpensTheAdminPages()
    {
        var b = await Bureau.CreateAsync("sqlite");
        var head = await b.PagesAsync("headA");
        var response = await head.GetAsync("/Admin/People");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("无权访问", await response.Content.ReadAsStringAsync());
        var admin = await b.PagesAsync("admin");
        Assert.Contains("A科长", await admin.GetHtmlAsync("/Admin/People"));
    }

    [Fact]
    public async Task AFormPostedWithoutTheAntiForgeryTokenIsRefused()
    {
        var b = await Bureau.CreateAsync("sqlite");
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-10), Today.AddDays(60));
        var staff = await b.PagesAsync("staffA");
        var response = await staff.Http.PostAsync($"/Tasks/{task.Id}/Report", new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Progress"] = "跨站提交" }));
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(0, await b.WithDbAsync(d => d.Reports.CountAsync(r => r.TaskId == task.Id)));
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TheReportFormSavesTheReportWithItsEvidence(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-10), Today.AddDays(60));
        var staff = await b.PagesAsync("staffA");
        var response = await staff.PostMultipartAsync($"/Tasks/{task.Id}/Report",
            new() { ["Input.Progress"] = "召开推进会一次", ["Input.Percent"] = "20", ["Input.Problems"] = "无", ["Input.NextSteps"] = "继续推进" },
            ("Files", "推进会照片.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var html = await staff.GetHtmlAsync($"/Tasks/{task.Id}");
        Assert.Contains("召开推进会一次", html);
        Assert.Contains("推进会照片.png", html);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AReportFormWithABadFileShowsWhyAndSavesNothing(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-10), Today.AddDays(60));
        var staff = await b.PagesAsync("staffA");
        var evidenceBefore = await b.WithDbAsync(d => d.Evidence.CountAsync(e => e.UnitId == b.UnitId));

        var response = await staff.PostMultipartAsync($"/Tasks/{task.Id}/Report",
            new() { ["Input.Progress"] = "附件有问题", ["Input.Percent"] = "20" },
            ("Files", "好文件.pdf", [0x25, 0x50, 0x44, 0x46]), ("Files", "伪装.pdf", [0x4D, 0x5A, 0x00]));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("内容与扩展名不符", await response.Content.ReadAsStringAsync());

        var empty = await staff.PostMultipartAsync($"/Tasks/{task.Id}/Report", new() { ["Input.Progress"] = "", ["Input.Percent"] = "200" });
        var html = await empty.Content.ReadAsStringAsync();
        Assert.Contains("请填写进展情况", html);
        Assert.Contains("完成百分比应在0到100之间", html);

        Assert.Equal(0, await b.WithDbAsync(d => d.Reports.CountAsync(r => r.TaskId == task.Id)));
        Assert.Equal(evidenceBefore, await b.WithDbAsync(d => d.Evidence.CountAsync(e => e.UnitId == b.UnitId)));
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TheTaskFormRefusesADueDateBeforeTheStartInChinese(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var admin = await b.PagesAsync("admin");
        var response = await admin.PostFormAsync("/Tasks/Edit", new()
        {
            ["Input.PlanId"] = b.PlanId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Title"] = "日期颠倒的任务",
            ["Input.LeadSectionId"] = b.SectionA.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.StartDate"] = "2026-06-01",
            ["Input.DueDate"] = "2026-05-01",
        }, formPage: $"/Tasks/Edit?planId={b.PlanId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(body.Contains("完成时限不能早于开始日期", StringComparison.Ordinal), body[body.IndexOf("<main>", StringComparison.Ordinal)..]);
        Assert.Equal(0, await b.WithDbAsync(d => d.Tasks.CountAsync(t => t.UnitId == b.UnitId)));
    }

    [Fact]
    public async Task TheDashboardShowsTheLightsOfWhatTheViewerMaySee()
    {
        var b = await Bureau.CreateAsync("sqlite");
        var red = await b.TaskAsync(b.SectionA, Today.AddDays(-60), Today.AddDays(-5), change: t => t.Title = "科室A的逾期任务");
        await b.TaskAsync(b.SectionB, Today.AddDays(-60), Today.AddDays(-5), change: t => t.Title = "科室B的逾期任务");
        var staffA = await b.PagesAsync("staffA");
        var html = await staffA.GetHtmlAsync("/");
        Assert.Contains("科室A的逾期任务", html);
        Assert.DoesNotContain("科室B的逾期任务", html);
        Assert.Contains($"/Tasks/{red.Id}", html);
    }

    [Fact]
    public async Task AOneTimePasswordMustBeChangedBeforeAnythingElse()
    {
        var b = await Bureau.CreateAsync("sqlite");
        await b.WithDbAsync(async d =>
        {
            await d.Users.Where(u => u.PersonId == b.Person("staffC")).ExecuteUpdateAsync(s => s.SetProperty(u => u.MustChangePassword, true));
            await Luoshi.Features.Account.Accounts.MarkOneTimeAsync(d, d.Users.Single(u => u.PersonId == b.Person("staffC")).Id, b.App.Clock);
            return 0;
        });
        var staff = await b.PagesAsync("staffC");
        var response = await staff.GetAsync("/Tasks");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Password", response.Headers.Location!.OriginalString);
    }
}
