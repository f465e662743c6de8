using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Luoshi.Features.Research;
using Luoshi.Features.Tasks;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Luoshi.Tests.Research;

/// <summary>专题调研: a topic set by the office, visited and reported on by its lead section, its report
/// returned and accepted by its leading leader, its findings turned into tasks, and closed.</summary>
public class ResearchTests
{
    private static readonly DateOnly Today = TestApp.Today;

    internal static string Day(int offset) => Today.AddDays(offset).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    // The first bytes are what the evidence rules check: a Word file is a zip, a PDF starts with %PDF.
    internal static readonly byte[] Docx = [0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5];
    internal static readonly byte[] Pdf = [0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37];
    internal static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Sets a topic as the office; returns its task id.</summary>
    internal static async Task<int> CreateAsync(Bureau b, string leader = "leader", int? section = null, int[]? cooperating = null, string? title = null)
    {
        var admin = await b.ApiAsync("admin");
        var response = await admin.PostAsJsonAsync("/api/research", new
        {
            title = title ?? "科技型企业培育调研" + Guid.NewGuid().ToString("N")[..4], leadLeaderId = b.Person(leader), leadSectionId = section ?? b.SectionA,
            cooperatingSectionIds = cooperating ?? [b.SectionB], questions = "企业研发投入难在哪里", places = "高新区孵化器", reportDue = Day(20),
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("id").GetInt32();
    }

    internal static Task<HttpResponseMessage> VisitAsync(HttpClient api, int id, (string Name, byte[] Bytes)? file = null, int day = -2)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(Day(day)), "visitedOn" }, { new StringContent("某智能装备有限公司"), "place" }, { new StringContent("企业负责人"), "peopleMet" },
            { new StringContent("座谈了解研发投入情况"), "notes" },
        };
        if (file is { } f)
        {
            form.Add(new ByteArrayContent(f.Bytes), "file", f.Name);
        }

        return api.PostAsync($"/api/research/{id}/visits", form);
    }

    internal static Task<HttpResponseMessage> ReportAsync(HttpClient api, int id, (string Name, byte[] Bytes)? file, string? text = null)
    {
        var form = new MultipartFormDataContent();
        if (text is not null)
        {
            form.Add(new StringContent(text), "text");
        }

        if (file is { } f)
        {
            form.Add(new ByteArrayContent(f.Bytes), "file", f.Name);
        }

        return api.PostAsync($"/api/research/{id}/reports", form);
    }

    internal static Task<HttpResponseMessage> DecideAsync(HttpClient api, int id, int version, bool accept, string? comment = null) =>
        api.PostAsJsonAsync($"/api/research/{id}/decision", new { accept, version, comment });

    private static async Task<string?> StageAsync(Bureau b, int id) => await b.WithDbAsync(d => d.Tasks.Where(t => t.Id == id).Select(t => t.Stage).SingleAsync());

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task ATopicGoesFromVisitsThroughAReturnedAndAnAcceptedReportToFindingsThatBecomeTasksAndIsClosed(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var id = await CreateAsync(b);
        var (admin, leader, staff) = (await b.ApiAsync("admin"), await b.ApiAsync("leader"), await b.ApiAsync("staffA"));

        var task = await b.WithDbAsync(d => d.Tasks.Include(t => t.Milestones).Include(t => t.Cooperations).SingleAsync(t => t.Id == id));
        Assert.Equal(WorkKind.Research, task.Kind);
        Assert.Equal("立项", task.Stage);
        Assert.Equal(b.Person("leader"), task.LeadLeaderId);
        Assert.Equal([b.SectionB], task.Cooperations.Select(c => c.SectionId));
        Assert.Equal(Today.AddDays(20), Assert.Single(task.Milestones).DueDate);
        Assert.Equal($"{Today.Year}年调研课题", await b.WithDbAsync(d => d.Plans.Where(p => p.Id == task.PlanId).Select(p => p.Title).SingleAsync()));

        var visit = await VisitAsync(staff, id, ("走访照片.png", Png));
        Assert.Equal(HttpStatusCode.Created, visit.StatusCode);
        Assert.Equal("走访照片.png", (await visit.ReadJsonAsync()).GetProperty("file").GetProperty("fileName").GetString());
        Assert.Equal("调研", await StageAsync(b, id));

        Assert.Equal(HttpStatusCode.Created, (await ReportAsync(staff, id, ("调研报告.docx", Docx))).StatusCode);
        Assert.Equal("形成报告", await StageAsync(b, id));
        // A second version while the first is under review is refused.
        await (await ReportAsync(staff, id, ("调研报告二.docx", Docx))).AssertProblemAsync(HttpStatusCode.Conflict);

        var noComment = await (await DecideAsync(leader, id, 1, accept: false)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("退回时请写明修改意见", noComment.ErrorsOf("Comment"));
        Assert.Equal(HttpStatusCode.OK, (await DecideAsync(leader, id, 1, accept: false, comment: "对策建议要具体到部门")).StatusCode);

        var second = await ReportAsync(staff, id, ("调研报告（修改稿）.pdf", Pdf));
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(2, (await second.ReadJsonAsync()).GetProperty("version").GetInt32());
        // A decision on v1 taken after v2 was sent is not a decision on v2.
        await (await DecideAsync(leader, id, 1, accept: true)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, (await DecideAsync(leader, id, 2, accept: true)).StatusCode);
        Assert.NotNull(await b.WithDbAsync(d => d.Milestones.Where(m => m.TaskId == id).Select(m => m.CompletedOn).SingleAsync()));

        var findings = await leader.PostAsJsonAsync($"/api/research/{id}/findings", new { items = new[] { "建立科技型企业梯度培育库", "开展政策进企业宣讲" } });
        Assert.Equal(HttpStatusCode.Created, findings.StatusCode);

        var first = await admin.PostAsJsonAsync($"/api/research/{id}/findings/1/task", new { planId = b.PlanId, leadSectionId = b.SectionB, dueDate = Day(60) });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var firstMade = await first.ReadJsonAsync();
        var firstTask = firstMade.GetProperty("taskId").GetInt32();
        Assert.Equal(b.PlanId, firstMade.GetProperty("planId").GetInt32());
        var secondMade = await admin.PostAsJsonAsync($"/api/research/{id}/findings/2/task", new { leadSectionId = b.SectionA, dueDate = Day(90) });
        Assert.Equal(HttpStatusCode.Created, secondMade.StatusCode);
        var secondTask = (await secondMade.ReadJsonAsync()).GetProperty("taskId").GetInt32();
        await (await admin.PostAsJsonAsync($"/api/research/{id}/findings/1/task", new { leadSectionId = b.SectionB, dueDate = Day(60) })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("转化运用", await StageAsync(b, id));

        var topic = await (await staff.GetAsync($"/api/research/{id}")).ReadJsonAsync();
        Assert.Equal(["已退回", "已通过"], topic.GetProperty("reports").EnumerateArray().Select(r => r.GetProperty("status").GetString()));
        Assert.Equal("对策建议要具体到部门", topic.GetProperty("reports")[0].GetProperty("comment").GetString());
        var made = topic.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(firstTask, made[0].GetProperty("taskId").GetInt32());
        Assert.All(made, f => Assert.NotEqual(JsonValueKind.Null, f.GetProperty("taskLight").ValueKind));
        var description = await b.WithDbAsync(d => d.Tasks.Where(t => t.Id == firstTask).Select(t => new { t.Kind, t.Description }).SingleAsync());
        Assert.Equal(WorkKind.Task, description.Kind);
        Assert.StartsWith("来源：调研课题“", description.Description, StringComparison.Ordinal);

        // Not closed while a finding's task is open; closed when both are done.
        var open = await (await leader.PostAsync($"/api/research/{id}/close", null)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(open.ErrorsOf("Close"), m => m.Contains("第1、2条成果", StringComparison.Ordinal));
        await b.WithDbAsync(d => d.Tasks.Where(t => t.Id == firstTask || t.Id == secondTask)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.CompletedOn, Today)));
        Assert.Equal(HttpStatusCode.NoContent, (await leader.PostAsync($"/api/research/{id}/close", null)).StatusCode);
        Assert.NotNull(await b.WithDbAsync(d => d.Tasks.Where(t => t.Id == id).Select(t => t.CompletedOn).SingleAsync()));

        var ledger = await (await admin.GetAsync("/api/research?stage=转化运用")).ReadJsonAsync();
        var row = Assert.Single(ledger.EnumerateArray(), r => r.GetProperty("id").GetInt32() == id);
        Assert.Equal(2, row.GetProperty("findingTasksDone").GetInt32());
        Assert.True(row.GetProperty("closed").GetBoolean());

        var workbook = await admin.GetAsync("/api/research/export");
        Assert.Equal(HttpStatusCode.OK, workbook.StatusCode);
        using var stream = new MemoryStream(await workbook.Content.ReadAsByteArrayAsync());
        var sheet = stream.Query(useHeaderRow: true, sheetName: "调研课题台账").Cast<IDictionary<string, object>>().ToList();
        var line = Assert.Single(sheet, r => (string)r["课题名称"] == topic.GetProperty("title").GetString());
        Assert.Equal("已办结", line["是否办结"]);
        Assert.Equal("第2版已通过", line["调研报告"]);
        Assert.StartsWith("第1条：建立科技型企业梯度培育库", (string)line["转化的任务"], StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task SectionsSeeOnlyTopicsTheyLeadOrCooperateOnAndOnlyTheRightPeopleAct(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var ours = await CreateAsync(b, cooperating: [b.SectionB]);
        var theirs = await CreateAsync(b, leader: "otherLeader", section: b.SectionC, cooperating: []);

        async Task<int[]> Seen(string who) =>
            [.. (await (await (await b.ApiAsync(who)).GetAsync("/api/research")).ReadJsonAsync()).EnumerateArray().Select(r => r.GetProperty("id").GetInt32()).Order()];
        Assert.Equal([ours], await Seen("staffA"));
        Assert.Equal([ours], await Seen("staffB"));
        Assert.Equal([theirs], await Seen("staffC"));
        Assert.Equal([ours, theirs], await Seen("leader"));
        Assert.Equal([ours, theirs], await Seen("otherLeader"));

        var (staffA, staffB, staffC, leader, admin) = (await b.ApiAsync("staffA"), await b.ApiAsync("staffB"), await b.ApiAsync("staffC"), await b.ApiAsync("leader"), await b.ApiAsync("admin"));
        await (await staffA.GetAsync($"/api/research/{theirs}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await VisitAsync(staffC, ours)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await VisitAsync(staffB, ours)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await VisitAsync(leader, ours)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await VisitAsync(admin, ours)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await ReportAsync(staffB, ours, ("报告.pdf", Pdf))).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await staffA.PostAsJsonAsync("/api/research", new { title = "科室自拟课题", leadLeaderId = b.Person("leader"), leadSectionId = b.SectionA, questions = "问题", reportDue = Day(5) }))
            .AssertProblemAsync(HttpStatusCode.Forbidden);

        // Files: a report must be Word or PDF, and its content must match its name.
        var text = await (await ReportAsync(staffA, ours, ("报告.txt", "正文"u8.ToArray()))).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(text.ErrorsOf("file"), m => m.StartsWith("调研报告应为 Word", StringComparison.Ordinal));
        await (await ReportAsync(staffA, ours, ("报告.pdf", Png))).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await ReportAsync(staffA, ours, null)).AssertProblemAsync(HttpStatusCode.BadRequest);
        var empty = await (await ReportAsync(staffA, ours, null, text: " ")).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(empty.ErrorsOf("Text"), m => m.StartsWith("请上传调研报告", StringComparison.Ordinal));
        Assert.Equal(0, await b.WithDbAsync(d => d.ResearchReports.CountAsync(r => r.TaskId == ours)));

        Assert.Equal(HttpStatusCode.Created, (await ReportAsync(staffA, ours, ("报告.pdf", Pdf))).StatusCode);
        // The cooperating section reads the report's file; another leader sees the topic but does not decide on it.
        var download = await staffB.GetAsync($"/api/research/{ours}/reports/1/file");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        await (await staffC.GetAsync($"/api/research/{ours}/reports/1/file")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await DecideAsync(await b.ApiAsync("otherLeader"), ours, 1, accept: true)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await DecideAsync(staffA, ours, 1, accept: true)).AssertProblemAsync(HttpStatusCode.Forbidden);
        // Findings wait for an accepted report; only the office makes tasks of them.
        await (await leader.PostAsJsonAsync($"/api/research/{ours}/findings", new { items = new[] { "成果" } })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, (await DecideAsync(leader, ours, 1, accept: true)).StatusCode);
        await (await staffA.PostAsJsonAsync($"/api/research/{ours}/findings", new { items = new[] { "成果" } })).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Created, (await leader.PostAsJsonAsync($"/api/research/{ours}/findings", new { items = new[] { "成果" } })).StatusCode);
        await (await leader.PostAsJsonAsync($"/api/research/{ours}/findings/1/task", new { leadSectionId = b.SectionA, dueDate = Day(30) })).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TwoDecisionsOrTwoConversionsAtOnceAreMadeOnce(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var id = await CreateAsync(b);
        var (admin, leader) = (await b.ApiAsync("admin"), await b.ApiAsync("leader"));
        Assert.Equal(HttpStatusCode.Created, (await ReportAsync(await b.ApiAsync("staffA"), id, null, text: "报告正文")).StatusCode);

        var decisions = await Concurrency.AtOnce.SendAsync(10, i => DecideAsync(i % 2 == 0 ? leader : admin, id, 1, accept: true));
        await Concurrency.AtOnce.ExactlyOneAsync(decisions, HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Created, (await leader.PostAsJsonAsync($"/api/research/{id}/findings", new { items = new[] { "成果一" } })).StatusCode);

        var made = await Concurrency.AtOnce.SendAsync(10, _ => admin.PostAsJsonAsync($"/api/research/{id}/findings/1/task", new { leadSectionId = b.SectionA, dueDate = Day(30) }));
        await Concurrency.AtOnce.ExactlyOneAsync(made, HttpStatusCode.Created);
        Assert.Equal(1, await b.WithDbAsync(d => d.Tasks.CountAsync(t => t.UnitId == b.UnitId && t.Description!.StartsWith("来源：调研课题"))));
    }
}
