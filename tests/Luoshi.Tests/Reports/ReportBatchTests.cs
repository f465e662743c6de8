using System.Net;
using System.Net.Http.Headers;
using Luoshi.Features.Organisation;
using Luoshi.Features.Reports;
using Luoshi.Features.Requests;
using Luoshi.Features.Shared;
using Luoshi.Tests.Concurrency;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Tests.Reports;

/// <summary>
/// Reports submitted at the same moment are written in one transaction (the report queue's group
/// commit), and each gets the answer it would have got alone, in the order they came: a refused one
/// changes nothing, a later report of the same task sees the earlier one, an evidence file or a
/// completion claim taken by an earlier report of the batch is refused as if that report were already saved.
/// </summary>
public class ReportBatchTests
{
    private static readonly DateOnly Today = TestApp.Today;

    private static async Task<long> UploadAsync(HttpClient api, string name)
    {
        var file = new ByteArrayContent([.. "%PDF-1.4 佐证材料"u8]);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        var response = await api.PostAsync("/api/evidence", new MultipartFormDataContent { { file, "file", name } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("id").GetInt64();
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task ReportsWrittenTogetherGetTheAnswersTheyWouldGetOneAfterAnother(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var first = await b.TaskAsync(b.SectionA, Today.AddDays(-40), Today.AddDays(100));
        var second = await b.TaskAsync(b.SectionA, Today.AddDays(-40), Today.AddDays(100));
        var otherSections = await b.TaskAsync(b.SectionB, Today.AddDays(-40), Today.AddDays(100));
        var api = await b.ApiAsync("staffA");
        var (shared, claimed, late) = (await UploadAsync(api, "会议纪要.pdf"), await UploadAsync(api, "验收报告.pdf"), await UploadAsync(api, "验收报告二.pdf"));
        var staff = new Viewer(b.Person("staffA"), b.UnitId, "A科员", Role.Staff, b.SectionA, []);

        ReportRequest Report(int taskId, string progress, int? percent = null, long[]? evidence = null, bool claim = false) =>
            new(staff, taskId, new ReportInput { Progress = progress, Percent = percent, EvidenceIds = evidence?.ToList(), ClaimsCompletion = claim });
        var outcomes = await b.WithServicesAsync(s => s.GetRequiredService<ReportSubmitter>().SubmitManyAsync(
        [
            Report(first.Id, "完成两成", 20),
            Report(first.Id, "完成三成半", 35),
            Report(otherSections.Id, "报别的科室的任务", 10),
            Report(second.Id, "", 10),
            Report(second.Id, "召开推进会", 50, [shared]),
            Report(first.Id, "同一份纪要再附一次", 40, [shared]),
            Report(second.Id, "全部完成", evidence: [claimed], claim: true),
            Report(second.Id, "再次申报办结", evidence: [late], claim: true),
        ]));

        Assert.Equal(
            [OutcomeKind.Ok, OutcomeKind.Ok, OutcomeKind.NotFound, OutcomeKind.Invalid, OutcomeKind.Ok, OutcomeKind.Conflict, OutcomeKind.Ok, OutcomeKind.Conflict],
            outcomes.Select(o => o.Kind));
        Assert.Contains("会议纪要.pdf", outcomes[5].Message);
        Assert.Contains("待审核的办结申请", outcomes[7].Message);

        // The task shows the later of its two reports; the refused ones left nothing behind.
        var stored = await b.WithDbAsync(d => d.Tasks.AsNoTracking().SingleAsync(t => t.Id == first.Id));
        Assert.Equal(35, stored.ProgressPercent);
        Assert.Equal(outcomes[1].Value!.SubmittedAt, stored.LastReportedAt);
        Assert.Equal(2, await b.WithDbAsync(d => d.Reports.CountAsync(r => r.TaskId == first.Id)));
        Assert.Equal(2, await b.WithDbAsync(d => d.Reports.CountAsync(r => r.TaskId == second.Id)));
        Assert.Equal(0, await b.WithDbAsync(d => d.Reports.CountAsync(r => r.TaskId == otherSections.Id)));
        Assert.Equal(outcomes[4].Value!.Id, await b.WithDbAsync(d => d.Evidence.Where(e => e.Id == shared).Select(e => e.ReportId).SingleAsync()));
        Assert.Null(await b.WithDbAsync(d => d.Evidence.Where(e => e.Id == late).Select(e => e.ReportId).SingleAsync()));
        var claim = await b.WithDbAsync(d => d.CompletionRequests.SingleAsync(r => r.TaskId == second.Id));
        Assert.Equal((outcomes[6].Value!.Id, RequestStatus.Pending), (claim.ReportId, claim.Status));
        Assert.Equal(4, await b.WithDbAsync(d => d.TaskEvents.CountAsync(e => (e.TaskId == first.Id || e.TaskId == second.Id) && e.Kind == "report")));
        Assert.Equal(5, await b.WithDbAsync(d => d.RecordEntries.CountAsync(e => e.UnitId == b.UnitId && (e.Kind == "report" || e.Kind == "completion-request"))));
        await AtOnce.AssertRecordIntactAsync(b);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task ABatchWhoseReportsAllFailWritesNothing(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-40), Today.AddDays(100));
        var staff = new Viewer(b.Person("staffB"), b.UnitId, "B科员", Role.Staff, b.SectionB, []);

        var outcomes = await b.WithServicesAsync(s => s.GetRequiredService<ReportSubmitter>().SubmitManyAsync(
            [new(staff, task.Id, new ReportInput { Progress = "不是本科室的任务" }), new(staff, task.Id + 1000, new ReportInput { Progress = "没有这个任务" })]));

        Assert.Equal([OutcomeKind.NotFound, OutcomeKind.NotFound], outcomes.Select(o => o.Kind));
        Assert.Equal(0, await b.WithDbAsync(d => d.Reports.CountAsync(r => r.UnitId == b.UnitId)));
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task WhenABatchCannotBeSavedEachReportIsWrittenAgainAloneAndOnlyTheBadOneFails(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-40), Today.AddDays(100));
        var staff = new Viewer(b.Person("staffA"), b.UnitId, "A科员", Role.Staff, b.SectionA, []);
        // A row the database refuses at the save, after every check passed (as a unique index refuses a
        // file another report took meanwhile): the whole batch's save fails.
        var refused = "被数据库拒绝" + b.UnitId;
        var postgres = db == "postgres";
        string create = postgres
            ? $$"""
                CREATE FUNCTION refuse_{{b.UnitId}}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
                  IF NEW."Progress" = '{{refused}}' THEN RAISE unique_violation USING MESSAGE = 'refused'; END IF; RETURN NEW; END $$;
                CREATE TRIGGER refuse_{{b.UnitId}} BEFORE INSERT ON "Reports" FOR EACH ROW EXECUTE FUNCTION refuse_{{b.UnitId}}();
                """
            : $"""CREATE TRIGGER refuse_{b.UnitId} BEFORE INSERT ON "Reports" WHEN NEW."Progress" = '{refused}' BEGIN SELECT RAISE(ABORT, 'refused'); END;""";
        string drop = postgres ? $"""DROP TRIGGER refuse_{b.UnitId} ON "Reports"; DROP FUNCTION refuse_{b.UnitId}();""" : $"DROP TRIGGER refuse_{b.UnitId};";
        await b.WithDbAsync(d => d.Database.ExecuteSqlRawAsync(create));
        var queue = await b.WithServicesAsync(s => Task.FromResult(s.GetRequiredService<ReportQueue>()));
        var good = new ReportQueue.Waiting(new(staff, task.Id, new ReportInput { Progress = "按计划推进", Percent = 30 }));
        var bad = new ReportQueue.Waiting(new(staff, task.Id, new ReportInput { Progress = refused, Percent = 90 }));

        try
        {
            await queue.WriteAsync([bad, good]);
        }
        finally
        {
            await b.WithDbAsync(d => d.Database.ExecuteSqlRawAsync(drop));
        }

        Assert.Equal(OutcomeKind.Ok, (await good.Answer.Task).Kind);
        if (postgres)
        {
            Assert.Equal(OutcomeKind.Conflict, (await bad.Answer.Task).Kind); // alone, a unique violation is a lost race
        }
        else
        {
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => bad.Answer.Task);
        }

        Assert.Equal(["按计划推进"], await b.WithDbAsync(d => d.Reports.Where(r => r.TaskId == task.Id).Select(r => r.Progress).ToListAsync()));
        Assert.Equal(30, await b.WithDbAsync(d => d.Tasks.Where(t => t.Id == task.Id).Select(t => t.ProgressPercent).SingleAsync()));
        await AtOnce.AssertRecordIntactAsync(b);
    }
}
