using Xunit.Abstractions;

namespace Luoshi.Tests.Browser;

/// <summary>
/// Every button of every post form each role is shown, pressed once as the form stands (browser
/// checks off, so empty required fields reach the server): the answer is never a 4xx or 5xx the person
/// did not cause, and whatever page follows is in Chinese. The roles go from least to most powerful,
/// on a demo bureau of its own, since pressing everything changes things.
/// </summary>
public class EveryFormTests(ITestOutputHelper output)
{
    private const string FormsScript = """
        () => [...document.querySelectorAll('form')]
          .map((f, i) => ({ f, i }))
          .filter(x => (x.f.getAttribute('method') || '').toLowerCase() === 'post')
          .flatMap(x => [...x.f.querySelectorAll('button[type=submit], button:not([type]), input[type=submit]')]
            .map((b, k) => JSON.stringify({ form: x.i, button: k, action: x.f.getAttribute('action') || '', label: (b.innerText || b.value || '').trim() })))
        """;

    private const string Buttons = "button[type=submit], button:not([type]), input[type=submit]";

    // Turns the browser's own checks off, opens the fold that holds the button, and gives the
    // button's form and place, or null when it is no longer there.
    private const string FindScript = """
        ([action, label]) => {
          const forms = [...document.querySelectorAll('form')];
          for (let i = 0; i < forms.length; i++) {
            const f = forms[i];
            if ((f.getAttribute('method') || '').toLowerCase() !== 'post' || (f.getAttribute('action') || '') !== action) continue;
            const buttons = [...f.querySelectorAll('button[type=submit], button:not([type]), input[type=submit]')];
            const k = buttons.findIndex(b => (b.innerText || b.value || '').trim() === label);
            if (k < 0) continue;
            f.noValidate = true;
            for (let d = f.closest('details'); d; d = d.parentElement && d.parentElement.closest('details')) d.open = true;
            return [i, k];
          }
          return null;
        }
        """;

    [Fact]
    public async Task EveryFormButtonAnswersInChineseWithoutAServerError()
    {
        var site = await DemoSite.ForAsync("sweep");
        var problems = new List<string>();
        var pressed = 0;
        foreach (var role in DemoSite.Roles.Reverse())
        {
            await using var journey = await site.AsAsync(role);
            var buttons = new List<(string Path, FormButton Button)>();
            var seen = new HashSet<string>();
            await Crawl.WalkAsync(journey, "/", async visit =>
            {
                if (visit.Shape.StartsWith('!'))
                {
                    return;
                }

                foreach (var json in await journey.Page.EvaluateAsync<string[]>(FormsScript))
                {
                    var button = System.Text.Json.JsonSerializer.Deserialize<FormButton>(json, System.Text.Json.JsonSerializerOptions.Web)!;
                    if (!EndsTheSession(button.Action) && seen.Add($"{visit.Shape}|{Crawl.Shape(button.Action)}|{button.Label}"))
                    {
                        buttons.Add((visit.Path, button));
                    }
                }
            });
            journey.TakeUnexpectedResponses();

            foreach (var (path, button) in buttons)
            {
                var where = $"{role} {path} 「{button.Label}」";
                var response = await journey.Page.GotoAsync(journey.BaseUrl + path);
                if (response is not { Status: 200 })
                {
                    continue; // an earlier press removed what the page showed
                }

                // The page may have changed since the walk (an earlier press): find the button again.
                var at = await journey.Page.EvaluateAsync<int[]?>(FindScript, new[] { button.Action, button.Label });
                if (at is null)
                {
                    continue;
                }

                pressed++;
                var target = journey.Page.Locator("form").Nth(at[0]).Locator(Buttons).Nth(at[1]);
                try
                {
                    await target.ClickAsync(new() { Force = true, Timeout = 5_000 });
                    await journey.Page.WaitForLoadStateAsync();
                }
                catch (Exception e) when (e is Microsoft.Playwright.PlaywrightException or TimeoutException)
                {
                    problems.Add($"{where}：按不下（{e.Message.Split('\n')[0]}）");
                    continue;
                }

                problems.AddRange(journey.TakeUnexpectedResponses().Select(r => $"{where}：{r}"));
                problems.AddRange((await journey.ProblemsAsync()).Where(p => p.StartsWith("页面上有英文", StringComparison.Ordinal)).Select(p => $"{where}：{p}"));
            }
        }

        output.WriteLine($"{pressed} buttons pressed");
        Assert.True(pressed >= 40, $"only {pressed} buttons pressed");
        Assert.True(problems.Count == 0, $"按了 {pressed} 个按钮，发现 {problems.Count} 处问题：\n" + string.Join("\n", problems));
    }

    private sealed record FormButton(int Form, int Button, string Action, string Label);

    /// <summary>Logging out and logging out everywhere end the session the sweep is signed in with.</summary>
    private static bool EndsTheSession(string action) =>
        action.Contains("/Account/Logout", StringComparison.OrdinalIgnoreCase) || action.Contains("handler=Everywhere", StringComparison.OrdinalIgnoreCase);
}
