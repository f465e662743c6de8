using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Luoshi.Features.Requests;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Tests.Concurrency;

/// <summary>
/// One action happens once: fifty copies of the same request sent at the same moment leave one
/// request, one decision, one signature, one report per evidence file; the other forty-nine are told
/// in Chinese that someone got there first, and the record still verifies.
/// </summary>
public class SimultaneousRequestsTests
{
    private static readonly DateOnly Today = TestApp.Today;

    private static async Task<long> UploadAsync(HttpClient api)
    {
        var file = new ByteArrayContent([.. "%PDF-1.4 佐证材料"u8]);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        var response = await api.PostAsync("/api/evidence", new MultipartFormDataContent { { file, "file", "佐证.pdf" } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("id").GetInt64();
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task FiftyIdenticalExtensionRequestsAndDecisionsLeaveOneOfEach(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-30), Today.AddDays(5), change: t => t.LeadLeaderId = b.Person("leader"));
        var staff = await b.ApiAsync("staffA");

        var asked = await AtOnce.SendAsync(AtOnce.Copies, _ => staff.PostAsJsonAsync($"/api/tasks/{task.Id}/extensions", new { newDueDate = Today.AddDays(40), reason = "设备延迟到货" }));
        var requestId = (await AtOnce.ExactlyOneAsync(asked, HttpStatusCode.Created)).GetProperty("id").GetInt32();
        Assert.Equal(1, await b.WithDbAsync(d => d.ExtensionRequests.CountAsync(r => r.TaskId == task.Id)));

        var leader = await b.ApiAsync("leader");
        var decided = await AtOnce.SendAsync(AtOnce.Copies, _ => leader.PostAsJsonAsync($"/api/extensions/{requestId}/decision", new { approve = true, note = "同意" }));
        await AtOnce.ExactlyOneAsync(decided, HttpStatusCode.OK);
        var stored = await b.WithDbAsync(d => d.Tasks.SingleAsync(t => t.Id == task.Id));
        Assert.Equal(1, stored.ExtensionCount);
        Assert.Equal(Today.AddDays(40), stored.DueDate);
        Assert.Equal(1, await b.WithDbAsync(d => d.TaskEvents.CountAsync(e => e.TaskId == task.Id && e.Summary.StartsWith("批准延期"))));
        await AtOnce.AssertRecordIntactAsync(b);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task FiftyIdenticalCompletionClaimsAndMixedDecisionsLeaveOneClaimDecidedOnce(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-30), Today.AddDays(30));
        var staff = await b.ApiAsync("staffA");
        var evidence = await UploadAsync(staff);

        var claimed = await AtOnce.SendAsync(AtOnce.Copies, _ => staff.PostAsJsonAsync($"/api/tasks/{task.Id}/reports", new { progress = "全部完成", claimsCompletion = true, evidenceIds = new[] { evidence } }));
        await AtOnce.ExactlyOneAsync(claimed, HttpStatusCode.Created);
        Assert.Equal(1, await b.WithDbAsync(d => d.Reports.CountAsync(r => r.TaskId == task.Id)));
        var requestId = await b.WithDbAsync(d => d.CompletionRequests.Where(r => r.TaskId == task.Id).Select(r => r.Id).SingleAsync());

        // Half accept, half return, all at once: one decision stands, and the task agrees with it.
        var admin = await b.ApiAsync("admin");
        var decided = await AtOnce.SendAsync(AtOnce.Copies, i => admin.PostAsJsonAsync($"/api/completions/{requestId}/decision", i % 2 == 0 ? new { approve = true, note = "" } : new { approve = false, note = "材料不全" }));
        await AtOnce.ExactlyOneAsync(decided, HttpStatusCode.OK);
        var request = await b.WithDbAsync(d => d.CompletionRequests.SingleAsync(r => r.Id == requestId));
        var completedOn = await b.WithDbAsync(d => d.Tasks.Where(t => t.Id == task.Id).Select(t => t.CompletedOn).SingleAsync());
        Assert.Equal(request.Status == RequestStatus.Approved, completedOn is not null);
        Assert.Equal(1, await b.WithDbAsync(d => d.TaskEvents.CountAsync(e => e.TaskId == task.Id && e.Kind == "completion")));
        await AtOnce.AssertRecordIntactAsync(b);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task OneEvidenceFileSentWithFiftyReportsAtOnceGoesToOneReport(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var tasks = new[]
        {
            await b.TaskAsync(b.SectionA, Today.AddDays(-30), Today.AddDays(30)),
            await b.TaskAsync(b.SectionA, Today.AddDays(-30), Today.AddDays(30)),
        };
        var staff = await b.ApiAsync("staffA");
        var evidence = await UploadAsync(staff);

        // The same file on two tasks at once: the task lock does not serialise these, the file's own guard does.
        var sent = await AtOnce.SendAsync(AtOnce.Copies, i => staff.PostAsJsonAsync($"/api/tasks/{tasks[i % 2].Id}/reports", new { progress = "召开推进会", percent = 40, evidenceIds = new[] { evidence } }));
        var report = await AtOnce.ExactlyOneAsync(sent, HttpStatusCode.Created);
        var ids = tasks.Select(t => t.Id).ToList();
        Assert.Equal(1, await b.WithDbAsync(d => d.Reports.CountAsync(r => ids.Contains(r.TaskId))));
        Assert.Equal(report.GetProperty("id").GetInt64(), await b.WithDbAsync(d => d.Evidence.Where(e => e.Id == evidence).Select(e => e.ReportId).SingleAsync()));
        await AtOnce.AssertRecordIntactAsync(b);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task FiftySignaturesAtOnceSignTheTaskOnce(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-3), Today.AddDays(60));
        var head = await b.ApiAsync("headA");

        var signed = await AtOnce.SendAsync(AtOnce.Copies, _ => head.PostAsync($"/api/tasks/{task.Id}/sign", null));
        await AtOnce.ExactlyOneAsync(signed, HttpStatusCode.OK);
        Assert.Equal(1, await b.WithDbAsync(d => d.TaskEvents.CountAsync(e => e.TaskId == task.Id && e.Kind == "signed")));
        await AtOnce.AssertRecordIntactAsync(b);
    }
}
