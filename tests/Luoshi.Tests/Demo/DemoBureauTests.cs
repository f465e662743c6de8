using System.Net;
using Luoshi.Features.Assessment;
using Luoshi.Features.Demo;
using Luoshi.Features.Lights;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Tests.Demo;

public class DemoBureauTests
{
    [Fact]
    public async Task TheDemoBureauShowsEveryLightAndItsFourLoginsWork()
    {
        var app = TestApp.For("demo");
        IReadOnlyList<DemoLogin> logins;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            logins = await DemoBureau.CreateAsync(scope.ServiceProvider);
        }

        // The bureau's logins, then one office login per other unit of the demo city.
        Assert.Equal(["office", "leader", "head", "staff", "auditor", "city", "fgw", "dongcheng", "dckgx"], logins.Select(l => l.UserName));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Luoshi.Data.LuoshiDb>();
            var unit = await db.Units.Where(u => u.Name == "示范市科学技术局").Select(u => u.Id).SingleAsync();
            Assert.Equal(8, await db.Sections.CountAsync(s => s.UnitId == unit));
            Assert.Equal(21, await db.People.CountAsync(p => p.UnitId == unit));
            Assert.Equal(1, await db.People.CountAsync(p => p.UnitId == unit && p.Role == Luoshi.Features.Organisation.Role.Auditor && p.SectionId == null));
            var lights = await db.Tasks.Where(t => t.UnitId == unit).Select(t => t.Light).Distinct().ToListAsync();
            Assert.Equal(Enum.GetValues<Light>().Order(), lights.Order());
            // A problem list with a red measure, and an appeal answered and followed up.
            Assert.Equal(2, await db.Problems.CountAsync(p => p.UnitId == unit));
            Assert.True(await db.Tasks.AnyAsync(t => t.UnitId == unit && t.Kind == Luoshi.Features.Tasks.WorkKind.Rectification && t.Light == Light.Red));
            Assert.True(await db.Tasks.AnyAsync(t => t.UnitId == unit && t.Kind == Luoshi.Features.Tasks.WorkKind.Appeal && t.Stage == "办结"));

            // The year's assessment ranks every section with a task under way (the office's only task starts
            // later), with the 催办 that the escalation run raised on the overdue task traced.
            var assessment = scope.ServiceProvider.GetRequiredService<AssessmentData>();
            var result = await assessment.ComputeAsync(await db.AssessmentSchemes.SingleAsync(s => s.UnitId == unit), default);
            Assert.Equal(7, result.Sections.Count);

            // The city: the 督查室 above the bureau, the commission and the district (with its bureau), and
            // its 交办 signed (and split), waiting and returned.
            var city = await db.Units.SingleAsync(u => u.Name == "示范市人民政府督查室");
            Assert.Equal(["东城区科技和工业信息化局", "示范市东城区", "示范市发展和改革委员会", "示范市科学技术局"],
                (await Luoshi.Features.Organisation.UnitTree.LoadAsync(db)).Descendants(city.Id).Select(d => d.Unit.Name).Order());
            var states = await db.DispatchParties.Where(p => p.SourceUnitId == city.Id).GroupBy(p => p.State).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
            Assert.Equal((2, 2, 1), (states[Luoshi.Features.Dispatch.DispatchState.Signed], states[Luoshi.Features.Dispatch.DispatchState.Waiting], states[Luoshi.Features.Dispatch.DispatchState.Returned]));
            var received = await db.DispatchParties.Where(p => p.UnitId == unit && p.IsLead && p.State == Luoshi.Features.Dispatch.DispatchState.Signed).Select(p => p.ReceivedTaskId).SingleAsync();
            Assert.Equal(2, await db.Tasks.CountAsync(t => t.UnitId == unit && t.ParentId == received));
            Assert.Equal(1, result.Sections[0].Rank);
            Assert.Contains(result.Sections.SelectMany(s => s.Deductions), d => d.Task == "开展科技型中小企业评价入库600家" && d.Cause.StartsWith("催办：催办（任务办结", StringComparison.Ordinal));
        }

        foreach (var login in logins)
        {
            var client = new PageClient(app.CreateClient(new() { AllowAutoRedirect = false }));
            var response = await client.PostFormAsync("/Account/Login", new() { ["UserName"] = login.UserName, ["Password"] = login.Password });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/Password", response.Headers.Location!.OriginalString);
        }
    }
}
