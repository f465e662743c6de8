using System.Net;
using System.Net.Http.Json;
using Luoshi.Features.Tasks;
using Luoshi.Tests.Concurrency;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Tests.WorkItems;

/// <summary>A ledger's items of a year go into one plan of the unit, made by the year's first item.</summary>
public class LedgerPlanTests
{
    private static Task<HttpResponseMessage> AppealAsync(HttpClient admin, Bureau b, int i) =>
        admin.PostAsJsonAsync("/api/appeals", new { content = $"第{i + 1}件诉求：项目验收迟迟未安排，请协调", category = "项目申报", leadSectionId = b.SectionA, responsiblePersonId = b.Person("staffA") });

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TwoFirstAppealsOfTheYearAtOnceMakeOnePlanAndTwoItems(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var admin = await b.ApiAsync("admin");

        var responses = await AtOnce.SendAsync(2, i => AppealAsync(admin, b, i));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var plan = Assert.Single(await b.WithDbAsync(d => d.Plans.Where(p => p.UnitId == b.UnitId && p.LedgerKind == WorkKind.Appeal).ToListAsync()));
        Assert.Equal(("2026年诉求办理", 2026), (plan.Title, plan.Year));
        var items = await b.WithDbAsync(d => d.Tasks.Where(t => t.UnitId == b.UnitId && t.Kind == WorkKind.Appeal).Select(t => t.PlanId).ToListAsync());
        Assert.Equal(new[] { plan.Id, plan.Id }, items);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task EachKindHasItsOwnPlanOfTheYearAndALaterItemJoinsIt(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var admin = await b.ApiAsync("admin");
        var problem = await admin.PostAsJsonAsync("/api/problems", new { title = "申报材料重复填报", category = "作风", leaderId = b.Person("leader"), opinionIds = Array.Empty<int>() });
        var problemId = (await problem.ReadJsonAsync()).GetProperty("id").GetInt32();

        Assert.Equal(HttpStatusCode.Created, (await AppealAsync(admin, b, 0)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/problems/{problemId}/measures", new { title = "精简申报表", leadSectionId = b.SectionA, dueDate = "2026-09-30" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await AppealAsync(admin, b, 1)).StatusCode);

        var plans = await b.WithDbAsync(d => d.Plans.Where(p => p.UnitId == b.UnitId && p.LedgerKind != null).OrderBy(p => p.LedgerKind).Select(p => new { p.Id, p.LedgerKind, p.Title }).ToListAsync());
        Assert.Equal(new[] { (WorkKind.Rectification, "2026年问题整改"), (WorkKind.Appeal, "2026年诉求办理") }, plans.Select(p => (p.LedgerKind!.Value, p.Title)));
        var byPlan = await b.WithDbAsync(d => d.Tasks.Where(t => t.UnitId == b.UnitId && t.Kind != WorkKind.Task).GroupBy(t => new { t.PlanId, t.Kind }).Select(g => new { g.Key.PlanId, g.Key.Kind, Count = g.Count() }).ToListAsync());
        Assert.Equal(2, byPlan.Single(g => g.Kind == WorkKind.Appeal && g.PlanId == plans[1].Id).Count);
        Assert.Equal(1, byPlan.Single(g => g.Kind == WorkKind.Rectification && g.PlanId == plans[0].Id).Count);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task ARefusedFirstItemLeavesNoPlanBehind(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var admin = await b.ApiAsync("admin");

        var refused = await admin.PostAsJsonAsync("/api/appeals", new { content = "诉求内容", category = "项目申报", leadSectionId = 999999 });

        await refused.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(0, await b.WithDbAsync(d => d.Plans.CountAsync(p => p.UnitId == b.UnitId && p.LedgerKind != null)));
    }
}
