using System.Net;
using System.Net.Http.Json;
using Luoshi.Features.Notices;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Tests.Dispatch;

/// <summary>
/// A 催办 or 督办 the 督查室 raises on its 交办 reaches the lead unit: its office and, once signed, the
/// leader in charge of its own task; the notice opens the lead unit's page of the 交办. A cooperating unit
/// is not told, and nothing of it reaches a unit the 交办 does not concern.
/// </summary>
public class StepRelayTests
{
    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AHigherUnits督办ReachesTheLeadUnitsOfficeAndItsLeader(string db)
    {
        var city = await City.CreateAsync(db);
        var top = await city.Top.ApiAsync("admin");
        var signed = await city.AssignAsync(top, "上级督办送达牵头单位");
        var party = await city.PartyAsync(signed, city.Lead);
        var received = (await (await (await city.Lead.ApiAsync("admin")).PostAsJsonAsync($"/api/dispatches/received/{party}/sign", new { leadSectionId = city.Lead.SectionA }))
            .ReadJsonAsync()).GetProperty("receivedTaskId").GetInt32();
        await city.Lead.WithDbAsync(d => d.Tasks.Where(t => t.UnitId == city.Lead.UnitId && t.Id == received)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.LeadLeaderId, city.Lead.Person("leader"))));
        var waiting = await city.AssignAsync(top, "上级催办尚未签收", withCoop: false);

        Assert.Equal(HttpStatusCode.Created, (await top.PostAsJsonAsync($"/api/tasks/{signed}/supervise", new { message = "请加快推进并于本周报送" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await top.PostAsJsonAsync($"/api/tasks/{waiting}/urge", new { message = "请尽快签收" })).StatusCode);

        var told = await city.Lead.WithDbAsync(d => d.Notices.Where(n => n.UnitId == city.Lead.UnitId && (n.Kind == NoticeKind.Supervise || n.Kind == NoticeKind.Urge))
            .Join(d.People, n => n.RecipientId, p => p.Id, (n, p) => new { p.Name, n.Kind, n.Title, n.Body, n.Link, n.TaskId }).ToListAsync());
        var sheet = told.Where(n => n.Kind == NoticeKind.Supervise).ToList();
        Assert.Equal(["分管领导", "办公室管理员"], sheet.Select(n => n.Name).Order(StringComparer.Ordinal));
        Assert.All(sheet, n => Assert.Equal(($"/Dispatch/Received/{party}", received, "【上级督办】上级督办送达牵头单位"), (n.Link, n.TaskId!.Value, n.Title)));
        Assert.Contains("请加快推进并于本周报送", sheet[0].Body);
        Assert.Contains("督办〔", sheet[0].Body);
        // Not yet signed: the office alone, about the 交办 it has to sign.
        Assert.Equal(["办公室管理员"], told.Where(n => n.Kind == NoticeKind.Urge).Select(n => n.Name));

        Assert.Equal(0, await city.Coop.WithDbAsync(d => d.Notices.CountAsync(n => n.UnitId == city.Coop.UnitId && (n.Kind == NoticeKind.Supervise || n.Kind == NoticeKind.Urge))));
        Assert.Equal(0, await city.Sibling.WithDbAsync(d => d.Notices.CountAsync(n => n.UnitId == city.Sibling.UnitId)));
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task A督办HeldForTheOfficeAndConfirmedReachesTheLeadUnitToo(string db)
    {
        var city = await City.CreateAsync(db);
        var top = await city.Top.ApiAsync("admin");
        var signed = await city.AssignAsync(top, "确认发出的督办送达牵头单位", withCoop: false);
        var party = await city.PartyAsync(signed, city.Lead);
        Assert.Equal(HttpStatusCode.OK, (await (await city.Lead.ApiAsync("admin")).PostAsJsonAsync($"/api/dispatches/received/{party}/sign", new { leadSectionId = city.Lead.SectionA })).StatusCode);
        // As a mass run leaves it: the 督办单 held for the office to confirm.
        await city.Top.WithDbAsync(async d =>
        {
            d.HeldSheets.Add(new Luoshi.Features.Supervision.HeldSheet
            {
                UnitId = city.Top.UnitId, TaskId = signed, Deadline = Luoshi.Features.Supervision.DeadlineKind.Task, DueOn = TestApp.Today.AddDays(-10),
                HeldOn = TestApp.Today, HeldAt = DateTime.UtcNow, Facts = "逾期10天",
            });
            return await d.SaveChangesAsync();
        });

        var confirmed = await (await city.Top.PagesAsync("admin")).PostFormAsync("/Supervision/Held?handler=Confirm", [], formPage: "/Supervision/Held");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var told = await city.Lead.WithDbAsync(d => d.Notices.Where(n => n.UnitId == city.Lead.UnitId && n.Kind == NoticeKind.Supervise).Select(n => n.Link).ToListAsync());
        Assert.Equal([$"/Dispatch/Received/{party}"], told);
    }
}

