using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Luoshi.Features.Lights;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Tests.Requests;

/// <summary>延期申请 and 办结申请: asked by the lead section, decided by the leader or the office.</summary>
public class RequestsTests
{
    private static readonly DateOnly Today = TestApp.Today;

    /// <summary>The lead section claims completion with evidence and the office accepts it.</summary>
    internal static async Task CompleteAsync(Bureau b, int taskId)
    {
        var staff = await b.ApiAsync("staffA");
        var evidence = await UploadAsync(staff);
        var claimed = await staff.PostAsJsonAsync($"/api/tasks/{taskId}/reports", new { progress = "全部完成", claimsCompletion = true, evidenceIds = new[] { evidence } });
        Assert.Equal(HttpStatusCode.Created, claimed.StatusCode);
        var requestId = await b.WithDbAsync(d => d.CompletionRequests.Where(r => r.TaskId == taskId).Select(r => r.Id).SingleAsync());
        var admin = await b.ApiAsync("admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/completions/{requestId}/decision", new { approve = true })).StatusCode);
    }

    private static async Task<long> UploadAsync(HttpClient api)
    {
        var file = new ByteArrayContent([.. "%PDF-1.4 办结材料"u8]);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        var response = await api.PostAsync("/api/evidence", new MultipartFormDataContent { { file, "file", "办结报告.pdf" } });
        return (await response.ReadJsonAsync()).GetProperty("id").GetInt64();
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task ACompletionClaimIsDoneOnlyWhenTheOfficeAcceptsIt(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-20), Today.AddDays(100));
        var staff = await b.ApiAsync("staffA");

        var withoutEvidence = await (await staff.PostAsJsonAsync($"/api/tasks/{task.Id}/reports", new { progress = "完成了", claimsCompletion = true })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("申报办结须附佐证材料", withoutEvidence.ErrorsOf("EvidenceIds"));
        Assert.Equal(0, await b.WithDbAsync(d => d.Reports.CountAsync(r => r.TaskId == task.Id)));

        var evidence = await UploadAsync(staff);
        await staff.PostAsJsonAsync($"/api/tasks/{task.Id}/reports", new { progress = "完成了", claimsCompletion = true, evidenceIds = new[] { evidence } });
        Assert.NotEqual(Light.Done, await b.LightOfAsync(task.Id));
        var requestId = await b.WithDbAsync(d => d.CompletionRequests.Where(r => r.TaskId == task.Id).Select(r => r.Id).SingleAsync());

        await (await staff.PostAsJsonAsync($"/api/completions/{requestId}/decision", new { approve = true })).AssertProblemAsync(HttpStatusCode.Forbidden);
        var admin = await b.ApiAsync("admin");
        var noReason = await (await admin.PostAsJsonAsync($"/api/completions/{requestId}/decision", new { approve = false })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(noReason.ErrorsOf("Note"));
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/completions/{requestId}/decision", new { approve = true })).StatusCode);
        Assert.Equal(Light.Done, await b.LightOfAsync(task.Id));
        Assert.Equal(Today, await b.WithDbAsync(d => d.Tasks.Where(t => t.Id == task.Id).Select(t => t.CompletedOn).SingleAsync()));
        await (await admin.PostAsJsonAsync($"/api/completions/{requestId}/decision", new { approve = true })).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AnApprovedExtensionMovesTheDueDateAndKeepsTheOriginal(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-60), Today.AddDays(-3), change: t => t.LeadLeaderId = b.Person("leader"));
        Assert.Equal(Light.Red, await b.LightOfAsync(task.Id));
        var staff = await b.ApiAsync("staffA");

        var past = await (await staff.PostAsJsonAsync($"/api/tasks/{task.Id}/extensions", new { newDueDate = Today.AddDays(-1), reason = "来不及" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(past.ErrorsOf("NewDueDate"));
        await (await (await b.ApiAsync("staffC")).PostAsJsonAsync($"/api/tasks/{task.Id}/extensions", new { newDueDate = Today.AddDays(30), reason = "别的科室" })).AssertProblemAsync(HttpStatusCode.NotFound);

        var asked = await staff.PostAsJsonAsync($"/api/tasks/{task.Id}/extensions", new { newDueDate = Today.AddDays(30), reason = "配套资金下月到位" });
        Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        var requestId = (await asked.ReadJsonAsync()).GetProperty("id").GetInt32();
        await (await staff.PostAsJsonAsync($"/api/extensions/{requestId}/decision", new { approve = true })).AssertProblemAsync(HttpStatusCode.Forbidden);

        var leader = await b.ApiAsync("leader");
        Assert.Equal(HttpStatusCode.OK, (await leader.PostAsJsonAsync($"/api/extensions/{requestId}/decision", new { approve = true, note = "同意" })).StatusCode);
        var stored = await b.WithDbAsync(d => d.Tasks.SingleAsync(t => t.Id == task.Id));
        Assert.Equal(Today.AddDays(30), stored.DueDate);
        Assert.Equal(Today.AddDays(-3), stored.OriginalDueDate);
        Assert.Equal(1, stored.ExtensionCount);
        Assert.NotEqual(Light.Red, stored.Light);
        var history = await b.WithDbAsync(d => d.TaskEvents.Where(e => e.TaskId == task.Id && e.Kind == "extension").CountAsync());
        Assert.Equal(2, history);
    }
}

public class RequestPagesTests
{
    private static readonly DateOnly Today = TestApp.Today;

    [Fact]
    public async Task OnTheTaskPageTheSectionAsksForAnExtensionAndTheOfficeApprovesIt()
    {
        var b = await Bureau.CreateAsync("sqlite");
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-30), Today.AddDays(10));
        var staff = await b.PagesAsync("staffA");
        var empty = await staff.PostFormAsync($"/Tasks/{task.Id}?handler=Extension", new() { ["newDueDate"] = "", ["reason"] = "" }, formPage: $"/Tasks/{task.Id}");
        Assert.Contains("请填写新的完成时限", await empty.Content.ReadAsStringAsync());

        var asked = await staff.PostFormAsync($"/Tasks/{task.Id}?handler=Extension", new() { ["newDueDate"] = Today.AddDays(40).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["reason"] = "等待上级批复" }, formPage: $"/Tasks/{task.Id}");
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);

        var admin = await b.PagesAsync("admin");
        var page = await admin.GetHtmlAsync($"/Tasks/{task.Id}");
        Assert.Contains("等待上级批复", page);
        var requestId = await b.WithDbAsync(d => d.ExtensionRequests.Where(r => r.TaskId == task.Id).Select(r => r.Id).SingleAsync());
        var approved = await admin.PostFormAsync($"/Tasks/{task.Id}?handler=DecideExtension", new() { ["requestId"] = requestId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["approve"] = "true" }, formPage: $"/Tasks/{task.Id}");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Contains("已延期1次", await admin.GetHtmlAsync($"/Tasks/{task.Id}"));

        // The same approval again (a second click, another tab): refused in words, nothing changed.
        var again = await admin.PostFormAsync($"/Tasks/{task.Id}?handler=DecideExtension", new() { ["requestId"] = requestId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["approve"] = "true" }, formPage: $"/Tasks/{task.Id}");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("不能重复审批", await again.Content.ReadAsStringAsync());
        Assert.Equal(1, await b.WithDbAsync(d => d.Tasks.Where(t => t.Id == task.Id).Select(t => t.ExtensionCount).SingleAsync()));
    }
}
