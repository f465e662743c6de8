using System.Net;
using System.Net.Http.Json;
using Luoshi.Tests.Concurrency;
using Luoshi.Tests.Infrastructure;

namespace Luoshi.Tests.Account;

/// <summary>Issue 17: a refresh token is spent by its first use, also when many copies arrive at
/// once, and a spent one shown again later ends the login that grew from it.</summary>
public class RefreshTokenReuseTests
{
    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task FiftySimultaneousRefreshesWithOneTokenGiveExactlyOneNewPair(string provider)
    {
        var b = await Bureau.CreateAsync(provider);
        var tokens = await Logins.TokensAsync(b.App, b.People["staffA"].Login);

        var responses = await AtOnce.SendAsync(AtOnce.Copies, _ => Logins.RefreshAsync(b.App, tokens));

        var statuses = string.Join(", ", responses.GroupBy(r => r.StatusCode).Select(g => $"{g.Key}×{g.Count()}"));
        Assert.True(responses.Count(r => r.StatusCode == HttpStatusCode.OK) == 1, statuses);
        foreach (var loser in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
        {
            var problem = await loser.AssertProblemAsync(HttpStatusCode.Unauthorized);
            Assert.Contains("重新登录", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
            Assert.Contains("刷新令牌已用过", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        // The losers were copies within the race, not a thief: the winner's pair goes on working.
        var next = (await responses.Single(r => r.StatusCode == HttpStatusCode.OK).Content.ReadFromJsonAsync<Logins.Tokens>())!;
        Assert.True(await Logins.WorksAsync(b.App, next));
        Assert.False(await Logins.WorksAsync(b.App, tokens));
        var again = await Logins.RefreshAsync(b.App, next);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    public static TheoryData<string> ClockApps => ["sessions-clock", "sessions-clock-postgres"];

    [Theory, MemberData(nameof(ClockApps))]
    public async Task ASpentRefreshTokenShownAgainLaterEndsTheLoginThatGrewFromIt(string app)
    {
        var b = await Bureau.CreateAsync(app);
        var login = b.People["staffA"].Login;
        var stolen = await Logins.TokensAsync(b.App, login);
        var other = await Logins.TokensAsync(b.App, login);
        var first = await RefreshedAsync(b.App, stolen);
        b.App.Clock.Advance(TimeSpan.FromMinutes(5));
        var second = await RefreshedAsync(b.App, first);
        Assert.True(await Logins.WorksAsync(b.App, second));

        b.App.Clock.Advance(TimeSpan.FromMinutes(1));
        var reuse = await Logins.RefreshAsync(b.App, stolen);

        var problem = await reuse.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("重新登录", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.False(await Logins.WorksAsync(b.App, second));
        Assert.Equal(HttpStatusCode.Unauthorized, (await Logins.RefreshAsync(b.App, second)).StatusCode);
        // Only that login: the person's other login is not the one the copy came from.
        Assert.True(await Logins.WorksAsync(b.App, other));
        Assert.Equal(HttpStatusCode.OK, (await Logins.RefreshAsync(b.App, other)).StatusCode);
    }

    private static async Task<Logins.Tokens> RefreshedAsync(TestApp app, Logins.Tokens tokens)
    {
        var response = await Logins.RefreshAsync(app, tokens);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Logins.Tokens>())!;
    }
}
