using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Luoshi.Features.Desk;
using Luoshi.Features.Organisation;
using Luoshi.Features.Supervision;
using Luoshi.Tests.Infrastructure;
using Luoshi.Tests.Record;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Tests.Supervision;

/// <summary>The 督办台账 on both databases: manual 催办/督办 numbered with the run's sheets, 反馈 and
/// the office's decision, 领导批示 and 签阅, who may do and see what, and the record after it all.</summary>
public class SheetsTests
{
    private static readonly DateOnly Today = TestApp.Today;

    private static Viewer Head(Bureau b, string section) => new(b.Person("head" + section), b.UnitId, section + "科长", Role.SectionHead, b.Sections[section], []);

    private static async Task<int> ToDoCountAsync(Bureau b, Viewer viewer, string heading)
    {
        await using var scope = b.App.Services.CreateAsyncScope();
        var source = scope.ServiceProvider.GetServices<IToDoSource>().Single(s => s.Heading == heading);
        var count = await source.CountAsync(viewer, CancellationToken.None);
        Assert.Equal(count, (await source.ListAsync(viewer, 100, CancellationToken.None)).Count);
        return count;
    }

    private static async Task<long> UploadAsync(HttpClient api)
    {
        var file = new ByteArrayContent([.. "%PDF-1.4 整改报告"u8]);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        var response = await api.PostAsync("/api/evidence", new MultipartFormDataContent { { file, "file", "整改报告.pdf" } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("id").GetInt64();
    }

    private static async Task AssertRecordIntactAsync(Bureau b)
    {
        await RecordTests.SealAsync(b);
        var verification = await RecordTests.VerifyAsync(b);
        Assert.True(verification.Broken.Count == 0, string.Join("\n", verification.Broken));
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task ManualSheetsTakeTheRunsSequenceAndConcurrentIssuesNeverShareANumber(string db)
    {
        var b = await Bureau.CreateAsync(db);
        for (var i = 0; i < 3; i++)
        {
            await b.TaskAsync(b.SectionA, Today.AddDays(-60), Today.AddDays(-14));
        }

        var manualTasks = new List<int>();
        for (var i = 0; i < 6; i++)
        {
            manualTasks.Add((await b.TaskAsync(i % 2 == 0 ? b.SectionA : b.SectionB, Today.AddDays(-10), Today.AddDays(60))).Id);
        }

        var admins = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => b.ApiAsync("admin")));
        var issued = manualTasks.Select((t, i) => admins[i % 3].PostAsJsonAsync($"/api/tasks/{t}/supervise", new { message = $"请于本周内报送第{i}项整改情况" })).ToList();
        await Task.WhenAll([.. issued, Travel.EscalateAsync(b)]);
        foreach (var response in issued)
        {
            Assert.Equal(HttpStatusCode.Created, (await response).StatusCode);
        }

        var sheets = await b.WithDbAsync(d => d.EscalationSteps.Where(s => s.UnitId == b.UnitId && s.Step == StepKind.Supervise).ToListAsync());
        Assert.Equal(6, sheets.Count(s => s.Source == StepSource.Manual));
        // The run raises its own (the overdue tasks', their reports' …) at the same time: one sequence, no gap, no repeat.
        Assert.True(sheets.Count(s => s.Source == StepSource.Auto) >= 3);
        Assert.Equal(Enumerable.Range(1, sheets.Count), sheets.Select(s => s.Sequence!.Value).Order());
        Assert.All(sheets, s => Assert.NotNull(s.ReplyDueBy));

        // The same 督办 twice on one day is refused; the message is required and bounded; only the office issues.
        var admin = admins[0];
        await (await admin.PostAsJsonAsync($"/api/tasks/{manualTasks[0]}/supervise", new { message = "再次督办" })).AssertProblemAsync(HttpStatusCode.Conflict);
        var empty = await (await admin.PostAsJsonAsync($"/api/tasks/{manualTasks[1]}/urge", new { message = " " })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(empty.ErrorsOf("Message"));
        await (await admin.PostAsJsonAsync($"/api/tasks/{manualTasks[1]}/urge", new { message = new string('催', 2001) })).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await (await b.ApiAsync("headA")).PostAsJsonAsync($"/api/tasks/{manualTasks[0]}/supervise", new { message = "科长不能督办" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await (await b.ApiAsync("staffC")).PostAsJsonAsync($"/api/tasks/{manualTasks[0]}/urge", new { message = "看不到" })).AssertProblemAsync(HttpStatusCode.NotFound);

        // A manual 催办 has no number, goes on the history, and reaches the section but not the robots.
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/tasks/{manualTasks[1]}/urge", new { message = "请加快进度" })).StatusCode);
        var urge = await b.WithDbAsync(d => d.EscalationSteps.SingleAsync(s => s.TaskId == manualTasks[1] && s.Step == StepKind.Urge));
        Assert.Null(urge.Sequence);
        Assert.True(await b.WithDbAsync(d => d.TaskEvents.AnyAsync(e => e.TaskId == manualTasks[1] && e.Summary.Contains("请加快进度"))));
        Assert.True(await b.WithDbAsync(d => d.Notices.AnyAsync(n => n.StepId == urge.Id && n.RecipientId == b.Person("headB"))));
        await AssertRecordIntactAsync(b);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TheSectionRepliesTheOfficeSendsItBackThenAcceptsAndTheSheetIsClosed(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-30), Today.AddDays(30), change: t => t.ResponsiblePersonId = b.Person("staffA"));
        var admin = await b.ApiAsync("admin");
        var sheet = await (await admin.PostAsJsonAsync($"/api/tasks/{task.Id}/supervise", new { message = "进度滞后，请说明原因和措施" })).ReadJsonAsync();
        var sheetId = sheet.GetProperty("id").GetInt64();
        Assert.True(await b.WithDbAsync(d => d.Notices.AnyAsync(n => n.StepId == sheetId && n.RecipientId == b.Person("leader"))));
        Assert.Equal(1, await ToDoCountAsync(b, Head(b, "A"), "待处理督办单"));

        // Opening the sheet as the head is its 签收; the sheet names the section and the person and copies the leader.
        var html = await (await b.PagesAsync("headA")).GetHtmlAsync($"/Supervision/Sheet/{sheetId}");
        Assert.Contains("科室A", html);
        Assert.Contains("抄送", html);
        Assert.Contains("分管领导", html);
        Assert.Contains($"{Today.Year}年{Today.Month}月{Today.Day}日", html);
        Assert.DoesNotContain("办公室管理员", html);
        Assert.Equal(SheetState.Acknowledged, await b.WithDbAsync(d => d.EscalationSteps.Where(s => s.Id == sheetId).Select(s => s.State).SingleAsync()));

        await (await (await b.ApiAsync("staffB")).PostAsJsonAsync($"/api/sheets/{sheetId}/replies", new { text = "别的科室" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await (await b.ApiAsync("leader")).PostAsJsonAsync($"/api/sheets/{sheetId}/replies", new { text = "领导不反馈" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await admin.PostAsJsonAsync($"/api/sheets/{sheetId}/replies", new { text = "办公室不反馈" })).AssertProblemAsync(HttpStatusCode.Forbidden);

        var staff = await b.ApiAsync("staffA");
        var evidence = await UploadAsync(staff);
        var reply = await staff.PostAsJsonAsync($"/api/sheets/{sheetId}/replies", new { text = "已召开推进会，下周完成招标", evidenceIds = new[] { evidence } });
        Assert.Equal(HttpStatusCode.Created, reply.StatusCode);
        var replyId = (await reply.ReadJsonAsync()).GetProperty("id").GetInt64();
        await (await staff.PostAsJsonAsync($"/api/sheets/{sheetId}/replies", new { text = "再报一次" })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(1, await ToDoCountAsync(b, b.AdminViewer, "待审核反馈"));
        Assert.Equal(0, await ToDoCountAsync(b, Head(b, "A"), "待处理督办单"));
        Assert.Equal(HttpStatusCode.OK, (await (await b.ApiAsync("headA")).GetAsync($"/api/evidence/{evidence}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await b.ApiAsync("staffB")).GetAsync($"/api/evidence/{evidence}")).StatusCode);

        await (await (await b.ApiAsync("headA")).PostAsJsonAsync($"/api/replies/{replyId}/decision", new { accept = true })).AssertProblemAsync(HttpStatusCode.Forbidden);
        var noReason = await (await admin.PostAsJsonAsync($"/api/replies/{replyId}/decision", new { accept = false })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(noReason.ErrorsOf("Note"));
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/replies/{replyId}/decision", new { accept = false, note = "措施不具体" })).StatusCode);
        await (await admin.PostAsJsonAsync($"/api/replies/{replyId}/decision", new { accept = true })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(1, await ToDoCountAsync(b, Head(b, "A"), "待处理督办单"));

        var again = await (await b.ApiAsync("headA")).PostAsJsonAsync($"/api/sheets/{sheetId}/replies", new { text = "补充：11月底前完成招标，12月开工" });
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        var secondId = (await again.ReadJsonAsync()).GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/replies/{secondId}/decision", new { accept = true })).StatusCode);

        var closed = await (await admin.GetAsync("/api/sheets?state=Closed")).ReadJsonAsync();
        Assert.Contains(closed.GetProperty("rows").EnumerateArray(), r => r.GetProperty("id").GetInt64() == sheetId);
        var replies = await (await (await b.ApiAsync("leader")).GetAsync($"/api/sheets/{sheetId}/replies")).ReadJsonAsync();
        Assert.Equal(2, replies.GetArrayLength());
        Assert.Equal(0, await ToDoCountAsync(b, b.AdminViewer, "待审核反馈"));
        await AssertRecordIntactAsync(b);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task OnlyALeaderWritesAnInstructionAndTheSectionAcknowledgesItOnce(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-30), Today.AddDays(30));
        var path = $"/api/tasks/{task.Id}/instructions";
        await (await (await b.ApiAsync("admin")).PostAsJsonAsync(path, new { text = "代领导批示" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await (await b.ApiAsync("headA")).PostAsJsonAsync(path, new { text = "科长批示" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await (await b.ApiAsync("otherLeader")).PostAsJsonAsync(path, new { text = "看不到的任务" })).AssertProblemAsync(HttpStatusCode.NotFound);

        var leader = await b.ApiAsync("leader");
        var written = await leader.PostAsJsonAsync(path, new { text = "请倒排工期，确保年底前完成" });
        Assert.Equal(HttpStatusCode.Created, written.StatusCode);
        var id = (await written.ReadJsonAsync()).GetProperty("id").GetInt64();
        Assert.True(await b.WithDbAsync(d => d.Notices.AnyAsync(n => n.RecipientId == b.Person("headA") && n.Title.StartsWith("【领导批示】"))));
        Assert.Equal(1, await ToDoCountAsync(b, Head(b, "A"), "待签阅批示"));
        Assert.Equal(0, await ToDoCountAsync(b, Head(b, "B"), "待签阅批示"));
        Assert.Contains("请倒排工期", await (await b.PagesAsync("headA")).GetHtmlAsync($"/Tasks/{task.Id}"));
        Assert.Contains("请倒排工期", await (await b.PagesAsync("leader")).GetHtmlAsync("/Instructions"));

        await (await (await b.ApiAsync("staffB")).PostAsync($"/api/instructions/{id}/acknowledge", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await leader.PostAsync($"/api/instructions/{id}/acknowledge", null)).AssertProblemAsync(HttpStatusCode.Forbidden);
        var heads = await Task.WhenAll(b.ApiAsync("headA"), b.ApiAsync("headA"));
        var both = await Task.WhenAll(heads.Select(h => h.PostAsync($"/api/instructions/{id}/acknowledge", null)));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], both.Select(r => r.StatusCode).Order());
        Assert.Equal(0, await ToDoCountAsync(b, Head(b, "A"), "待签阅批示"));
        Assert.True(await b.WithDbAsync(d => d.Notices.AnyAsync(n => n.RecipientId == b.Person("leader") && n.Title.StartsWith("【批示已签阅】"))));
        Assert.Equal(2, await b.WithDbAsync(d => d.TaskEvents.CountAsync(e => e.TaskId == task.Id && e.Kind == "instruction")));
        await AssertRecordIntactAsync(b);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TheRegisterShowsEachPersonTheSheetsOfWhatHeMaySeeAndFilters(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var taskA = await b.TaskAsync(b.SectionA, Today.AddDays(-30), Today.AddDays(30));
        var taskB = await b.TaskAsync(b.SectionB, Today.AddDays(-30), Today.AddDays(30));
        var admin = await b.ApiAsync("admin");
        var sheetA = (await (await admin.PostAsJsonAsync($"/api/tasks/{taskA.Id}/supervise", new { message = "甲" })).ReadJsonAsync()).GetProperty("id").GetInt64();
        var sheetB = (await (await admin.PostAsJsonAsync($"/api/tasks/{taskB.Id}/supervise", new { message = "乙" })).ReadJsonAsync()).GetProperty("id").GetInt64();

        async Task<List<long>> SeenAsync(string who, string query = "")
        {
            var page = await (await (await b.ApiAsync(who)).GetAsync("/api/sheets" + query)).ReadJsonAsync();
            return [.. page.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("id").GetInt64())];
        }

        Assert.Equal([sheetB, sheetA], await SeenAsync("admin"));
        Assert.Equal([sheetA], await SeenAsync("leader"));
        Assert.Equal([sheetB], await SeenAsync("headB"));
        Assert.Empty(await SeenAsync("staffC"));
        Assert.Equal(HttpStatusCode.NotFound, (await (await b.PagesAsync("staffC")).GetAsync($"/Supervision/Sheet/{sheetA}")).StatusCode);

        // 逾期: no reply by the reply deadline.
        await b.WithDbAsync(d => d.EscalationSteps.Where(s => s.Id == sheetA).ExecuteUpdateAsync(u => u.SetProperty(s => s.ReplyDueBy, Today.AddDays(-1))));
        Assert.Equal([sheetA], await SeenAsync("admin", "?state=Overdue"));
        Assert.Equal([sheetB], await SeenAsync("admin", "?state=Issued"));
        Assert.Equal([sheetB], await SeenAsync("admin", $"?sectionId={b.SectionB}"));
        Assert.Empty(await SeenAsync("admin", "?source=Auto"));
        var number = await b.WithDbAsync(d => d.EscalationSteps.Where(s => s.Id == sheetA).Select(s => s.Sequence).SingleAsync());
        Assert.Equal([sheetA], await SeenAsync("admin", $"?q={Uri.EscapeDataString($"督办〔{Today.Year}〕{number}号")}"));

        var pages = await b.PagesAsync("admin");
        var html = await pages.GetHtmlAsync("/Supervision/Register?state=Overdue");
        Assert.Contains("逾期", html);
        var excel = await pages.GetAsync("/Supervision/Register?handler=Excel&state=Overdue");
        Assert.Equal(HttpStatusCode.OK, excel.StatusCode);
        var rows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(await excel.Content.ReadAsByteArrayAsync()), useHeaderRow: true).ToList();
        Assert.Single(rows);
    }
}
