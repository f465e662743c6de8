using System.Net;
using System.Net.Http.Json;
using System.Text;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Tests.Shared;

/// <summary>The probe's findings, one by one: each is refused in Chinese and nothing is stored.</summary>
public class BoundsTests
{
    private static readonly DateOnly Today = TestApp.Today;

    [Theory]
    [InlineData(100000)]
    [InlineData(-250)]
    public async Task APercentOutsideZeroToHundredIsRefused(int percent)
    {
        var b = await Bureau.CreateAsync("sqlite");
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-10), Today.AddDays(60));
        var staff = await b.ApiAsync("staffA");

        var problem = await (await staff.PostAsJsonAsync($"/api/tasks/{task.Id}/reports", new { progress = "推进中", percent })).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("0到100", string.Join("", problem.ErrorsOf("percent")));
        Assert.Equal(0, await b.WithDbAsync(d => d.Reports.CountAsync(r => r.TaskId == task.Id)));
    }

    [Fact]
    public async Task AReportOfManyMegabytesIsRefusedAsTooLarge()
    {
        var b = await Bureau.CreateAsync("sqlite");
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-10), Today.AddDays(60));
        var staff = await b.ApiAsync("staffA");

        var problem = await (await staff.PostAsJsonAsync($"/api/tasks/{task.Id}/reports", new { progress = new string('长', 3_000_000) })).AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        Assert.Contains("过大", problem.GetProperty("title").GetString());
        Assert.Equal(0, await b.WithDbAsync(d => d.Reports.CountAsync(r => r.TaskId == task.Id)));
    }

    [Fact]
    public async Task AReportFieldOverItsLengthOrWithANulIsRefused()
    {
        var b = await Bureau.CreateAsync("sqlite");
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-10), Today.AddDays(60));
        var staff = await b.ApiAsync("staffA");

        var problem = await (await staff.PostAsJsonAsync($"/api/tasks/{task.Id}/reports", new { progress = new string('长', 4001), problems = "资金\u0000未到位", percent = 10 })).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("4000", string.Join("", problem.ErrorsOf("progress")));
        Assert.Contains("控制字符", string.Join("", problem.ErrorsOf("problems")));
    }

    [Fact]
    public async Task ATaskWithMoreThanAHundredMilestonesIsRefused()
    {
        var b = await Bureau.CreateAsync("sqlite");
        var admin = await b.ApiAsync("admin");
        var milestones = Enumerable.Range(0, 101).Select(i => new { title = $"节点{i}", dueDate = Today.AddDays(10) }).ToArray();
        var body = new
        {
            task = new { planId = b.PlanId, title = "节点过多的任务", leadSectionId = b.SectionA, startDate = Today, dueDate = Today.AddDays(60) },
            milestones,
        };

        var problem = await (await admin.PostAsJsonAsync("/api/tasks", body)).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("100", string.Join("", problem.ErrorsOf("milestones")));
        Assert.Equal(0, await b.WithDbAsync(d => d.Tasks.CountAsync(t => t.Title == "节点过多的任务")));
    }

    [Fact]
    public async Task AFarDateOrATitleWithControlCharactersIsRefusedForATask()
    {
        var b = await Bureau.CreateAsync("sqlite");
        var admin = await b.ApiAsync("admin");
        var far = new { task = new { planId = b.PlanId, title = "远期任务", leadSectionId = b.SectionA, startDate = Today, dueDate = new DateOnly(9999, 12, 31) } };
        var beyondPlan = new { task = new { planId = b.PlanId, title = "远期任务", leadSectionId = b.SectionA, startDate = Today, dueDate = new DateOnly(2040, 1, 1) } };
        var bell = new { task = new { planId = b.PlanId, title = "任务\u0007", leadSectionId = b.SectionA, startDate = Today, dueDate = Today.AddDays(9) } };

        Assert.Contains("2100", string.Join("", (await (await admin.PostAsJsonAsync("/api/tasks", far)).AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorsOf("task.dueDate")));
        Assert.Contains("计划年度", string.Join("", (await (await admin.PostAsJsonAsync("/api/tasks", beyondPlan)).AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorsOf("dueDate")));
        Assert.Contains("控制字符", string.Join("", (await (await admin.PostAsJsonAsync("/api/tasks", bell)).AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorsOf("task.title")));
    }

    [Theory]
    [InlineData("/Reviews?period=9999-Q4")]
    [InlineData("/Reviews?date=9999-12-31")]
    [InlineData("/Reviews?period=0001-01")]
    [InlineData("/Tasks?page=-1")]
    [InlineData("/Tasks?dueBefore=9999-12-31")]
    [InlineData("/Tasks?q=%00")]
    public async Task AFarDateOrANegativePageInTheAddressIsABadRequestInChinese(string url)
    {
        var b = await Bureau.CreateAsync("sqlite");
        var pages = await b.PagesAsync("admin");

        var response = await pages.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(await response.Content.ReadAsStringAsync(), s => s > '\u2e80');
    }
}
