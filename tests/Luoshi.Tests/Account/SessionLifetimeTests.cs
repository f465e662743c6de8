using System.Net;
using System.Net.Http.Json;
using Luoshi.Data;
using Luoshi.Features.Account;
using Luoshi.Features.Organisation;
using Luoshi.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Tests.Account;

/// <summary>The idle timeout and the absolute lifetime (defaults: 30 minutes, 12 hours), on an app
/// of its own whose clock these tests move.</summary>
public class SessionLifetimeTests
{
    private const string App = "sessions-clock";

    [Fact]
    public async Task ABrowserIdleForMoreThanThirtyMinutesMustLogInAgain()
    {
        var b = await Bureau.CreateAsync(App);
        var (browser, _) = await Logins.SignInAsync(b.App, b.People["staffA"].Login);
        b.App.Clock.Advance(TimeSpan.FromMinutes(20));
        Assert.True(await Logins.IsSignedInAsync(browser.Http));

        b.App.Clock.Advance(TimeSpan.FromMinutes(31));

        Assert.False(await Logins.IsSignedInAsync(browser.Http));
    }

    [Fact]
    public async Task ABrowserInUseAllDayMustLogInAgainAfterTwelveHours()
    {
        var b = await Bureau.CreateAsync(App);
        var (browser, _) = await Logins.SignInAsync(b.App, b.People["staffA"].Login);
        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromHours(11.5); elapsed += TimeSpan.FromMinutes(20))
        {
            b.App.Clock.Advance(TimeSpan.FromMinutes(20));
            Assert.True(await Logins.IsSignedInAsync(browser.Http), $"signed out after {elapsed}");
        }

        b.App.Clock.Advance(TimeSpan.FromMinutes(40));

        Assert.False(await Logins.IsSignedInAsync(browser.Http));
    }

    [Fact]
    public async Task AnAccessTokenLastsFifteenMinutesAndTheRefreshTokenGetsTheNext()
    {
        var b = await Bureau.CreateAsync(App);
        var tokens = await Logins.TokensAsync(b.App, b.People["staffA"].Login);
        Assert.Equal(15 * 60, tokens.ExpiresIn);

        b.App.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.False(await Logins.WorksAsync(b.App, tokens));

        var refreshed = await Logins.RefreshAsync(b.App, tokens);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.True(await Logins.WorksAsync(b.App, (await refreshed.Content.ReadFromJsonAsync<Logins.Tokens>())!));
    }

    [Fact]
    public async Task ARefreshTokenUnusedForThirtyMinutesIsRefused()
    {
        var b = await Bureau.CreateAsync(App);
        var tokens = await Logins.TokensAsync(b.App, b.People["staffA"].Login);

        b.App.Clock.Advance(TimeSpan.FromMinutes(31));

        Assert.Equal(HttpStatusCode.Unauthorized, (await Logins.RefreshAsync(b.App, tokens)).StatusCode);
    }

    [Fact]
    public async Task RefreshingEveryTenMinutesStopsWorkingAfterTwelveHours()
    {
        var b = await Bureau.CreateAsync(App);
        var tokens = await Logins.TokensAsync(b.App, b.People["staffA"].Login);
        for (var i = 0; i < 71; i++)
        {
            b.App.Clock.Advance(TimeSpan.FromMinutes(10));
            var refreshed = await Logins.RefreshAsync(b.App, tokens);
            Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
            tokens = (await refreshed.Content.ReadFromJsonAsync<Logins.Tokens>())!;
        }

        b.App.Clock.Advance(TimeSpan.FromMinutes(11));

        Assert.Equal(HttpStatusCode.Unauthorized, (await Logins.RefreshAsync(b.App, tokens)).StatusCode);
        Assert.False(await Logins.WorksAsync(b.App, tokens));
    }

    [Fact]
    public async Task AOneTimePasswordOlderThanADayIsRefusedAndANewOneWorks()
    {
        var b = await Bureau.CreateAsync(App);
        string password;
        int personId;
        await using (var scope = b.App.Services.CreateAsyncScope())
        {
            var services = scope.ServiceProvider;
            var db = services.GetRequiredService<LuoshiDb>();
            var person = new Person { UnitId = b.UnitId, Name = "新来的科员", Role = Role.Staff, SectionId = b.SectionB };
            db.People.Add(person);
            await db.SaveChangesAsync();
            personId = person.Id;
            var (result, issued) = await Accounts.CreateLoginAsync(db, services.GetRequiredService<UserManager<AppUser>>(), b.App.Clock,
                new AppUser { UserName = $"newcomer.{b.UnitId}", UnitId = b.UnitId, PersonId = person.Id });
            Assert.True(result.Succeeded);
            password = issued;
        }

        b.App.Clock.Advance(TimeSpan.FromHours(25));
        var browser = new PageClient(b.App.CreateClient(new() { AllowAutoRedirect = false }));
        var late = await browser.PostFormAsync("/Account/Login", new() { ["UserName"] = $"newcomer.{b.UnitId}", ["Password"] = password });
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains("一次性密码已过期", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var (admin, _) = await Logins.SignInAsync(b.App, b.People["admin"].Login);
        await admin.PostFormAsync($"/Admin/Person/{personId}?handler=Reset", [], formPage: $"/Admin/Person/{personId}");
        var html = await admin.GetHtmlAsync($"/Admin/Person/{personId}");
        var fresh = System.Text.RegularExpressions.Regex.Match(html, "<code class=\"secret\">([^<]+)</code>").Groups[1].Value;
        var onTime = await browser.PostFormAsync("/Account/Login", new() { ["UserName"] = $"newcomer.{b.UnitId}", ["Password"] = fresh });
        Assert.Equal(HttpStatusCode.Redirect, onTime.StatusCode);
        Assert.StartsWith("/Account/Password", onTime.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
