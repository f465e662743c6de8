using System.Net;
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

        Assert.Equal(["office", "leader", "head", "staff"], logins.Select(l => l.UserName));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Luoshi.Data.LuoshiDb>();
            var unit = await db.Units.Where(u => u.Name == "示范市科学技术局").Select(u => u.Id).SingleAsync();
            Assert.Equal(8, await db.Sections.CountAsync(s => s.UnitId == unit));
            Assert.Equal(20, await db.People.CountAsync(p => p.UnitId == unit));
            var lights = await db.Tasks.Where(t => t.UnitId == unit).Select(t => t.Light).Distinct().ToListAsync();
            Assert.Equal(Enum.GetValues<Light>().Order(), lights.Order());
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
