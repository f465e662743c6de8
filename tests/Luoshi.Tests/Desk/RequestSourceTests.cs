using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Luoshi.Features.Notices;
using Luoshi.Features.Requests;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Luoshi.Tests.Desk.DeskSources;

namespace Luoshi.Tests.Desk;

/// <summary>待审批延期 and 待办结审核: the request waits for the one who decides, who is told at once;
/// the decision goes back to the one who asked.</summary>
public class RequestSourceTests
{
    private static readonly DateOnly Today = TestApp.Today;

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AnExtensionRequestWaitsForTheLeadLeaderWhoIsToldOnceAndTheDecisionGoesBack(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-30), Today.AddDays(5), change: t => t.LeadLeaderId = b.Person("leader"));
        await b.WithDbAsync(d => d.People.Where(p => p.Id == b.Person("leader")).ExecuteUpdateAsync(s => s.SetProperty(p => p.Email, "leader@luoshi.test")));
        var staff = await b.ApiAsync("staffA");

        // Sent twice with the same key (the client was not sure it arrived), then once more without.
        var body = new { newDueDate = Today.AddDays(40), reason = "配套资金下月到位" };
        var key = "desk-" + Guid.NewGuid().ToString("N");
        foreach (var _ in new[] { 1, 2 })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/tasks/{task.Id}/extensions") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", key);
            Assert.Equal(HttpStatusCode.Created, (await staff.SendAsync(request)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsJsonAsync($"/api/tasks/{task.Id}/extensions", body)).StatusCode);

        var told = Assert.Single(await NoticesAsync(b, "leader", NoticeKind.ExtensionRequested, task.Id));
        Assert.Contains("配套资金下月到位", told.Body);
        Assert.Contains("年", told.Body);
        Assert.Equal(Smtp.Address is null ? 0 : 1, await b.WithDbAsync(d => d.NoticeDeliveries.CountAsync(x => x.NoticeId == told.Id && x.Channel == "email")));
        Assert.Equal(0, await b.WithDbAsync(d => d.NoticeDeliveries.CountAsync(x => x.NoticeId == told.Id && x.Channel != "email")));
        Assert.Empty(await NoticesAsync(b, "admin", NoticeKind.ExtensionRequested, task.Id));

        Assert.True(await HoldsAsync<ExtensionToDo>(b, "leader", task.Id));
        Assert.Equal(0, (await OfAsync<ExtensionToDo>(b, "admin")).Count);
        Assert.Equal(0, (await OfAsync<ExtensionToDo>(b, "otherLeader")).Count);
        Assert.Equal(0, (await OfAsync<ExtensionToDo>(b, "headA")).Count);

        var requestId = await b.WithDbAsync(d => d.ExtensionRequests.Where(r => r.TaskId == task.Id).Select(r => r.Id).SingleAsync());
        var leader = await b.ApiAsync("leader");
        Assert.Equal(HttpStatusCode.OK, (await leader.PostAsJsonAsync($"/api/extensions/{requestId}/decision", new { approve = false, note = "请按原时限完成" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await leader.PostAsJsonAsync($"/api/extensions/{requestId}/decision", new { approve = true })).StatusCode);

        Assert.Equal(0, (await OfAsync<ExtensionToDo>(b, "leader")).Count);
        var answer = Assert.Single(await NoticesAsync(b, "staffA", NoticeKind.ExtensionDecided, task.Id));
        Assert.Contains("未批准", answer.Title);
        Assert.Contains("请按原时限完成", answer.Body);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AnExtensionOnATaskWithoutALeadLeaderWaitsForTheOffice(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-30), Today.AddDays(5));
        var asked = await (await b.ApiAsync("staffA")).PostAsJsonAsync($"/api/tasks/{task.Id}/extensions", new { newDueDate = Today.AddDays(40), reason = "等待省里批复" });
        Assert.Equal(HttpStatusCode.Created, asked.StatusCode);

        Assert.True(await HoldsAsync<ExtensionToDo>(b, "admin", task.Id));
        Assert.Equal(0, (await OfAsync<ExtensionToDo>(b, "leader")).Count);
        Assert.Single(await NoticesAsync(b, "admin", NoticeKind.ExtensionRequested, task.Id));
        Assert.Empty(await NoticesAsync(b, "leader", NoticeKind.ExtensionRequested, task.Id));

        var requestId = (await asked.ReadJsonAsync()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await (await b.ApiAsync("admin")).PostAsJsonAsync($"/api/extensions/{requestId}/decision", new { approve = true })).StatusCode);
        Assert.Equal(0, (await OfAsync<ExtensionToDo>(b, "admin")).Count);
        Assert.Contains("已批准", Assert.Single(await NoticesAsync(b, "staffA", NoticeKind.ExtensionDecided, task.Id)).Title);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task ACompletionClaimWaitsForTheOfficeWhoIsToldOnceAndTheRefusalGoesBackWithItsReason(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-30), Today.AddDays(30), change: t => t.LeadLeaderId = b.Person("leader"));
        var staff = await b.ApiAsync("staffA");
        var claim = new { progress = "全部完成", claimsCompletion = true, evidenceIds = new[] { await UploadAsync(staff) } };
        Assert.Equal(HttpStatusCode.Created, (await staff.PostAsJsonAsync($"/api/tasks/{task.Id}/reports", claim)).StatusCode);
        // The same claim again: its file is taken and a claim is pending, so nothing more is asked or told.
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsJsonAsync($"/api/tasks/{task.Id}/reports", claim)).StatusCode);

        Assert.Single(await NoticesAsync(b, "admin", NoticeKind.CompletionClaimed, task.Id));
        Assert.Empty(await NoticesAsync(b, "leader", NoticeKind.CompletionClaimed, task.Id));
        Assert.True(await HoldsAsync<CompletionToDo>(b, "admin", task.Id));
        Assert.Equal(0, (await OfAsync<CompletionToDo>(b, "leader")).Count);
        Assert.Equal(0, (await OfAsync<CompletionToDo>(b, "headA")).Count);

        var requestId = await b.WithDbAsync(d => d.CompletionRequests.Where(r => r.TaskId == task.Id).Select(r => r.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.OK, (await (await b.ApiAsync("admin")).PostAsJsonAsync($"/api/completions/{requestId}/decision", new { approve = false, note = "缺少验收报告" })).StatusCode);
        Assert.False(await HoldsAsync<CompletionToDo>(b, "admin", task.Id));
        var answer = Assert.Single(await NoticesAsync(b, "staffA", NoticeKind.CompletionDecided, task.Id));
        Assert.Contains("退回", answer.Title);
        Assert.Contains("缺少验收报告", answer.Body);
    }

    private static async Task<long> UploadAsync(HttpClient api)
    {
        var file = new ByteArrayContent([.. "%PDF-1.4 办结材料"u8]);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        var response = await api.PostAsync("/api/evidence", new MultipartFormDataContent { { file, "file", "办结报告.pdf" } });
        return (await response.ReadJsonAsync()).GetProperty("id").GetInt64();
    }
}
