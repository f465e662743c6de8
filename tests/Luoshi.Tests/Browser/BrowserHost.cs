using Microsoft.Playwright;

namespace Luoshi.Tests.Browser;

/// <summary>The screen sizes pages are tried on: an office desktop and a phone.</summary>
internal enum Screen
{
    Desk,
    Phone,
}

/// <summary>
/// One headless Chromium (Debian's, driven by Playwright) for the whole run: starting a browser costs
/// about a second, a new context a few milliseconds, so every journey gets a context of its own.
/// </summary>
internal static class BrowserHost
{
    public static readonly string Chromium = Environment.GetEnvironmentVariable("LUOSHI_CHROMIUM") ?? "/usr/bin/chromium";

    private static readonly Lazy<Task<IBrowser>> Shared = new(LaunchAsync);

    public static Task<IBrowser> BrowserAsync() => Shared.Value;

    public static ViewportSize Size(Screen screen) => screen == Screen.Phone ? new() { Width = 390, Height = 844 } : new() { Width = 1366, Height = 768 };

    private static async Task<IBrowser> LaunchAsync()
    {
        Assert.True(File.Exists(Chromium), $"Chromium not found at {Chromium}: run ./test.sh, which installs it.");
        var playwright = await Playwright.CreateAsync();
        return await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--lang=zh-CN"],
        });
    }
}
