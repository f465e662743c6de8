using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Luoshi.Features.Account;
using Luoshi.Tests.Infrastructure;

namespace Luoshi.Tests.Account;

/// <summary>Issue 17: the login tells an attacker nothing about which names exist, and is limited.</summary>
public class LoginTests
{
    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AnUnknownNameAWrongPasswordAndALockedLoginGetTheSameWords(string provider)
    {
        var b = await Bureau.CreateAsync(provider);
        var login = b.People["staffA"].Login;
        var unknown = await LoginMessageAsync(b.App, "nobody." + b.UnitId, "Whatever-2026x");
        var wrong = await LoginMessageAsync(b.App, login, "Whatever-2026x");
        for (var i = 0; i < 5; i++)
        {
            await LoginMessageAsync(b.App, login, "Whatever-2026x");
        }

        var locked = await LoginMessageAsync(b.App, login, Bureau.Password);

        Assert.Equal(LoginCheck.Refused, unknown);
        Assert.Equal(unknown, wrong);
        Assert.Equal(unknown, locked);
        var token = await b.App.CreateClient().PostAsJsonAsync("/api/auth/token", new { userName = login, password = Bureau.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, token.StatusCode);
        Assert.Contains(LoginCheck.Refused, await token.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownNameTakesAboutAsLongAsAWrongPassword()
    {
        var b = await Bureau.CreateAsync("sqlite");
        var client = b.App.CreateClient();
        async Task<TimeSpan> TimeAsync(string name)
        {
            var times = new List<TimeSpan>();
            for (var i = 0; i < 4; i++)
            {
                var watch = Stopwatch.StartNew();
                await client.PostAsJsonAsync("/api/auth/token", new { userName = name, password = "Whatever-2026x" });
                times.Add(watch.Elapsed);
            }

            return times.Order().ElementAt(1);
        }

        var known = await TimeAsync(b.People["staffB"].Login);
        var unknown = await TimeAsync("nobody." + b.UnitId);

        // Both hash one password; before, the unknown name answered twenty times faster.
        Assert.True(unknown > known / 3, $"unknown {unknown.TotalMilliseconds} ms, known {known.TotalMilliseconds} ms");
    }

    [Theory]
    [InlineData("password123")]
    [InlineData("Password123")]
    [InlineData("admin123456")]
    [InlineData("1qaz2wsx3edc")]
    public async Task ACommonPasswordIsRefused(string common)
    {
        var b = await Bureau.CreateAsync("sqlite");
        var (browser, _) = await Logins.SignInAsync(b.App, b.People["staffA"].Login);

        var response = await browser.PostFormAsync("/Account/Password", new() { ["Current"] = Bureau.Password, ["New"] = common, ["Confirm"] = common });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("这个密码太常见", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task ThePasswordMayNotContainTheLoginNameOrTheUnitName(string provider)
    {
        var b = await Bureau.CreateAsync(provider);
        var login = b.People["staffA"].Login;
        var unitName = await b.WithDbAsync(db => Task.FromResult(db.Units.Single(u => u.Id == b.UnitId).Name));
        var (browser, _) = await Logins.SignInAsync(b.App, login);

        foreach (var (password, message) in new[] { (login + "x1", "不能包含登录名"), (unitName + "2026a", "不能包含单位名称") })
        {
            var response = await browser.PostFormAsync("/Account/Password", new() { ["Current"] = Bureau.Password, ["New"] = password, ["Confirm"] = password });
            Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void NoOneTimePasswordIsOnTheListOfCommonPasswords()
    {
        Assert.True(CommonPasswords.IsCommon("QWERTYUIOP"));
        for (var i = 0; i < 1000; i++)
        {
            Assert.False(CommonPasswords.IsCommon(Accounts.NewOneTimePassword()));
        }
    }

    [Fact]
    public async Task LoginsAreLimitedPerNameAndPerAddress()
    {
        var b = await Bureau.CreateAsync("loginlimit");
        var login = b.People["staffA"].Login;
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(LoginCheck.Refused, await LoginMessageAsync(b.App, login, "Whatever-2026x"));
        }

        // The fourth try at the same name is refused before its password is looked at.
        Assert.Equal(LoginCheck.TooMany, await LoginMessageAsync(b.App, login, Bureau.Password));
        Assert.Equal(LoginCheck.Refused, await LoginMessageAsync(b.App, "other." + b.UnitId, "Whatever-2026x"));
        Assert.Equal(LoginCheck.Refused, await LoginMessageAsync(b.App, "third." + b.UnitId, "Whatever-2026x"));

        // Six posts from this address in the window: the seventh, page or API, is refused, in Chinese:
        // the login page with the message, and ProblemDetails; both say when to come back.
        var page = new PageClient(b.App.CreateClient(new() { AllowAutoRedirect = false }));
        var seventh = await page.PostFormAsync("/Account/Login", new() { ["UserName"] = b.People["staffB"].Login, ["Password"] = Bureau.Password });
        Assert.Equal(HttpStatusCode.TooManyRequests, seventh.StatusCode);
        Assert.StartsWith("text/html", seventh.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        var html = await seventh.Content.ReadAsStringAsync();
        Assert.Contains(LoginCheck.TooMany, html, StringComparison.Ordinal);
        Assert.Contains("name=\"Password\"", html, StringComparison.Ordinal);
        AssertRetryAfter(seventh);

        var token = await b.App.CreateClient().PostAsJsonAsync("/api/auth/token", new { userName = b.People["staffB"].Login, password = Bureau.Password });
        var problem = await token.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal(LoginCheck.TooMany, problem.GetProperty("detail").GetString());
        Assert.Equal("登录失败", problem.GetProperty("title").GetString());
        AssertRetryAfter(token);
    }

    private static void AssertRetryAfter(HttpResponseMessage response)
    {
        var seconds = response.Headers.RetryAfter?.Delta?.TotalSeconds;
        Assert.True(seconds is > 0 and <= 15 * 60, $"Retry-After: {response.Headers.RetryAfter}");
    }

    /// <summary>The error the login page shows, or null when it let the person in.</summary>
    private static async Task<string?> LoginMessageAsync(TestApp app, string name, string password)
    {
        var page = new PageClient(app.CreateClient(new() { AllowAutoRedirect = false }));
        var response = await page.PostFormAsync("/Account/Login", new() { ["UserName"] = name, ["Password"] = password });
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            return null;
        }

        var html = await response.Content.ReadAsStringAsync();
        var error = System.Text.RegularExpressions.Regex.Match(html, "<li>([^<]+)</li>");
        return error.Success ? System.Net.WebUtility.HtmlDecode(error.Groups[1].Value) : html;
    }
}
