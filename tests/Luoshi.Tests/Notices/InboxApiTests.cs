using System.Net;
using System.Text.Json;
using Luoshi.Features.Notices;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Tests.Notices;

/// <summary>The inbox API on both databases: pages by cursor, filters, read-all and read-by-kind, and
/// a person reads only his own notices.</summary>
public class InboxApiTests
{
    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TheInboxPagesNewestFirstByCursorAndFiltersByKindAndUnread(string db)
    {
        var b = await Bureau.CreateAsync(db);
        await InboxData.AddAsync(b, "staffA", NoticeKind.Remind, 5);
        await InboxData.AddAsync(b, "staffA", NoticeKind.Urge, 7);
        var api = await b.ApiAsync("staffA");

        var seen = new List<long>();
        long? before = null;
        do
        {
            var page = await (await api.GetAsync("/api/notices?take=5" + (before is { } c ? $"&before={c}" : ""))).ReadJsonAsync();
            Assert.Equal(12, page.GetProperty("unread").GetInt32());
            seen.AddRange(page.GetProperty("notices").EnumerateArray().Select(n => n.GetProperty("id").GetInt64()));
            before = page.GetProperty("nextBefore").ValueKind == JsonValueKind.Null ? null : page.GetProperty("nextBefore").GetInt64();
        }
        while (before is not null);
        Assert.Equal(12, seen.Count);
        Assert.Equal(seen.OrderDescending(), seen);

        var urges = await (await api.GetAsync("/api/notices?kind=Urge")).ReadJsonAsync();
        Assert.Equal(7, urges.GetProperty("notices").GetArrayLength());
        Assert.All(urges.GetProperty("notices").EnumerateArray(), n => Assert.Equal("Urge", n.GetProperty("kind").GetString()));
        var byKind = urges.GetProperty("unreadByKind").EnumerateArray().ToDictionary(k => k.GetProperty("kind").GetString()!, k => k.GetProperty("unread").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["Remind"] = 5, ["Urge"] = 7 }, byKind);

        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsync($"/api/notices/{seen[0]}/read", null)).StatusCode);
        var unread = await (await api.GetAsync("/api/notices?unread=true&take=200")).ReadJsonAsync();
        Assert.Equal(11, unread.GetProperty("notices").GetArrayLength());
        Assert.DoesNotContain(unread.GetProperty("notices").EnumerateArray(), n => n.GetProperty("id").GetInt64() == seen[0]);
        Assert.Equal(11, unread.GetProperty("unread").GetInt32());
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task ReadByKindAndReadAllMarkOnlyTheCallersNotices(string db)
    {
        var b = await Bureau.CreateAsync(db);
        await InboxData.AddAsync(b, "staffA", NoticeKind.Remind, 3);
        await InboxData.AddAsync(b, "staffA", NoticeKind.Urge, 4);
        await InboxData.AddAsync(b, "staffB", NoticeKind.Urge, 6);
        var staffA = await b.ApiAsync("staffA");
        var staffB = await b.ApiAsync("staffB");

        var byKind = await (await staffA.PostAsync("/api/notices/read-all?kind=Urge", null)).ReadJsonAsync();
        Assert.Equal(4, byKind.GetProperty("marked").GetInt32());
        Assert.Equal(3, byKind.GetProperty("unread").GetInt32());
        Assert.Equal(6, (await (await staffB.GetAsync("/api/notices")).ReadJsonAsync()).GetProperty("unread").GetInt32());

        // One person cannot read another's notice, nor see it.
        var theirs = await b.WithDbAsync(d => d.Notices.Where(n => n.RecipientId == b.Person("staffB")).Select(n => n.Id).FirstAsync());
        var refused = await staffA.PostAsync($"/api/notices/{theirs}/read", null);
        var problem = await refused.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("未找到", problem.GetProperty("title").GetString());
        Assert.Null(await b.WithDbAsync(d => d.Notices.Where(n => n.Id == theirs).Select(n => n.ReadAt).SingleAsync()));
        Assert.DoesNotContain((await (await staffA.GetAsync("/api/notices?take=200")).ReadJsonAsync()).GetProperty("notices").EnumerateArray(), n => n.GetProperty("id").GetInt64() == theirs);

        var all = await (await staffA.PostAsync("/api/notices/read-all", null)).ReadJsonAsync();
        Assert.Equal(3, all.GetProperty("marked").GetInt32());
        Assert.Equal(0, all.GetProperty("unread").GetInt32());
        Assert.Equal(6, (await (await staffB.GetAsync("/api/notices")).ReadJsonAsync()).GetProperty("unread").GetInt32());
        Assert.Equal(6, await b.WithDbAsync(d => d.Notices.CountAsync(n => n.RecipientId == b.Person("staffB") && n.ReadAt == null)));
        await InboxData.AssertCountsTrueAsync(b);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AnUnknownKindIsRefusedInChineseAndAnonymousCallersAreTurnedAway(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var api = await b.ApiAsync("staffA");
        var problem = await (await api.PostAsync("/api/notices/read-all?kind=99", null)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("无效", problem.ToString());
        var anonymous = b.App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/notices/read-all", null)).StatusCode);
    }
}
