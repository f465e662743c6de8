using System.Globalization;
using System.Text.Json;
using Luoshi.Tests.Infrastructure;

namespace Luoshi.Tests.Dispatch;

/// <summary>The lists of 交办 come a page at a time, newest first, however many a 督查室 has made: the
/// page ends where the next begins (no row twice, none skipped), on the page and in the API.</summary>
public class DispatchPagingTests
{
    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AssignedAndReceivedListsArePagedNewestFirstWithoutGapsOrRepeats(string db)
    {
        var city = await City.CreateAsync(db);
        var top = await city.Top.ApiAsync("admin");
        var made = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            made.Add(await city.AssignAsync(top, $"分页交办{i}", withCoop: false));
        }

        async Task<List<int>> PageAsync(HttpClient client, string url, string id) =>
            [.. (await (await client.GetAsync(url)).ReadJsonAsync()).EnumerateArray().Select(r => r.GetProperty(id).GetInt32())];

        var first = await PageAsync(top, "/api/dispatches?take=2", "id");
        var second = await PageAsync(top, $"/api/dispatches?take=2&before={first[^1]}", "id");
        var third = await PageAsync(top, $"/api/dispatches?take=2&before={second[^1]}", "id");
        Assert.Equal(Enumerable.Reverse(made), first.Concat(second).Concat(third));
        Assert.Single(third);

        var lead = await city.Lead.ApiAsync("admin");
        var received = await PageAsync(lead, "/api/dispatches/received?take=3", "partyId");
        var rest = await PageAsync(lead, $"/api/dispatches/received?take=3&before={received[^1]}", "partyId");
        Assert.Equal(5, received.Concat(rest).Distinct().Count());
        Assert.True(received.Concat(rest).SequenceEqual(received.Concat(rest).OrderDescending()));

        // The page: a link to the older ones keeps the filter and ends where the first page ended.
        var office = await city.Top.PagesAsync("admin");
        var page = await office.GetHtmlAsync("/Dispatch?State=Waiting");
        Assert.Contains("分页交办4", page);
        Assert.DoesNotContain("id=\"older-assigned\"", page);
        var older = await office.GetHtmlAsync($"/Dispatch?State=Waiting&Before={made[2].ToString(CultureInfo.InvariantCulture)}");
        Assert.Contains("分页交办1", older);
        Assert.DoesNotContain("分页交办3", older);
        Assert.Contains("最新的交办", older);
    }
}
