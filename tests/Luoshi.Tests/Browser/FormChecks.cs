using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Luoshi.Tests.Browser;

/// <summary>
/// What a person filling a form in the browser sees when it is refused: the message beside the field
/// (not only in a list at the top), in view (its fold-out open), and what he or she typed still there.
/// </summary>
internal static class FormChecks
{
    // The message for a field is "beside" it when the smallest element holding both holds no other
    // field (a label, or the group of one list's check boxes), and nothing folds it away.
    private const string BesideScript = """
        ([field, key]) => {
          const f = document.querySelector(field);
          // A message names its field (data-valmsg-for), or is drawn by hand inside the field's label.
          const m = [...document.querySelectorAll('[data-valmsg-for]')].find(e => e.getAttribute('data-valmsg-for').toLowerCase() === key.toLowerCase())
            || (f && f.closest('label') && f.closest('label').querySelector('.field-validation-error'));
          if (!f || !m) return JSON.stringify({ missing: !f ? 'field ' + field : 'message ' + key });
          let box = f;
          while (box && !box.contains(m)) box = box.parentElement;
          const others = box ? [...box.querySelectorAll('input:not([type=hidden]), select, textarea')].filter(e => e.name !== f.name).map(e => e.name) : ['?'];
          let folded = false;
          for (let d = m.closest('details'); d; d = d.parentElement && d.parentElement.closest('details')) folded = folded || !d.open;
          return JSON.stringify({ text: m.innerText.trim(), others, folded, shown: m.getClientRects().length > 0 });
        }
        """;

    /// <summary>Presses the button with the browser's own checks off (required, min, max), as an old
    /// browser or a hurried person would get past them, so the server's checks are what is tried.</summary>
    public static async Task SubmitUncheckedAsync(this Journey journey, string button)
    {
        await journey.TurnOffBrowserChecksAsync();
        await journey.SubmitAsync(button);
    }

    /// <summary>The message under <paramref name="key"/> says <paramref name="expected"/>, stands
    /// beside the field and is in view.</summary>
    public static async Task AssertMessageBesideAsync(this Journey journey, string field, string key, string expected)
    {
        journey.AssertNoUnexpectedResponses(); // a refused form answers 200; a 500 says so here, not as a missing field
        var json = await journey.Page.EvaluateAsync<string>(BesideScript, new[] { field, key });
        var facts = System.Text.Json.JsonSerializer.Deserialize<Beside>(json, System.Text.Json.JsonSerializerOptions.Web)!;
        Assert.True(facts.Missing is null, $"{journey.Page.Url}：找不到 {facts.Missing}\n{await journey.Page.InnerTextAsync("body")}");
        Assert.True(facts.Text!.Contains(expected, StringComparison.Ordinal), $"{key} 旁的提示是“{facts.Text}”，应为“{expected}”");
        Assert.True(facts.Others!.Length == 0, $"{key} 的提示没有紧挨着它的字段（同在一处的还有 {string.Join("，", facts.Others)}）");
        Assert.False(facts.Folded, $"{key} 的提示藏在收起的折叠里");
        Assert.True(facts.Shown, $"{key} 的提示看不见");
    }

    /// <summary>What the field holds now (what the person typed, if the form kept it).</summary>
    public static Task<string> ValueAsync(this Journey journey, string field) => journey.Page.Locator(field).First.InputValueAsync();

    /// <summary>The problems of <see cref="Journey.AssertCleanAsync"/> except English in data-val-*
    /// attributes: those come from the framework's defaults for every form, which the localisation of
    /// validation messages (and <see cref="EveryPageTests"/>) covers, not the ledger pages' own texts.</summary>
    public static async Task AssertReadsCleanAsync(this Journey journey)
    {
        var problems = (await journey.ProblemsAsync()).Where(p => !p.StartsWith("属性中有英文提示", StringComparison.Ordinal)).ToList();
        Assert.True(problems.Count == 0, journey.Page.Url + "：" + string.Join("; ", problems));
        journey.AssertNoUnexpectedResponses();
    }

    /// <summary>A number no other test wrote, to find one's own row (digits: Latin letters would read
    /// as English on the page).</summary>
    public static string Unique() => Random.Shared.Next(100_000, 1_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The demo bureau's unit id, which the public forms carry in their address.</summary>
    public static async Task<int> UnitIdAsync(this DemoSite site)
    {
        await using var scope = site.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Luoshi.Data.LuoshiDb>();
        return await db.People.Where(p => p.Name == "王建华").Select(p => p.UnitId).FirstAsync();
    }

    private sealed record Beside(string? Missing, string? Text, string[]? Others, bool Folded, bool Shown);
}
