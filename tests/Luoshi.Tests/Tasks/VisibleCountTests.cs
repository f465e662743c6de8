using System.Net;
using Luoshi.Features.Organisation;
using Luoshi.Features.Tasks;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Tests.Tasks;

/// <summary>
/// A list's total is counted in another shape than its rows are read (TaskAccess.VisibleToForCounting:
/// on PostgreSQL the cooperated tasks as an array of ids, for index plans), so the two must agree on the
/// rule: each person's total is exactly the tasks in his or her list, for the lead section, a cooperating
/// section, a restricted task's reader and the lead section's head, a leader's charge and own tasks (a task
/// two charged sections cooperate on counted once), and the office; the plans page's counts as well.
/// </summary>
public class VisibleCountTests
{
    private static readonly DateOnly Today = TestApp.Today;

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task EachPersonsTotalIsTheNumberOfTasksInTheirListAndTheyAreTheTasksTheRuleGives(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var (sa, sb, sc) = (b.SectionA, b.SectionB, b.SectionC);
        async Task<int> Add(int lead, int[] cooperating, Action<TaskInput>? change = null) =>
            (await b.TaskAsync(lead, Today.AddDays(-10), Today.AddDays(30), cooperating, change)).Id;

        var ids = new Dictionary<string, int>
        {
            ["leadA"] = await Add(sa, []),
            ["leadB coopA"] = await Add(sb, [sa]),
            ["leadC coopAB"] = await Add(sc, [sa, sb]),
            ["leadC leader"] = await Add(sc, [], t => t.LeadLeaderId = b.Person("leader")),
            ["leadA restricted readB"] = await Add(sa, []),
            ["leadA done"] = await Add(sa, [sc]),
            ["leadB coopC"] = await Add(sb, [sc]),
            ["leadB coopA restricted"] = await Add(sb, [sa]),
        };
        await b.WithDbAsync(async d =>
        {
            await d.Tasks.Where(t => t.Id == ids["leadA restricted readB"] || t.Id == ids["leadB coopA restricted"]).ExecuteUpdateAsync(s => s.SetProperty(t => t.Restricted, true));
            await d.Tasks.Where(t => t.Id == ids["leadA done"]).ExecuteUpdateAsync(s => s.SetProperty(t => t.CompletedOn, Today.AddDays(-1)).SetProperty(t => t.ProgressPercent, 100));
            d.TaskReaders.Add(new TaskReader { UnitId = b.UnitId, TaskId = ids["leadA restricted readB"], PersonId = b.Person("staffB") });
            // The other leader is in charge of A as well as B: the task both cooperate on is one task.
            d.Add(new LeaderCharge { UnitId = b.UnitId, LeaderId = b.Person("otherLeader"), SectionId = sa });
            return await d.SaveChangesAsync();
        });

        var expected = new Dictionary<string, string[]>
        {
            ["staffA"] = ["leadA", "leadB coopA", "leadC coopAB", "leadA done"],
            ["headA"] = ["leadA", "leadB coopA", "leadC coopAB", "leadA restricted readB", "leadA done"],
            ["staffB"] = ["leadB coopA", "leadC coopAB", "leadA restricted readB", "leadB coopC"],
            ["headB"] = ["leadB coopA", "leadC coopAB", "leadB coopC", "leadB coopA restricted"],
            ["staffC"] = ["leadC coopAB", "leadC leader", "leadA done", "leadB coopC"],
            ["leader"] = ["leadA", "leadB coopA", "leadC coopAB", "leadC leader", "leadA done"],
            ["otherLeader"] = ["leadA", "leadB coopA", "leadC coopAB", "leadA done", "leadB coopC"],
            ["admin"] = ["leadA", "leadB coopA", "leadC coopAB", "leadC leader", "leadA done", "leadB coopC"],
        };
        foreach (var (who, keys) in expected)
        {
            var api = await b.ApiAsync(who);
            int[] all = [.. keys.Select(k => ids[k]).Order()];
            int[] open = [.. keys.Where(k => k != "leadA done").Select(k => ids[k]).Order()];
            Assert.Equal((who, all.Length, Text(all)), await ListAsync(api, "/api/tasks?pageSize=200", who));
            Assert.Equal((who, open.Length, Text(open)), await ListAsync(api, "/api/tasks?open=true&pageSize=200", who));
            // A filter goes through the same two shapes: the section's own tasks among them.
            int[] ofA = [.. keys.Where(k => k.StartsWith("leadA", StringComparison.Ordinal)).Select(k => ids[k]).Order()];
            Assert.Equal((who, ofA.Length, Text(ofA)), await ListAsync(api, $"/api/tasks?section={sa}&pageSize=200", who));
            // The plans page counts each plan's tasks the same way (the bureau has one plan).
            var plans = await (await b.PagesAsync(who)).GetHtmlAsync("/Plans");
            Assert.True(plans.Contains($"<p>{all.Length} 项任务，", StringComparison.Ordinal), $"{who}: {all.Length} tasks expected on /Plans");
        }
    }

    /// <summary>The counting shape and the list shape give the same ids for every kind of viewer, read
    /// straight from the database (no kept total, no kept viewer).</summary>
    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TheCountingShapeSelectsTheSameTasksAsTheListShape(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var (sa, sb, sc) = (b.SectionA, b.SectionB, b.SectionC);
        var coopAB = (await b.TaskAsync(sc, Today.AddDays(-10), Today.AddDays(30), [sa, sb])).Id;
        var leadA = (await b.TaskAsync(sa, Today.AddDays(-10), Today.AddDays(30))).Id;
        var coopC = (await b.TaskAsync(sb, Today.AddDays(-10), Today.AddDays(30), [sc])).Id;
        var hidden = (await b.TaskAsync(sb, Today.AddDays(-10), Today.AddDays(30), [sa])).Id;
        var read = (await b.TaskAsync(sc, Today.AddDays(-10), Today.AddDays(30))).Id;
        await b.WithDbAsync(d => d.Tasks.Where(t => t.Id == hidden || t.Id == read).ExecuteUpdateAsync(s => s.SetProperty(t => t.Restricted, true)));

        Viewer[] viewers =
        [
            new(b.Person("staffA"), b.UnitId, "A科员", Role.Staff, sa, []),
            new(b.Person("staffA"), b.UnitId, "A科员", Role.Staff, sa, []) { ReadableRestrictedTaskIds = [read] },
            new(b.Person("headB"), b.UnitId, "B科长", Role.SectionHead, sb, []) { ReadableRestrictedTaskIds = [hidden] },
            new(b.Person("leader"), b.UnitId, "分管领导", Role.Leader, null, [sa, sb]),
            new(b.Person("leader"), b.UnitId, "分管领导", Role.Leader, null, []) { ReadableRestrictedTaskIds = [read] },
            b.AdminViewer,
        ];
        int[][] expected = [[coopAB, leadA], [coopAB, leadA, read], [coopAB, coopC, hidden], [coopAB, leadA, coopC], [read], [coopAB, leadA, coopC]];
        for (var i = 0; i < viewers.Length; i++)
        {
            var v = viewers[i];
            var listed = await b.WithDbAsync(d => d.Tasks.VisibleTo(v).Select(t => t.Id).OrderBy(x => x).ToListAsync());
            var counted = await b.WithDbAsync(d => d.Tasks.VisibleToForCounting(v, d).Select(t => t.Id).OrderBy(x => x).ToListAsync());
            var count = await b.WithDbAsync(d => d.Tasks.VisibleToForCounting(v, d).CountAsync());
            Assert.Equal((i, Text(expected[i].Order())), (i, Text(listed)));
            Assert.Equal((i, Text(listed)), (i, Text(counted)));
            Assert.Equal((i, listed.Count), (i, count));
        }
    }

    private static string Text(IEnumerable<int> ids) => string.Join(",", ids);

    private static async Task<(string Who, int Total, string Ids)> ListAsync(HttpClient api, string url, string who)
    {
        var response = await api.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        int[] items = [.. body.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetInt32()).Order()];
        return (who, body.GetProperty("total").GetInt32(), Text(items));
    }
}
