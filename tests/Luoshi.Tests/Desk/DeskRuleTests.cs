using System.Net;
using System.Net.Http.Json;
using Luoshi.Features.Reports;
using Luoshi.Features.Requests;
using Luoshi.Features.Supervision;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Luoshi.Tests.Desk.DeskSources;

namespace Luoshi.Tests.Desk;

/// <summary>The desk's rules that a user would otherwise trip on: one place for a report to redo, the office
/// as the fallback for a leader who does not decide, and old sheets dated like new ones.</summary>
public class DeskRuleTests
{
    private static readonly DateOnly Today = TestApp.Today;

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AReturnedReportIsListedOnceUnderRedoNotAlsoAsOwed(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-5), Today.AddDays(120), change: t => t.ResponsiblePersonId = b.Person("staffA"));
        var sent = await (await b.ApiAsync("staffA")).PostAsJsonAsync($"/api/tasks/{task.Id}/reports", new { progress = "已开会", percent = 20 });
        var reportId = (await sent.ReadJsonAsync()).GetProperty("id").GetInt64();
        var returned = await (await b.ApiAsync("admin")).PostAsJsonAsync($"/api/reports/{reportId}/return", new { reason = "未写明具体措施" });
        Assert.Equal(HttpStatusCode.Created, returned.StatusCode);

        foreach (var who in new[] { "staffA", "headA" })
        {
            Assert.True(await HoldsAsync<RedoReportsSource>(b, who, task.Id));
            Assert.False(await HoldsAsync<ReportDueToDo>(b, who, task.Id));
            Assert.False(await HoldsAsync<ReportLateToDo>(b, who, task.Id));
        }

        // Redone: off the desk altogether.
        Assert.Equal(HttpStatusCode.Created, (await (await b.ApiAsync("staffA")).PostAsJsonAsync($"/api/tasks/{task.Id}/reports", new { progress = "已开会，制定三项措施", percent = 25 })).StatusCode);
        Assert.False(await HoldsAsync<RedoReportsSource>(b, "staffA", task.Id));
        Assert.False(await HoldsAsync<ReportDueToDo>(b, "staffA", task.Id));
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task ALeadersUndecidedExtensionReachesTheOfficeAfterThreeDaysOrOnceItsDeadlinePasses(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var fresh = await b.TaskAsync(b.SectionA, Today.AddDays(-30), Today.AddDays(20), change: t => t.LeadLeaderId = b.Person("leader"));
        var waiting = await b.TaskAsync(b.SectionA, Today.AddDays(-30), Today.AddDays(20), change: t => t.LeadLeaderId = b.Person("leader"));
        var overdue = await b.TaskAsync(b.SectionA, Today.AddDays(-30), Today.AddDays(2), change: t => t.LeadLeaderId = b.Person("leader"));
        var staff = await b.ApiAsync("staffA");
        foreach (var t in new[] { fresh, waiting, overdue })
        {
            Assert.Equal(HttpStatusCode.Created, (await staff.PostAsJsonAsync($"/api/tasks/{t.Id}/extensions", new { newDueDate = Today.AddDays(60), reason = "资金未到位" })).StatusCode);
        }

        Assert.Equal(0, (await OfAsync<ExtensionToDo>(b, "admin")).Count);
        var now = TestApp.Now.UtcDateTime;
        await b.WithDbAsync(d => d.ExtensionRequests.Where(r => r.TaskId == waiting.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.RequestedAt, now.AddDays(-ExtensionToDo.OfficeAfterDays).AddMinutes(-1))));
        await b.WithDbAsync(d => d.ExtensionRequests.Where(r => r.TaskId == overdue.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.CurrentDueDate, Today.AddDays(-1))));

        var (count, items) = await OfAsync<ExtensionToDo>(b, "admin");
        Assert.Equal(2, count);
        Assert.False(await HoldsAsync<ExtensionToDo>(b, "admin", fresh.Id));
        Assert.All(items, i => Assert.EndsWith("（分管领导尚未审批）", i.Detail, StringComparison.Ordinal));
        Assert.Equal(3, (await OfAsync<ExtensionToDo>(b, "leader")).Count);
    }

    [Fact]
    public void AnOldSheetsFactsShowTheirDatesInFormalForm()
    {
        Assert.Equal("办结时限 2026年11月30日，已超过 3 个工作日；当前进度 40%。", SheetFacts.Formal("办结时限 2026-11-30，已超过 3 个工作日；当前进度 40%。"));
        Assert.Equal("编号 12026-11-300 不是日期", SheetFacts.Formal("编号 12026-11-300 不是日期"));
        Assert.Equal("2026-13-01", SheetFacts.Formal("2026-13-01"));
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AnOldSheetIsShownWithFormalDates(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-30), Today.AddDays(-3));
        Assert.Equal(HttpStatusCode.Created, (await (await b.ApiAsync("admin")).PostAsJsonAsync($"/api/tasks/{task.Id}/supervise", new { message = "请加快办理" })).StatusCode);
        var id = await b.WithDbAsync(d => d.EscalationSteps.Where(s => s.TaskId == task.Id).Select(s => s.Id).SingleAsync());
        var due = Today.AddDays(-3);
        // As sheets raised before the formal dates were written.
        await b.WithDbAsync(d => d.EscalationSteps.Where(s => s.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Facts, $"办结时限 {due:yyyy-MM-dd}，已超过 2 个工作日。")));

        var page = await (await b.PagesAsync("admin")).GetHtmlAsync($"/Supervision/Sheet/{id}");
        Assert.Contains($"办结时限 {due.Year}年{due.Month}月{due.Day}日，已超过 2 个工作日。", page);
        Assert.DoesNotContain($"{due:yyyy-MM-dd}", page);
    }
}
