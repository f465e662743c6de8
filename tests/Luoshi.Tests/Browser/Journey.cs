using Microsoft.Playwright;

namespace Luoshi.Tests.Browser;

/// <summary>
/// One person at one browser: a context of its own (cookies, screen size, zh-CN), with every response
/// of 400 or more noted unless the test said it expects one. Confirmation dialogs are accepted, as a
/// person who pressed the button would.
/// </summary>
internal sealed class Journey : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _unexpected = [];
    private readonly HashSet<int> _expected = [];

    private Journey(IBrowserContext context, IPage page, string baseUrl, Screen screen)
    {
        _context = context;
        Page = page;
        BaseUrl = baseUrl;
        Screen = screen;
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && !_expected.Contains(response.Status) && !response.Url.EndsWith("/favicon.ico", StringComparison.Ordinal))
            {
                _unexpected.Add($"{response.Status} {response.Request.Method} {response.Url}");
            }
        };
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
    }

    public IPage Page { get; }

    public string BaseUrl { get; }

    public Screen Screen { get; }

    public static async Task<Journey> StartAsync(string baseUrl, Screen screen, string? storageState)
    {
        var browser = await BrowserHost.BrowserAsync();
        var context = await browser.NewContextAsync(new()
        {
            ViewportSize = BrowserHost.Size(screen),
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            StorageState = storageState,
            AcceptDownloads = true,
        });
        // Generous: on a busy 2-core machine the first page of a run can take seconds.
        // A page under a full suite on two cores (the demo city signs nine logins in) can take longer than 30 s.
        context.SetDefaultTimeout(60_000);
        return new Journey(context, await context.NewPageAsync(), baseUrl.TrimEnd('/'), screen);
    }

    /// <summary>Opens a page of the app and expects it to answer 200.</summary>
    public async Task OpenAsync(string path)
    {
        var response = await Page.GotoAsync(BaseUrl + path);
        Assert.True(response is { Status: 200 }, $"{path} answered {response?.Status}");
    }

    /// <summary>Presses a button (or anything that submits) and waits for the page that follows to be
    /// read in. Its DOM is what the tests read, so a screenshot alone waits for "load" too. Two full CI runs
    /// hung 60 s here with every request ended ("NetworkIdle" fired, the new page's URL committed) while
    /// Playwright never saw the page's lifecycle event; so the wait is in short rounds, and between them
    /// the document itself is asked whether it has been read in.</summary>
    public async Task SubmitAsync(string selector)
    {
        await Page.Locator(selector).First.ClickAsync();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var state = "";
        while (true)
        {
            try
            {
                await Page.WaitForLoadStateAsync(LoadState.DOMContentLoaded, new() { Timeout = 5_000 });
                return;
            }
            catch (TimeoutException)
            {
                try
                {
                    state = await Page.EvaluateAsync<string>("() => document.readyState");
                    if (state != "loading")
                    {
                        return;
                    }
                }
                catch (PlaywrightException e)
                {
                    // Between two documents there is none to ask: ask again in the next round.
                    state = e.Message;
                }

                if (watch.Elapsed > TimeSpan.FromSeconds(90))
                {
                    throw new TimeoutException($"after pressing {selector} the page {Page.Url} did not finish loading ({state})");
                }
            }
        }
    }

    /// <summary>Turns the browser's own form checks (required, min, max) off, as an old browser or a
    /// hurried person gets past them, so what the server says is what is tried.</summary>
    public Task TurnOffBrowserChecksAsync() => Page.EvaluateAsync("() => document.querySelectorAll('form').forEach(f => f.noValidate = true)");

    /// <summary>Within the action, responses with this status are what the test is after.</summary>
    public async Task ExpectingAsync(int status, Func<Task> action)
    {
        _expected.Add(status);
        try
        {
            await action();
        }
        finally
        {
            _expected.Remove(status);
        }
    }

    public IReadOnlyList<string> TakeUnexpectedResponses()
    {
        var taken = _unexpected.ToList();
        _unexpected.Clear();
        return taken;
    }

    public void AssertNoUnexpectedResponses() => Assert.True(_unexpected.Count == 0, "意外的响应：" + string.Join("; ", _unexpected));

    public Task<string> MainTextAsync() => Page.Locator("main").InnerTextAsync();

    /// <summary>Problems a person would see on the page now: English, sideways scrolling on a phone,
    /// task rows whose light is off screen, forms that would be refused for a missing token.</summary>
    public Task<IReadOnlyList<string>> ProblemsAsync() => PageChecks.ProblemsAsync(Page, Screen);

    public async Task AssertCleanAsync()
    {
        var problems = await ProblemsAsync();
        Assert.True(problems.Count == 0, Page.Url + "：" + string.Join("; ", problems));
        AssertNoUnexpectedResponses();
    }

    /// <summary>A screenshot under screenshots/ beside the test binaries (or LUOSHI_SCREENSHOTS).</summary>
    public async Task ShotAsync(string name)
    {
        var folder = Environment.GetEnvironmentVariable("LUOSHI_SCREENSHOTS") ?? "screenshots";
        Directory.CreateDirectory(folder);
        await Page.WaitForLoadStateAsync(LoadState.Load);
        await Page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}
