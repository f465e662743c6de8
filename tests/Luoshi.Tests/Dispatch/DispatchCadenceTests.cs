using System.Net;
using System.Net.Http.Json;
using Luoshi.Features.Plans;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Tests.Dispatch;

/// <summary>The cadence a 交办 asks for is the cadence the receiving unit reports on: a signed part goes into
/// the receiving unit's 交办 plan of that cadence, whose periods, reminders and escalation the kernel
/// already follows; a monthly one stays in the ordinary plan.</summary>
public class DispatchCadenceTests
{
    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task ASignedPartReportsOnTheCadenceTheAssignerAskedFor(string db)
    {
        var city = await City.CreateAsync(db);
        var top = await city.Top.ApiAsync("admin");
        var quarterly = await city.AssignAsync(top, "按季度报送的交办", withCoop: false);
        var monthly = await top.PostAsJsonAsync("/api/dispatches", new
        {
            title = "按月报送的交办", leadUnitId = city.Lead.UnitId, dueDate = TestApp.Today.AddDays(90), cadence = "Monthly", followUpSectionId = city.Top.SectionA,
        });
        Assert.Equal(HttpStatusCode.Created, monthly.StatusCode);
        var monthlyId = (await monthly.ReadJsonAsync()).GetProperty("id").GetInt32();

        var lead = await city.Lead.ApiAsync("admin");
        async Task<Plan> SignAsync(int dispatch)
        {
            var sign = await lead.PostAsJsonAsync($"/api/dispatches/received/{await city.PartyAsync(dispatch, city.Lead)}/sign", new { leadSectionId = city.Lead.SectionA });
            Assert.Equal(HttpStatusCode.OK, sign.StatusCode);
            var task = (await sign.ReadJsonAsync()).GetProperty("receivedTaskId").GetInt32();
            return await city.Lead.WithDbAsync(d => d.Tasks.Where(t => t.Id == task).Join(d.Plans, t => t.PlanId, p => p.Id, (t, p) => p).SingleAsync());
        }

        var quarterPlan = await SignAsync(quarterly);
        var monthPlan = await SignAsync(monthlyId);
        Assert.Equal(ReportCadence.Quarterly, quarterPlan.Cadence);
        Assert.Equal($"{TestApp.Today.Year}年交办事项（每季度报送）", quarterPlan.Title);
        Assert.Equal(ReportCadence.Monthly, monthPlan.Cadence);
        Assert.Equal($"{TestApp.Today.Year}年交办事项", monthPlan.Title);

        // A second quarterly one joins the same plan.
        var again = await city.AssignAsync(top, "又一件按季度报送的交办", withCoop: false);
        Assert.Equal(quarterPlan.Id, (await SignAsync(again)).Id);
    }
}
