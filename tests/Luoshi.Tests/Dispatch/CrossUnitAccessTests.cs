using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Luoshi.Tests.Infrastructure;

namespace Luoshi.Tests.Dispatch;

/// <summary>
/// Who sees what across units. The assigner sees what it assigned and, of a receiving unit, only the task
/// made for it and that task's parts; a unit below never sees its parent's or a sibling's other work; a
/// cooperating unit sees the 交办 and its own part, not the lead unit's; nobody assigns to a unit not below
/// it; and only the receiving office signs.
/// </summary>
public class CrossUnitAccessTests
{
    private static readonly DateOnly Today = TestApp.Today;

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task EachUnitSeesOnlyWhatTheDispatchGivesIt(string db)
    {
        var city = await City.CreateAsync(db);
        var top = await city.Top.ApiAsync("admin");
        var topOwn = await city.Top.TaskAsync(city.Top.SectionB, Today, Today.AddDays(30));
        var leadOther = await city.Lead.TaskAsync(city.Lead.SectionB, Today, Today.AddDays(30));
        var siblingOther = await city.Sibling.TaskAsync(city.Sibling.SectionA, Today, Today.AddDays(30));

        // Not below the assigner: refused, and nothing is made.
        var outside = await top.PostAsJsonAsync("/api/dispatches", new
        {
            title = "越级交办", leadUnitId = city.Outsider.UnitId, dueDate = Today.AddDays(30), followUpSectionId = city.Top.SectionA,
        });
        Assert.Contains("牵头单位须是本单位的下级单位", (await outside.AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorsOf("LeadUnitId"));
        var upward = await (await city.Lead.ApiAsync("admin")).PostAsJsonAsync("/api/dispatches", new
        {
            title = "向上交办", leadUnitId = city.Top.UnitId, dueDate = Today.AddDays(30), followUpSectionId = city.Lead.SectionA,
        });
        await upward.AssertProblemAsync(HttpStatusCode.BadRequest);
        // Only the office assigns.
        await (await (await city.Top.ApiAsync("headA")).PostAsJsonAsync("/api/dispatches", new
        {
            title = "科长交办", leadUnitId = city.Lead.UnitId, dueDate = Today.AddDays(30), followUpSectionId = city.Top.SectionA,
        })).AssertProblemAsync(HttpStatusCode.Forbidden);

        var id = await city.AssignAsync(top, "新增高新技术企业");
        var leadParty = await city.PartyAsync(id, city.Lead);
        var coopParty = await city.PartyAsync(id, city.Coop);

        // A non-office person of the receiving unit cannot sign or return; another unit's office does not find it.
        await (await (await city.Lead.ApiAsync("headA")).PostAsJsonAsync($"/api/dispatches/received/{leadParty}/sign", new { leadSectionId = city.Lead.SectionA })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await (await city.Lead.ApiAsync("staffA")).PostAsJsonAsync($"/api/dispatches/received/{leadParty}/return", new { reason = "不是我们的" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        var coop = await city.Coop.ApiAsync("admin");
        await (await coop.PostAsJsonAsync($"/api/dispatches/received/{leadParty}/sign", new { leadSectionId = city.Coop.SectionA })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await top.PostAsJsonAsync($"/api/dispatches/received/{leadParty}/sign", new { leadSectionId = city.Top.SectionA })).AssertProblemAsync(HttpStatusCode.NotFound);

        var lead = await city.Lead.ApiAsync("admin");
        var signed = await lead.PostAsJsonAsync($"/api/dispatches/received/{leadParty}/sign", new { leadSectionId = city.Lead.SectionA });
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        var received = (await signed.ReadJsonAsync()).GetProperty("receivedTaskId").GetInt32();
        var part = await lead.PostAsJsonAsync("/api/tasks", new
        {
            task = new
            {
                planId = await city.Lead.WithDbAsync(d => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(d.Tasks.Where(t => t.Id == received && t.UnitId == city.Lead.UnitId).Select(t => t.PlanId))),
                parentId = received, title = "入库辅导", leadSectionId = city.Lead.SectionB, startDate = Today, dueDate = Today.AddDays(60),
            },
        });
        Assert.Equal(HttpStatusCode.Created, part.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await coop.PostAsJsonAsync($"/api/dispatches/received/{coopParty}/sign", new { leadSectionId = city.Coop.SectionC })).StatusCode);
        var coopTask = await city.Coop.WithDbAsync(d => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(d.DispatchParties.Where(p => p.Id == coopParty).Select(p => p.ReceivedTaskId!.Value)));

        // The assigner: its 交办 with the lead's received task and its part, and the cooperating unit's; nothing else.
        var detail = await (await top.GetAsync($"/api/dispatches/{id}")).ReadJsonAsync();
        var parties = detail.GetProperty("parties").EnumerateArray().ToList();
        Assert.Equal(["Signed", "Signed"], parties.Select(p => p.GetProperty("state").GetString()));
        Assert.Equal(received, parties[0].GetProperty("received").GetProperty("taskId").GetInt32());
        Assert.Equal(["入库辅导"], parties[0].GetProperty("received").GetProperty("parts").EnumerateArray().Select(p => p.GetProperty("title").GetString()));
        Assert.Equal(coopTask, parties[1].GetProperty("received").GetProperty("taskId").GetInt32());
        foreach (var hidden in new[] { leadOther.Id, received, siblingOther.Id })
        {
            await (await top.GetAsync($"/api/tasks/{hidden}")).AssertProblemAsync(HttpStatusCode.NotFound);
        }

        var topList = await (await top.GetAsync("/api/tasks?pageSize=100")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(leadOther.Title, topList);

        // The lead unit: its own received task, never the assigner's task or view, nor a sibling's work.
        Assert.Equal(HttpStatusCode.OK, (await lead.GetAsync($"/api/tasks/{received}")).StatusCode);
        foreach (var path in new[] { $"/api/tasks/{topOwn.Id}", $"/api/tasks/{id}", $"/api/dispatches/{id}", $"/api/tasks/{siblingOther.Id}", $"/api/tasks/{coopTask}", $"/api/dispatches/received/{coopParty}" })
        {
            await (await lead.GetAsync(path)).AssertProblemAsync(HttpStatusCode.NotFound);
        }

        // The sibling: nothing of the 交办 or of the others.
        var sibling = await city.Sibling.ApiAsync("admin");
        foreach (var path in new[] { $"/api/tasks/{leadOther.Id}", $"/api/tasks/{received}", $"/api/dispatches/{id}", $"/api/dispatches/received/{leadParty}", $"/api/tasks/{topOwn.Id}" })
        {
            await (await sibling.GetAsync(path)).AssertProblemAsync(HttpStatusCode.NotFound);
        }

        Assert.Equal(0, (await (await sibling.GetAsync("/api/dispatches/received")).ReadJsonAsync()).GetArrayLength());

        // The cooperating unit: the 交办 and its own part (the lead unit named, its progress not shown), not the lead's part.
        var coopView = await (await coop.GetAsync($"/api/dispatches/received/{coopParty}")).ReadJsonAsync();
        Assert.Equal(("新增高新技术企业", "提供本单位数据", coopTask), (coopView.GetProperty("title").GetString(), coopView.GetProperty("part").GetString(), coopView.GetProperty("receivedTaskId").GetInt32()));
        Assert.Equal(JsonValueKind.Null, coopView.GetProperty("targetValue").ValueKind);
        foreach (var path in new[] { $"/api/tasks/{received}", $"/api/dispatches/{id}", $"/api/dispatches/received/{leadParty}", $"/api/tasks/{leadOther.Id}" })
        {
            await (await coop.GetAsync(path)).AssertProblemAsync(HttpStatusCode.NotFound);
        }

        // The outsider sees none of it.
        var outsider = await city.Outsider.ApiAsync("admin");
        await (await outsider.GetAsync($"/api/dispatches/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await outsider.GetAsync($"/api/dispatches/received/{leadParty}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
