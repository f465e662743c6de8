using System.Net;
using System.Net.Http.Json;
using Luoshi.Features.Reports;
using Luoshi.Features.Supervision;
using Luoshi.Tests.Infrastructure;
using static Luoshi.Tests.Desk.DeskSources;

namespace Luoshi.Tests.Desk;

/// <summary>待签收, 本期待报送 and 逾期未报: what a section owes, for the one who must act and nobody else.</summary>
public class SignAndReportSourceTests
{
    private static readonly DateOnly Today = TestApp.Today;

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AnUnsignedTaskWaitsForItsSectionUntilSomeoneSignsIt(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-3), Today.AddDays(60));
        var headsOwn = await b.TaskAsync(b.SectionA, Today.AddDays(-3), Today.AddDays(60), change: t => t.ResponsiblePersonId = b.Person("headA"));

        Assert.True(await HoldsAsync<SignToDo>(b, "staffA", task.Id));
        Assert.False(await HoldsAsync<SignToDo>(b, "staffA", headsOwn.Id));
        Assert.Equal(2, (await OfAsync<SignToDo>(b, "headA")).Count);
        Assert.Equal(0, (await OfAsync<SignToDo>(b, "staffB")).Count);
        Assert.Equal(0, (await OfAsync<SignToDo>(b, "leader")).Count);
        Assert.Equal(0, (await OfAsync<SignToDo>(b, "admin")).Count);

        var signed = await (await b.ApiAsync("staffA")).PostAsync($"/api/tasks/{task.Id}/sign", null);
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        Assert.False(await HoldsAsync<SignToDo>(b, "staffA", task.Id));
        Assert.Equal(1, (await OfAsync<SignToDo>(b, "headA")).Count);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task ThisPeriodsReportWaitsUntilItIsSent(string db)
    {
        var b = await Bureau.CreateAsync(db);
        // Started in May: the May report is owed (due at the end of the month), nothing is late yet.
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-5), Today.AddDays(120));
        var notStarted = await b.TaskAsync(b.SectionA, Today.AddDays(30), Today.AddDays(120));

        var (count, items) = await OfAsync<ReportDueToDo>(b, "staffA");
        Assert.Equal(1, count);
        Assert.Equal($"/Tasks/{task.Id}/Report", items[0].Href);
        Assert.False(items[0].Late);
        Assert.Contains("2026年5月进展", items[0].Detail);
        Assert.True(await HoldsAsync<ReportDueToDo>(b, "headA", task.Id));
        Assert.False(await HoldsAsync<ReportDueToDo>(b, "headA", notStarted.Id));
        Assert.Equal(0, (await OfAsync<ReportDueToDo>(b, "staffB")).Count);
        Assert.Equal(0, (await OfAsync<ReportDueToDo>(b, "leader")).Count);
        Assert.False(await HoldsAsync<ReportLateToDo>(b, "staffA", task.Id));

        var sent = await (await b.ApiAsync("staffA")).PostAsJsonAsync($"/api/tasks/{task.Id}/reports", new { progress = "已完成调研", percent = 20 });
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        Assert.Equal(0, (await OfAsync<ReportDueToDo>(b, "staffA")).Count);
        Assert.Equal(0, (await OfAsync<ReportDueToDo>(b, "headA")).Count);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AReportPastItsWindowIsLateForTheResponsiblePersonAndTheHeadOnly(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var task = await b.TaskAsync(b.SectionA, new DateOnly(2026, 3, 2), Today.AddDays(120), change: t => t.ResponsiblePersonId = b.Person("staffA"));
        var headsOwn = await b.TaskAsync(b.SectionA, new DateOnly(2026, 3, 2), Today.AddDays(120), change: t => t.ResponsiblePersonId = b.Person("headA"));

        var (count, items) = await OfAsync<ReportLateToDo>(b, "staffA");
        Assert.Equal(1, count);
        Assert.True(items[0].Late);
        Assert.Contains("2026年3月进展", items[0].Detail);
        Assert.Equal(2, (await OfAsync<ReportLateToDo>(b, "headA")).Count);
        Assert.False(await HoldsAsync<ReportLateToDo>(b, "staffA", headsOwn.Id));
        Assert.Equal(0, (await OfAsync<ReportLateToDo>(b, "staffB")).Count);
        Assert.Equal(0, (await OfAsync<ReportLateToDo>(b, "admin")).Count);
        Assert.False(await HoldsAsync<ReportDueToDo>(b, "staffA", task.Id));

        var sent = await (await b.ApiAsync("staffA")).PostAsJsonAsync($"/api/tasks/{task.Id}/reports", new { progress = "补报进展", percent = 40 });
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        Assert.False(await HoldsAsync<ReportLateToDo>(b, "staffA", task.Id));
        Assert.False(await HoldsAsync<ReportDueToDo>(b, "staffA", task.Id));
        Assert.Equal(1, (await OfAsync<ReportLateToDo>(b, "headA")).Count);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task ATaskOfAPlanMadeAMomentAgoOwesItsReportOnTheNextRequest(string db)
    {
        var b = await Bureau.CreateAsync(db);
        // The unit's report windows are computed (from its one plan) and kept.
        Assert.Equal(0, (await OfAsync<ReportDueToDo>(b, "staffA")).Count);

        var made = await (await b.ApiAsync("admin")).PostAsJsonAsync("/api/plans", new { title = "专项工作实施方案", year = Today.Year });
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        var planId = (await made.Content.ReadFromJsonAsync<PlanId>())!.Id;
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-5), Today.AddDays(120), change: t => t.PlanId = planId);

        // Not a minute later: the new plan's saving dropped what the windows were kept with.
        var (count, items) = await OfAsync<ReportDueToDo>(b, "staffA");
        Assert.Equal(1, count);
        Assert.Equal($"/Tasks/{task.Id}/Report", items[0].Href);
    }

    private sealed record PlanId(int Id);
}
