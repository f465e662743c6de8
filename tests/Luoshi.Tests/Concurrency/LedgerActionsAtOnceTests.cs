using System.Net;
using System.Net.Http.Json;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Tests.Concurrency;

/// <summary>The ledgers' one-time actions sent fifty times at once: an appeal's reply and an assessment's lock.</summary>
public class LedgerActionsAtOnceTests
{
    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task FiftyIdenticalAppealRepliesAtOnceAreOneReply(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var created = await (await b.ApiAsync("admin")).PostAsJsonAsync("/api/appeals", new { content = "项目验收迟迟未安排，请协调", category = "项目申报", leadSectionId = b.SectionA, responsiblePersonId = b.Person("staffA") });
        var id = (await created.ReadJsonAsync()).GetProperty("taskId").GetInt32();
        var staff = await b.ApiAsync("staffA");

        var replies = await AtOnce.SendAsync(AtOnce.Copies, _ => staff.PostAsJsonAsync($"/api/appeals/{id}/reply", new { text = "已协调，验收定于5月20日" }));
        await AtOnce.ExactlyOneAsync(replies, HttpStatusCode.OK);
        Assert.Equal(1, await b.WithDbAsync(d => d.TaskEvents.CountAsync(e => e.TaskId == id && e.Kind == "appeal" && e.Summary.StartsWith("答复诉求"))));
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task FiftyLocksOfOneAssessmentAtOnceLockItOnce(string db)
    {
        var (b, scheme, _, _) = await Assessment.AssessmentTests.QuarterAsync(db);
        var admin = await b.ApiAsync("admin");

        var locks = await AtOnce.SendAsync(AtOnce.Copies, _ => admin.PostAsync($"/api/assessments/{scheme}/lock", null));
        await AtOnce.ExactlyOneAsync(locks, HttpStatusCode.OK);
        Assert.Equal(1, await b.WithDbAsync(d => d.RecordEntries.CountAsync(e => e.UnitId == b.UnitId && e.Kind == "scheme-lock")));
        await AtOnce.AssertRecordIntactAsync(b);
    }
}
