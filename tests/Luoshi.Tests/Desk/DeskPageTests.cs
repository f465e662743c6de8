using System.Net;
using System.Net.Http.Json;
using Luoshi.Tests.Infrastructure;

namespace Luoshi.Tests.Desk;

/// <summary>The 待办 page and the header's count, as each person sees them.</summary>
public class DeskPageTests
{
    private static readonly DateOnly Today = TestApp.Today;

    [Fact]
    public async Task TheLeaderSeesTheRequestOnTheDeskAndInTheHeaderCountAndAnEmptyDeskSaysSo()
    {
        var b = await Bureau.CreateAsync("sqlite");
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-30), Today.AddDays(5), change: t => t.LeadLeaderId = b.Person("leader"));
        var asked = await (await b.ApiAsync("staffA")).PostAsJsonAsync($"/api/tasks/{task.Id}/extensions", new { newDueDate = Today.AddDays(40), reason = "等待省里批复" });
        Assert.Equal(HttpStatusCode.Created, asked.StatusCode);

        var leader = await b.PagesAsync("leader");
        var desk = await leader.GetHtmlAsync("/Desk");
        Assert.Contains("待审批延期", desk);
        Assert.Contains(task.Title, desk);
        Assert.Contains($"href=\"/Tasks/{task.Id}#requests\"", desk);
        Assert.Contains("等待省里批复", desk);
        Assert.Contains("<span class=\"todo-due\"><span class=\"todo-label\">时限</span>5月16日</span>", desk);
        Assert.Contains("id=\"todo-count\">1<", await leader.GetHtmlAsync("/"));

        var quiet = await (await b.PagesAsync("otherLeader")).GetHtmlAsync("/Desk");
        Assert.Contains("都处理完了", quiet);
        Assert.DoesNotContain("id=\"todo-count\"", quiet);
    }

    [Fact]
    public async Task SomeoneNotSignedInIsSentToTheLoginPage()
    {
        var b = await Bureau.CreateAsync("sqlite");
        var anonymous = b.App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await anonymous.GetAsync("/Desk");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffSeeWhatTheyOweAsCardsOnTheDashboard()
    {
        var b = await Bureau.CreateAsync("sqlite");
        await b.TaskAsync(b.SectionA, Today.AddDays(-5), Today.AddDays(60));
        await b.TaskAsync(b.SectionA, new DateOnly(2026, 3, 2), Today.AddDays(60));
        var home = await (await b.PagesAsync("staffA")).GetHtmlAsync("/");
        Assert.Contains("aria-label=\"我的待办\"", home);
        Assert.Matches("<strong>2</strong><span>待签收</span>", home);
        Assert.Matches("<strong>1</strong><span>本期待报送</span>", home);
        Assert.Matches("<strong>1</strong><span>逾期未报</span>", home);
        Assert.DoesNotContain("aria-label=\"我的待办\"", await (await b.PagesAsync("leader")).GetHtmlAsync("/"));
    }
}
