using System.Net;
using System.Net.Http.Json;
using Luoshi.Data;
using Luoshi.Features.Dispatch;
using Luoshi.Features.Lights;
using Luoshi.Features.Tasks;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Tests.Dispatch;

/// <summary>
/// The assigner reads its 交办 by unit, not by section: one line per receiving unit with its parts'
/// states, the lights and progress of what it signed, and what is overdue; the monthly review of the
/// 交办 kind has the same lines under 承办单位. A unit's own received 交办 stand on its sections' lines.
/// </summary>
public class UnitRollUpTests
{
    private static readonly DateOnly Today = TestApp.Today;

    [Fact]
    public void AUnitsLineCountsItsPartsByStateAndItsSignedWorkByLight()
    {
        PartyFact Fact(DispatchState state, Light? light, int progress, int dueInDays, bool lead = true) =>
            new(1, "事项", 7, lead, state, Today.AddDays(dueInDays), light, progress, light == Light.Done ? Today : null);

        var line = UnitRollUp.Line(7, "某局", [
            Fact(DispatchState.Signed, Light.Red, 20, -1), Fact(DispatchState.Signed, Light.Yellow, 60, 10, lead: false), Fact(DispatchState.Signed, Light.Done, 100, -5),
            Fact(DispatchState.Signed, Light.Green, 40, 20), Fact(DispatchState.Waiting, null, 0, 30), Fact(DispatchState.Returned, null, 0, -2, lead: false),
        ], Today);

        Assert.Equal(new UnitLine(7, "某局", Assigned: 6, Lead: 4, Waiting: 1, Returned: 1, Signed: 4, Done: 1, Red: 1, Yellow: 1, Green: 1, Overdue: 2, AverageProgress: 55), line);
        Assert.Null(UnitRollUp.Line(7, "某局", [Fact(DispatchState.Waiting, null, 0, 3)], Today).AverageProgress);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TheAssignerSeesEachUnitsLineAndTheReviewListsUnits(string db)
    {
        var city = await City.CreateAsync(db);
        var top = await city.Top.ApiAsync("admin");
        var signed = await city.AssignAsync(top, "按单位汇总一");
        var returned = await city.AssignAsync(top, "按单位汇总二", withCoop: false);
        var lead = await city.Lead.ApiAsync("admin");
        var sign = await lead.PostAsJsonAsync($"/api/dispatches/received/{await city.PartyAsync(signed, city.Lead)}/sign", new { leadSectionId = city.Lead.SectionA });
        var received = (await sign.ReadJsonAsync()).GetProperty("receivedTaskId").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await lead.PostAsJsonAsync($"/api/dispatches/received/{await city.PartyAsync(returned, city.Lead)}/return", new { reason = "不属于本单位职责" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await (await city.Lead.ApiAsync("staffA")).PostAsJsonAsync($"/api/tasks/{received}/reports", new { progress = "已完成四成", percent = 40 })).StatusCode);

        await using (var scope = city.Top.App.Services.CreateAsyncScope())
        {
            var data = scope.ServiceProvider.GetRequiredService<LuoshiDb>();
            var facts = await UnitRollUp.FactsAsync(data, city.Top.UnitId, data.Tasks.Where(t => t.UnitId == city.Top.UnitId), default);
            var lines = UnitRollUp.Lines(facts, Today, id => id == city.Lead.UnitId ? "牵头局" : "配合局", id => id == city.Lead.UnitId ? 0 : 1);
            Assert.Equal([(city.Lead.UnitId, 2, 2, 0, 1, 1, 40), (city.Coop.UnitId, 1, 0, 1, 0, 0, (int?)null)],
                lines.Select(l => (l.UnitId, l.Assigned, l.Lead, l.Waiting, l.Returned, l.Signed, l.AverageProgress)));
            // Nothing of another assigner's: the lead unit assigned nothing, so it has no lines of its own.
            Assert.Empty(await UnitRollUp.FactsAsync(data, city.Lead.UnitId, data.Tasks.IgnoreQueryFilters([UnitKeys.FilterName]), default));
        }

        var page = await (await city.Top.PagesAsync("admin")).GetHtmlAsync("/Dispatch");
        Assert.Contains("各单位承办情况", page);
        var review = await (await city.Top.PagesAsync("admin")).GetHtmlAsync($"/Reviews?kind={(int)WorkKind.Dispatch}");
        Assert.Contains("交办事项落实情况", review);
        Assert.Contains("承办单位", review);
        // The lead unit's own review puts the signed 交办 on its section's line.
        var own = await (await city.Lead.PagesAsync("admin")).GetHtmlAsync($"/Reviews?kind={(int)WorkKind.Dispatch}");
        Assert.Contains("本单位·科室A", own);
    }
}
