using Luoshi.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Luoshi.Tests.Browser;

/// <summary>
/// One walk through the real thing: Debian's Chromium, headless, driven by Playwright, against the
/// app on Kestrel. Log in, report progress on a lagging task, see the dashboard change.
/// </summary>
public class ReportInTheBrowserTests
{
    private static readonly string Chromium = Environment.GetEnvironmentVariable("LUOSHI_CHROMIUM") ?? "/usr/bin/chromium";

    [Fact]
    public async Task AStaffMemberLogsInReportsProgressAndSeesTheDashboardChange()
    {
        Assert.True(File.Exists(Chromium), $"Chromium not found at {Chromium}: run ./test.sh, which installs it.");
        var b = await Bureau.CreateAsync("browser");
        var task = await b.TaskAsync(b.SectionA, new DateOnly(2026, 1, 5), new DateOnly(2026, 12, 31), change: t => t.Title = "建设科技企业孵化器");
        var baseUrl = b.App.BaseAddress!;

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, Locale = "zh-CN" });

        await page.GotoAsync(baseUrl + "/");
        await page.FillAsync("#UserName", b.People["staffA"].Login);
        await page.FillAsync("#Password", Bureau.Password);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(baseUrl + "/");

        var yellow = page.Locator(".count.yellow strong");
        var green = page.Locator(".count.green strong");
        Assert.Equal("1", await yellow.InnerTextAsync());
        Assert.Equal("0", await green.InnerTextAsync());

        await page.GotoAsync($"{baseUrl}/Tasks/{task.Id}");
        await page.ClickAsync("text=报送进展");
        await page.FillAsync("#Input_Progress", "已完成选址和方案论证，入驻企业8家。");
        await page.FillAsync("#Input_Percent", "40");
        await page.FillAsync("#Input_Problems", "运营团队尚未确定。");
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForLoadStateAsync();
        Assert.True(page.Url == $"{baseUrl}/Tasks/{task.Id}", await page.Locator("main").InnerTextAsync());
        Assert.Contains("已报送", await page.Locator(".notice").InnerTextAsync());
        Assert.Contains("入驻企业8家", await page.ContentAsync());

        await page.GotoAsync(baseUrl + "/");
        Assert.Equal("0", await yellow.InnerTextAsync());
        Assert.Equal("1", await green.InnerTextAsync());
        Directory.CreateDirectory("screenshots");
        await page.ScreenshotAsync(new() { Path = Path.Combine("screenshots", "dashboard-after-report.png"), FullPage = true });
    }
}
