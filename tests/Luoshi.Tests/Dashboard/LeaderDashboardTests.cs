using System.Net.Http.Json;
using System.Text.Json;
using Luoshi.Tests.Infrastructure;

namespace Luoshi.Tests.Dashboard;

public class LeaderDashboardTests
{
    private static readonly DateOnly Today = TestApp.Today;

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task ALeadersCountsTakeInTheTasksHeLeadsOutsideTheSectionsInHisCharge(string db)
    {
        var b = await Bureau.CreateAsync(db);
        await b.TaskAsync(b.SectionA, Today.AddDays(-10), Today.AddDays(60));
        await b.TaskAsync(b.SectionB, Today.AddDays(-10), Today.AddDays(60), change: t => t.LeadLeaderId = b.Person("leader"));
        await b.TaskAsync(b.SectionB, Today.AddDays(-10), Today.AddDays(60));

        var leader = await (await b.ApiAsync("leader")).GetFromJsonAsync<JsonElement>("/api/dashboard");
        var other = await (await b.ApiAsync("otherLeader")).GetFromJsonAsync<JsonElement>("/api/dashboard");

        // In charge of A, leading one task of B: two tasks, by their sections; B's other task is not his.
        Assert.Equal(2, leader.GetProperty("totals").GetProperty("total").GetInt32());
        Assert.Equal([(b.SectionA, 1), (b.SectionB, 1)], Rows(leader));
        // The leader in charge of B still counts both of B's tasks.
        Assert.Equal([(b.SectionB, 2)], Rows(other));
    }

    private static List<(int, int)> Rows(JsonElement dashboard) =>
        [.. dashboard.GetProperty("sections").EnumerateArray()
            .Select(s => (s.GetProperty("sectionId").GetInt32(), s.GetProperty("counts").GetProperty("total").GetInt32()))
            .OrderBy(r => r.Item1)];
}
