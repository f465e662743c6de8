using System.Net;
using System.Net.Http.Json;
using Luoshi.Features.Notices;
using Luoshi.Features.Proposals;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Luoshi.Tests.Desk.DeskSources;
using static Luoshi.Tests.Proposals.ProposalApi;

namespace Luoshi.Tests.Proposals;

/// <summary>协办 across units: the co-handler's office sees its request and nothing else of the 主办
/// unit, answers once, and the 主办 reads the opinion on its proposal.</summary>
public class CoHandlerTests
{
    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task ACoHandlerSeesOnlyItsRequestAndItsOpinionReachesTheLeadUnit(string db)
    {
        var lead = await Bureau.CreateAsync(db);
        var co = await Bureau.CreateAsync(db);
        var other = await Bureau.CreateAsync(db);
        var id = await RegisterAsync(lead, "0701", [co.UnitId, other.UnitId]);
        var coAdmin = await co.ApiAsync("admin");

        // The proposal's task, page and API are not there for the co-handler.
        await (await coAdmin.GetAsync($"/api/proposals/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await coAdmin.GetAsync($"/api/tasks/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await ReplyAsync(coAdmin, id)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, (await (await coAdmin.GetAsync("/api/proposals")).ReadJsonAsync()).GetProperty("rows").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await (await co.PagesAsync("admin")).GetAsync($"/Proposals/{id}")).StatusCode);

        var requests = await (await coAdmin.GetAsync("/api/proposals/opinions")).ReadJsonAsync();
        var request = Assert.Single(requests.EnumerateArray());
        Assert.Equal(("第0701号", "2026-07-11"), (request.GetProperty("number").GetString(), request.GetProperty("dueOn").GetString()));
        Assert.StartsWith("测试局", request.GetProperty("leadUnit").GetString());
        var opinionId = request.GetProperty("id").GetInt64();
        Assert.Equal(0, (await (await (await co.ApiAsync("staffA")).GetAsync("/api/proposals/opinions")).ReadJsonAsync()).GetArrayLength());
        await (await (await co.ApiAsync("staffA")).PostAsJsonAsync($"/api/proposals/opinions/{opinionId}", new { text = "同意", signer = "某某" })).AssertProblemAsync(HttpStatusCode.NotFound);
        // Another unit's office cannot answer for the co-handler, nor the lead unit's.
        await (await (await other.ApiAsync("admin")).PostAsJsonAsync($"/api/proposals/opinions/{opinionId}", new { text = "同意", signer = "某某" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await (await lead.ApiAsync("admin")).PostAsJsonAsync($"/api/proposals/opinions/{opinionId}", new { text = "同意", signer = "某某" })).AssertProblemAsync(HttpStatusCode.NotFound);

        var page = await (await co.PagesAsync("admin")).GetAsync($"/Proposals/Opinions/{opinionId}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("建议扩大研发费用后补助覆盖面。", await page.Content.ReadAsStringAsync());
        var empty = await (await coAdmin.PostAsJsonAsync($"/api/proposals/opinions/{opinionId}", new { text = "", signer = "王局长" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("请填写协办意见", empty.ErrorsOf("Text"));
        Assert.Equal(HttpStatusCode.OK, (await coAdmin.PostAsJsonAsync($"/api/proposals/opinions/{opinionId}", new { text = "我局将在用地保障方面予以配合。", signer = "王局长" })).StatusCode);
        var again = await (await coAdmin.PostAsJsonAsync($"/api/proposals/opinions/{opinionId}", new { text = "再次提交", signer = "王局长" })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("协办意见已经提交", again.GetProperty("detail").GetString());

        var detail = await (await (await lead.ApiAsync("admin")).GetAsync($"/api/proposals/{id}")).ReadJsonAsync();
        var opinions = detail.GetProperty("opinions").EnumerateArray().ToList();
        Assert.Equal(2, opinions.Count);
        Assert.Equal(("我局将在用地保障方面予以配合。", "王局长"), (opinions[0].GetProperty("text").GetString(), opinions[0].GetProperty("signer").GetString()));
        Assert.Equal(JsonValueKindNull, opinions[1].GetProperty("submittedOn").ValueKind);
        Assert.Single(await lead.WithDbAsync(d => d.Notices.Where(n => n.RecipientId == lead.Person("admin") && n.Kind == NoticeKind.ProposalOpinionSubmitted && n.TaskId == id).ToListAsync()));
        // One of two co-handlers has answered: the milestone waits for the other.
        Assert.Null(await lead.WithDbAsync(d => d.Milestones.Where(m => m.TaskId == id && m.Title == "协办意见").Select(m => m.CompletedOn).SingleAsync()));

        var otherId = (await (await (await other.ApiAsync("admin")).GetAsync("/api/proposals/opinions")).ReadJsonAsync())[0].GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.OK, (await (await other.ApiAsync("admin")).PostAsJsonAsync($"/api/proposals/opinions/{otherId}", new { text = "无不同意见。", signer = "李主任" })).StatusCode);
        Assert.Equal(TestApp.Today, await lead.WithDbAsync(d => d.Milestones.Where(m => m.TaskId == id && m.Title == "协办意见").Select(m => m.CompletedOn).SingleAsync()));
        // The co-handler still sees nothing of the lead unit's proposal beyond its request.
        await (await coAdmin.GetAsync($"/api/proposals/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task EachWaitingStepIsOnTheDeskOfWhoeverMustAct(string db)
    {
        var lead = await Bureau.CreateAsync(db);
        var co = await Bureau.CreateAsync(db);
        var id = await RegisterAsync(lead, "0801", [co.UnitId]);
        Assert.Equal($"/Proposals/{id}", Assert.Single((await OfAsync<ProposalReplyToDo>(lead, "staffA")).Items).Href);
        Assert.Equal(1, (await OfAsync<ProposalReplyToDo>(lead, "headA")).Count);
        Assert.Equal(0, (await OfAsync<ProposalReplyToDo>(lead, "staffB")).Count);
        Assert.Equal(0, (await OfAsync<ProposalSatisfactionToDo>(lead, "admin")).Count);
        var waiting = await OfAsync<ProposalOpinionToDo>(co, "admin");
        Assert.StartsWith("/Proposals/Opinions/", Assert.Single(waiting.Items).Href);
        Assert.Equal(0, (await OfAsync<ProposalOpinionToDo>(co, "staffA")).Count);
        Assert.Equal(0, (await OfAsync<ProposalOpinionToDo>(lead, "admin")).Count);

        Assert.Equal(HttpStatusCode.Created, (await ReplyAsync(await lead.ApiAsync("staffA"), id)).StatusCode);
        Assert.Equal(0, (await OfAsync<ProposalReplyToDo>(lead, "staffA")).Count);
        Assert.Equal(1, (await OfAsync<ProposalSatisfactionToDo>(lead, "admin")).Count);
        Assert.Equal(0, (await OfAsync<ProposalSatisfactionToDo>(lead, "staffA")).Count);
        Assert.Equal(HttpStatusCode.OK, (await SatisfactionAsync(await lead.ApiAsync("admin"), id, "不满意")).StatusCode);
        Assert.Equal(0, (await OfAsync<ProposalSatisfactionToDo>(lead, "admin")).Count);
        Assert.Equal(1, (await OfAsync<ProposalReplyToDo>(lead, "staffA")).Count);
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;
}
