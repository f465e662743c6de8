using System.Net;
using System.Net.Http.Json;
using Luoshi.Features.Lights;
using Luoshi.Features.Notices;
using Luoshi.Features.Proposals;
using Luoshi.Features.Tasks;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Luoshi.Tests.Proposals.ProposalApi;

namespace Luoshi.Tests.Proposals;

/// <summary>建议提案: registration and its statutory clock, the one extension, replies with result
/// classes, satisfaction and re-handling, each step once, on both databases.</summary>
public class ProposalsTests
{
    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task ARegisteredProposalIsAWorkItemDueInThreeMonthsWithTheOpinionsAMonthBefore(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var co = await Bureau.CreateAsync(db);
        var admin = await b.ApiAsync("admin");
        var response = await admin.PostAsJsonAsync("/api/proposals", Body(b, "0123", [co.UnitId]));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.ReadJsonAsync();
        Assert.Equal(("第0123号", "2026-08-11", "2026-07-11"),
            (created.GetProperty("number").GetString(), created.GetProperty("replyDue").GetString(), created.GetProperty("opinionDue").GetString()));
        var id = created.GetProperty("id").GetInt32();
        var task = await b.WithDbAsync(d => d.Tasks.Include(t => t.Milestones).SingleAsync(t => t.Id == id));
        Assert.Equal((WorkKind.Proposal, "办理", new DateOnly(2026, 8, 11), b.SectionA), (task.Kind, task.Stage, task.DueDate, task.LeadSectionId));
        Assert.Equal(["协办意见 2026-07-11", "答复 2026-08-11"], task.Milestones.OrderBy(m => m.SortOrder).Select(m => $"{m.Title} {m.DueDate:yyyy-MM-dd}"));
        Assert.Equal("2026年建议提案办理", await b.WithDbAsync(d => d.Plans.Where(p => p.Id == task.PlanId).Select(p => p.Title).SingleAsync()));
        Assert.Single(await b.WithDbAsync(d => d.Notices.Where(n => n.RecipientId == b.Person("staffA") && n.Kind == NoticeKind.ProposalAssigned && n.TaskId == id).ToListAsync()));
        Assert.Equal("/Proposals/Opinions", Assert.Single(await co.WithDbAsync(d => d.Notices.Where(n => n.RecipientId == co.Person("admin") && n.Kind == NoticeKind.ProposalOpinionRequested)
            .Select(n => n.Link).ToListAsync())));

        // The same number of the same year and type again is refused; of the other type it is another proposal.
        var again = await (await admin.PostAsJsonAsync("/api/proposals", Body(b, "第0123号"))).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("已经登记", again.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/proposals", Body(b, "0123", type: "政协委员提案"))).StatusCode);

        var own = await (await admin.PostAsJsonAsync("/api/proposals", Body(b, "0124", [b.UnitId]))).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("协办单位不能是本单位", own.ErrorsOf("CoHandlerUnitIds"));
        var type = await (await admin.PostAsJsonAsync("/api/proposals", Body(b, "0125", type: "群众来信"))).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("类别只能是人大代表建议或政协委员提案", type.ErrorsOf("Type"));
        await (await (await b.ApiAsync("staffA")).PostAsJsonAsync("/api/proposals", Body(b, "0126"))).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TheIdempotencyKeyMakesARepeatedRegistrationOneProposal(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var admin = await b.ApiAsync("admin");
        var key = Guid.NewGuid().ToString();
        async Task<HttpResponseMessage> SendAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/proposals") { Content = JsonContent.Create(Body(b, "0200")) };
            request.Headers.Add("Idempotency-Key", key);
            return await admin.SendAsync(request);
        }

        var first = await SendAsync();
        var second = await SendAsync();
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, second.StatusCode));
        Assert.True(second.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(1, await b.WithDbAsync(d => d.Proposals.CountAsync(p => p.UnitId == b.UnitId)));
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TheReplyDeadlineIsExtendedOnceByAtMostThreeMonths(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var id = await RegisterAsync(b, "0301");
        var admin = await b.ApiAsync("admin");
        var tooLong = await (await admin.PostAsJsonAsync($"/api/proposals/{id}/extension", new { months = 4, reason = "需协调" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("延期月数为1至3个月", tooLong.ErrorsOf("Months"));
        await (await (await b.ApiAsync("staffA")).PostAsJsonAsync($"/api/proposals/{id}/extension", new { months = 1, reason = "需协调" })).AssertProblemAsync(HttpStatusCode.Forbidden);

        var extended = await (await admin.PostAsJsonAsync($"/api/proposals/{id}/extension", new { months = 2, reason = "涉及多个部门，需联合调研" })).ReadJsonAsync();
        Assert.Equal("2026-10-11", extended.GetProperty("replyDue").GetString());
        var task = await b.WithDbAsync(d => d.Tasks.Include(t => t.Milestones).SingleAsync(t => t.Id == id));
        Assert.Equal((new DateOnly(2026, 10, 11), new DateOnly(2026, 10, 11)), (task.DueDate, task.Milestones.Single(m => m.Title == "答复").DueDate));

        var second = await (await admin.PostAsJsonAsync($"/api/proposals/{id}/extension", new { months = 1, reason = "仍需时间" })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("答复时限只能延期一次", second.GetProperty("detail").GetString());
        Assert.Equal(new DateOnly(2026, 10, 11), await b.WithDbAsync(d => d.Proposals.Where(p => p.TaskId == id).Select(p => p.ReplyDue).SingleAsync()));
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task NotSatisfiedReopensForAMonthAndTheSecondReplysSatisfactionCloses(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var id = await RegisterAsync(b, "0401");
        var staff = await b.ApiAsync("staffA");
        var admin = await b.ApiAsync("admin");

        var early = await (await SatisfactionAsync(admin, id, "满意")).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("尚未答复，不能录入满意度", early.ErrorsOf("Satisfaction"));
        var badClass = await (await ReplyAsync(staff, id, "D")).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("办理结果类别只能是A、B或C", badClass.ErrorsOf("ResultClass"));
        var notToProposer = await (await ReplyAsync(staff, id, deliveredTo: ["李红"])).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("答复须送达领衔代表张卫东", notToProposer.ErrorsOf("DeliveredTo"));
        var stranger = await (await ReplyAsync(staff, id, deliveredTo: ["张卫东", "路人甲"])).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("“路人甲”不是本件的领衔人或附议人", stranger.ErrorsOf("DeliveredTo"));

        var reply = await ReplyAsync(staff, id, "A", deliveredTo: ["张卫东", "李红"]);
        Assert.Equal(HttpStatusCode.Created, reply.StatusCode);
        Assert.Equal(["张卫东", "李红"], (await reply.ReadJsonAsync()).GetProperty("deliveredTo").EnumerateArray().Select(e => e.GetString()));
        var replied = await b.WithDbAsync(d => d.Tasks.SingleAsync(t => t.Id == id));
        Assert.Equal((Light.Done, "答复"), (replied.Light, replied.Stage));
        var twice = await (await ReplyAsync(staff, id)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("本次答复已经登记", twice.GetProperty("detail").GetString());
        await (await SatisfactionAsync(staff, id, "满意")).AssertProblemAsync(HttpStatusCode.Forbidden);
        var scale = await (await SatisfactionAsync(admin, id, "非常满意")).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("满意度只能是满意、基本满意或不满意", scale.ErrorsOf("Satisfaction"));

        var unhappy = await (await SatisfactionAsync(admin, id, "不满意", "补助范围仍未扩大")).ReadJsonAsync();
        Assert.Equal(("办理", "2026-06-11"), (unhappy.GetProperty("stage").GetString(), unhappy.GetProperty("dueDate").GetString()));
        await (await SatisfactionAsync(admin, id, "不满意")).AssertProblemAsync(HttpStatusCode.Conflict);
        var reopened = await b.WithDbAsync(d => d.Tasks.Include(t => t.Milestones).SingleAsync(t => t.Id == id));
        Assert.Equal(((DateOnly?)null, "重新答复 2026-06-11"), (reopened.CompletedOn, reopened.Milestones.OrderBy(m => m.SortOrder).Select(m => $"{m.Title} {m.DueDate:yyyy-MM-dd}").Last()));
        Assert.Single(await b.WithDbAsync(d => d.Notices.Where(n => n.RecipientId == b.Person("headA") && n.Kind == NoticeKind.ProposalReopened && n.TaskId == id).ToListAsync()));

        Assert.Equal(HttpStatusCode.Created, (await ReplyAsync(staff, id, "B", text: "补助范围已列入明年计划")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SatisfactionAsync(admin, id, "基本满意")).StatusCode);
        Assert.Equal("办结", await b.WithDbAsync(d => d.Tasks.Where(t => t.Id == id).Select(t => t.Stage).SingleAsync()));
        await (await ReplyAsync(staff, id)).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await SatisfactionAsync(admin, id, "满意")).AssertProblemAsync(HttpStatusCode.Conflict);

        var detail = await (await admin.GetAsync($"/api/proposals/{id}")).ReadJsonAsync();
        var replies = detail.GetProperty("replies").EnumerateArray().Select(r => $"{r.GetProperty("round").GetInt32()}{r.GetProperty("resultClass").GetString()}{r.GetProperty("satisfaction").GetString()}");
        Assert.Equal(["1A不满意", "2B基本满意"], replies);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AReplyDocumentIsCheckedStoredAndServedToThoseWhoSeeTheProposal(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var id = await RegisterAsync(b, "0501");
        var staff = await b.ApiAsync("staffA");
        var wrong = await (await ReplyAsync(staff, id, file: ("答复.txt", "纯文本"u8.ToArray()))).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("答复件应为 Word（.docx）或 PDF 文件，“答复.txt”不是", wrong.ErrorsOf("File"));
        var pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray();
        Assert.Equal(HttpStatusCode.Created, (await ReplyAsync(staff, id, file: ("答复件.pdf", pdf))).StatusCode);
        Assert.Equal(pdf, await (await staff.GetAsync($"/api/proposals/{id}/replies/1/file")).Content.ReadAsByteArrayAsync());
        await (await (await b.ApiAsync("staffB")).GetAsync($"/api/proposals/{id}/replies/1/file")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnotherSectionNeitherSeesNorAnswersAProposal()
    {
        var b = await Bureau.CreateAsync("sqlite");
        var id = await RegisterAsync(b, "0601");
        var staffB = await b.ApiAsync("staffB");
        await (await staffB.GetAsync($"/api/proposals/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await ReplyAsync(staffB, id)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, (await (await staffB.GetAsync("/api/proposals")).ReadJsonAsync()).GetProperty("rows").GetArrayLength());
        Assert.Equal(1, (await (await (await b.ApiAsync("leader")).GetAsync("/api/proposals")).ReadJsonAsync()).GetProperty("rows").GetArrayLength());
    }
}

/// <summary>Each step happens once under simultaneous copies.</summary>
public class ProposalRaceTests
{
    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TenRepliesAndTenOpinionsAtOnceLeaveOneOfEach(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var co = await Bureau.CreateAsync(db);
        var id = await RegisterAsync(b, "1001", [co.UnitId]);
        var staff = await b.ApiAsync("staffA");
        var replies = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => ReplyAsync(staff, id)));
        Assert.Equal(1, replies.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(replies.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal(1, await b.WithDbAsync(d => d.ProposalReplies.CountAsync(r => r.TaskId == id)));

        var coAdmin = await co.ApiAsync("admin");
        var opinionId = (await (await coAdmin.GetAsync("/api/proposals/opinions")).ReadJsonAsync())[0].GetProperty("id").GetInt64();
        var opinions = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => coAdmin.PostAsJsonAsync($"/api/proposals/opinions/{opinionId}", new { text = $"意见{i}", signer = "王局长" })));
        Assert.Equal(1, opinions.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.All(opinions.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Single(await b.WithDbAsync(d => d.Notices.Where(n => n.Kind == NoticeKind.ProposalOpinionSubmitted && n.TaskId == id).ToListAsync()));
    }
}
