using System.Net;
using System.Net.Http.Json;
using Luoshi.Features.Dispatch;
using Luoshi.Features.Lights;
using Luoshi.Features.Notices;
using Luoshi.Features.Organisation;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Tests.Dispatch;

/// <summary>
/// 签收, 退办 within the window and after it, 改派 and 坚持, each once; who is told; what the assigner's
/// task records; and the lead unit's progress and light carried up into the assigner's task. The test day
/// is Monday 11 May 2026; the return window is three working days (to Thursday 14 May).
/// </summary>
public class DispatchRulesTests
{
    private static readonly DateOnly Today = TestApp.Today;

    private static Task<HttpResponseMessage> SignAsync(HttpClient api, int party, int section) => api.PostAsJsonAsync($"/api/dispatches/received/{party}/sign", new { leadSectionId = section });

    private static Task<HttpResponseMessage> ReturnAsync(HttpClient api, int party, string reason) => api.PostAsJsonAsync($"/api/dispatches/received/{party}/return", new { reason });

    private static Task<List<string>> ToldAsync(Bureau unit, NoticeKind kind) =>
        unit.WithDbAsync(d => d.Notices.Where(n => n.UnitId == unit.UnitId && n.Kind == kind).Join(d.People, n => n.RecipientId, p => p.Id, (n, p) => p.Name).ToListAsync());

    private static Task<List<string>> HistoryAsync(City city, int id) =>
        city.Top.WithDbAsync(d => d.TaskEvents.Where(e => e.UnitId == city.Top.UnitId && e.TaskId == id && e.Kind == "dispatch").OrderBy(e => e.Id).Select(e => e.Summary).ToListAsync());

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TheOfficeSignsOnceAndTheAssignerIsToldAndSeesIt(string db)
    {
        var city = await City.CreateAsync(db);
        var id = await city.AssignAsync(await city.Top.ApiAsync("admin"), "签收一次", withCoop: false);
        Assert.Equal(["办公室管理员"], await ToldAsync(city.Lead, NoticeKind.DispatchReceived));
        var party = await city.PartyAsync(id, city.Lead);
        var lead = await city.Lead.ApiAsync("admin");
        Assert.Equal(1, await ToSignCountAsync(city.Lead));
        Assert.NotEmpty((await (await SignAsync(lead, party, city.Top.SectionA)).AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorsOf("LeadSectionId"));
        Assert.Equal(HttpStatusCode.OK, (await SignAsync(lead, party, city.Lead.SectionA)).StatusCode);
        Assert.Contains("已签收", (await (await SignAsync(lead, party, city.Lead.SectionA)).AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        await (await ReturnAsync(lead, party, "签了又想退")).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(0, await ToSignCountAsync(city.Lead));

        var received = await city.Lead.WithDbAsync(d => d.Tasks.SingleAsync(t => t.UnitId == city.Lead.UnitId && t.Kind == Luoshi.Features.Tasks.WorkKind.Dispatch));
        Assert.Equal(("签收一次", city.Lead.SectionA, Today.AddDays(90), 50m), (received.Title, received.LeadSectionId, received.DueDate, received.TargetValue!.Value));
        Assert.Equal(["办公室管理员"], await ToldAsync(city.Top, NoticeKind.DispatchSigned));
        Assert.Contains("签收", (await HistoryAsync(city, id)).Last());
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AReturnWithinTheWindowIsReassignedOnceAndTheNewUnitsClockStartsToday(string db)
    {
        var city = await City.CreateAsync(db);
        var top = await city.Top.ApiAsync("admin");
        var id = await city.AssignAsync(top, "退办改派", withCoop: false);
        var party = await city.PartyAsync(id, city.Lead);
        var lead = await city.Lead.ApiAsync("admin");
        Assert.NotEmpty((await (await ReturnAsync(lead, party, " ")).AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorsOf("Reason"));
        Assert.Equal("Returned", (await (await ReturnAsync(lead, party, "不属于本单位职责")).ReadJsonAsync()).GetProperty("state").GetString());
        await (await ReturnAsync(lead, party, "再退一次")).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(["办公室管理员"], await ToldAsync(city.Top, NoticeKind.DispatchReturned));
        Assert.Equal(1, await ReturnedCountAsync(city.Top));

        // Only the assigning office decides; only to a unit below it, and not to the same one.
        await (await (await city.Top.ApiAsync("headA")).PostAsJsonAsync($"/api/dispatches/parties/{party}/reassign", new { unitId = city.Sibling.UnitId })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await lead.PostAsJsonAsync($"/api/dispatches/parties/{party}/reassign", new { unitId = city.Sibling.UnitId })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await top.PostAsJsonAsync($"/api/dispatches/parties/{party}/reassign", new { unitId = city.Outsider.UnitId })).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await top.PostAsJsonAsync($"/api/dispatches/parties/{party}/reassign", new { unitId = city.Lead.UnitId })).AssertProblemAsync(HttpStatusCode.BadRequest);
        var moved = await top.PostAsJsonAsync($"/api/dispatches/parties/{party}/reassign", new { unitId = city.Sibling.UnitId, note = "改由兄弟单位牵头" });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var next = await moved.ReadJsonAsync();
        Assert.Equal((city.Sibling.UnitId, "Waiting", true), (next.GetProperty("receiverUnitId").GetInt32(), next.GetProperty("state").GetString(), next.GetProperty("isLead").GetBoolean()));
        await (await top.PostAsJsonAsync($"/api/dispatches/parties/{party}/reassign", new { unitId = city.Coop.UnitId })).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await top.PostAsJsonAsync($"/api/dispatches/parties/{party}/confirm", new { note = "改主意了" })).AssertProblemAsync(HttpStatusCode.Conflict);

        var parties = await city.Top.WithDbAsync(d => d.DispatchParties.IgnoreQueryFilters().Where(p => p.SourceTaskId == id && p.SourceUnitId == city.Top.UnitId).OrderBy(p => p.Id).ToListAsync());
        Assert.Equal([DispatchState.Reassigned, DispatchState.Waiting], parties.Select(p => p.State));
        Assert.Equal((Today, new DateOnly(2026, 5, 14)), (parties[1].AssignedOn, parties[1].ReturnBy));
        Assert.Equal(0, await ReturnedCountAsync(city.Top));
        Assert.Equal(["办公室管理员"], await ToldAsync(city.Sibling, NoticeKind.DispatchReceived));
        Assert.Equal(["办公室管理员"], await ToldAsync(city.Lead, NoticeKind.DispatchDecided));
        Assert.Equal(HttpStatusCode.OK, (await SignAsync(await city.Sibling.ApiAsync("admin"), parties[1].Id, city.Sibling.SectionB)).StatusCode);
        var history = await HistoryAsync(city, id);
        Assert.Equal(4, history.Count);
        Assert.Contains("退办", history[1]);
        Assert.StartsWith("改派", history[2]);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AfterTheWindowOrOnceConfirmedTheUnitCannotReturnIt(string db)
    {
        var city = await City.CreateAsync(db);
        var top = await city.Top.ApiAsync("admin");
        var lead = await city.Lead.ApiAsync("admin");
        var late = await city.AssignAsync(top, "过了退办时限", withCoop: false);
        var lateParty = await city.PartyAsync(late, city.Lead);
        await city.Top.WithDbAsync(d => d.DispatchParties.IgnoreQueryFilters().Where(p => p.Id == lateParty).ExecuteUpdateAsync(s => s.SetProperty(p => p.ReturnBy, Today.AddDays(-1))));
        Assert.Contains("已超过退办时限", (await (await ReturnAsync(lead, lateParty, "不属于本单位")).AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorsOf("Reason").Single());

        var id = await city.AssignAsync(top, "坚持交办", withCoop: false);
        var party = await city.PartyAsync(id, city.Lead);
        Assert.Equal(HttpStatusCode.OK, (await ReturnAsync(lead, party, "人手不够")).StatusCode);
        Assert.NotEmpty((await (await top.PostAsJsonAsync($"/api/dispatches/parties/{party}/confirm", new { note = "" })).AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorsOf("Note"));
        Assert.Equal("Waiting", (await (await top.PostAsJsonAsync($"/api/dispatches/parties/{party}/confirm", new { note = "属于该单位年度职责" })).ReadJsonAsync()).GetProperty("state").GetString());
        await (await top.PostAsJsonAsync($"/api/dispatches/parties/{party}/confirm", new { note = "再坚持一次" })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("不能再次退办", (await (await ReturnAsync(lead, party, "还是不想办")).AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorsOf("Reason").Single());
        Assert.Equal(["办公室管理员"], await ToldAsync(city.Lead, NoticeKind.DispatchDecided));
        Assert.Equal(HttpStatusCode.OK, (await SignAsync(lead, party, city.Lead.SectionA)).StatusCode);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TheLeadUnitsProgressAndLightAreCarriedIntoTheAssignersTask(string db)
    {
        var city = await City.CreateAsync(db);
        var id = await city.AssignAsync(await city.Top.ApiAsync("admin"), "进度上行");
        var lead = await city.Lead.ApiAsync("admin");
        var received = (await (await SignAsync(lead, await city.PartyAsync(id, city.Lead), city.Lead.SectionA)).ReadJsonAsync()).GetProperty("receivedTaskId").GetInt32();
        var coop = await city.Coop.ApiAsync("admin");
        var coopTask = (await (await SignAsync(coop, await city.PartyAsync(id, city.Coop), city.Coop.SectionA)).ReadJsonAsync()).GetProperty("receivedTaskId").GetInt32();

        // A section of the lead unit reports: the assigner's task moves with it.
        var report = await (await city.Lead.ApiAsync("staffA")).PostAsJsonAsync($"/api/tasks/{received}/reports", new { progress = "已入库认定12家", percent = 24, achievedValue = 12, confirmFigures = true });
        Assert.Equal(HttpStatusCode.Created, report.StatusCode);
        var (leadTask, topTask) = (await TaskAsync(city.Lead, received), await TaskAsync(city.Top, id));
        Assert.Equal((24, 12m, leadTask.Light, leadTask.LastReportedPeriodEnd), (topTask.ProgressPercent, topTask.AchievedValue!.Value, topTask.Light, topTask.LastReportedPeriodEnd));

        // A cooperating unit's report stays on its own task: the assigner sees it on the 交办 page only.
        Assert.Equal(HttpStatusCode.Created, (await (await city.Coop.ApiAsync("staffA")).PostAsJsonAsync($"/api/tasks/{coopTask}/reports", new { progress = "已提供数据", percent = 80 })).StatusCode);
        Assert.Equal(24, (await TaskAsync(city.Top, id)).ProgressPercent);
        var detail = await (await (await city.Top.ApiAsync("admin")).GetAsync($"/api/dispatches/{id}")).ReadJsonAsync();
        var parties = detail.GetProperty("parties").EnumerateArray().ToList();
        Assert.Equal(24, detail.GetProperty("progressPercent").GetInt32());
        Assert.Equal("已入库认定12家", parties[0].GetProperty("received").GetProperty("reports")[0].GetProperty("progress").GetString());
        Assert.Equal(80, parties[1].GetProperty("received").GetProperty("progressPercent").GetInt32());

        // The light: when the lead unit's task is red (past its date), so is the assigner's.
        await using (var scope = city.Lead.App.Services.CreateAsyncScope())
        {
            var data = scope.ServiceProvider.GetRequiredService<Luoshi.Data.LuoshiDb>();
            var task = await data.Tasks.Include(t => t.Milestones).SingleAsync(t => t.UnitId == city.Lead.UnitId && t.Id == received);
            task.DueBy = Today.AddDays(-1);
            LightRules.Apply(task, new LightDay(Today, Today.AddDays(3)));
            await data.SaveChangesAsync();
        }

        Assert.Equal((Light.Red, LightReason.TaskOverdue), ((await TaskAsync(city.Top, id)).Light, (await TaskAsync(city.Top, id)).LightReason));
    }

    private static Task<Luoshi.Features.Tasks.WorkTask> TaskAsync(Bureau unit, int id) =>
        unit.WithDbAsync(d => d.Tasks.AsNoTracking().SingleAsync(t => t.UnitId == unit.UnitId && t.Id == id));

    private static async Task<int> ToSignCountAsync(Bureau unit)
    {
        await using var scope = unit.App.Services.CreateAsyncScope();
        var source = scope.ServiceProvider.GetServices<Luoshi.Features.Desk.IToDoSource>().OfType<ToSignSource>().Single();
        var viewer = unit.AdminViewer;
        var count = await source.CountAsync(viewer, default);
        Assert.Equal(count, (await source.ListAsync(viewer, 10, default)).Count);
        return count;
    }

    private static async Task<int> ReturnedCountAsync(Bureau unit)
    {
        await using var scope = unit.App.Services.CreateAsyncScope();
        var source = scope.ServiceProvider.GetServices<Luoshi.Features.Desk.IToDoSource>().OfType<ReturnedSource>().Single();
        var count = await source.CountAsync(unit.AdminViewer, default);
        Assert.Equal(count, (await source.ListAsync(unit.AdminViewer, 10, default)).Count);
        Assert.Equal(0, await source.CountAsync(new Viewer(unit.Person("headA"), unit.UnitId, "A科长", Role.SectionHead, unit.SectionA, []), default));
        return count;
    }
}
