using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Luoshi.Tests.Browser;

/// <summary>What every page must pass, whoever looks at it.</summary>
internal static partial class PageChecks
{
    /// <summary>Latin words a Chinese page may show: file formats, units, product and method names.</summary>
    private static readonly HashSet<string> AllowedLatin = new(StringComparer.OrdinalIgnoreCase)
    {
        "PDF", "Word", "Excel", "CSV", "docx", "xlsx", "txt", "pdf", "csv", "xls", "doc", "zip", "API", "JSON", "ID",
        "COINr", "JRC", "OECD", "GDP", "R&D", "SHA", "SMTP", "HTTPS", "HTTP", "URL", "km", "MB", "KB", "kg", "GB", "IP",
    };

    public static async Task<IReadOnlyList<string>> ProblemsAsync(IPage page, Screen screen)
    {
        var facts = System.Text.Json.JsonSerializer.Deserialize<PageFacts>(await page.EvaluateAsync<string>(FactsScript), System.Text.Json.JsonSerializerOptions.Web)!;
        var problems = new List<string>();
        var latin = LatinWords(facts.Text).ToList();
        if (latin.Count > 0)
        {
            problems.Add("页面上有英文：" + string.Join("，", latin.Distinct().Take(12)));
        }

        if (facts.EnglishAttributes.Length > 0)
        {
            problems.Add("属性中有英文提示：" + string.Join("，", facts.EnglishAttributes.Distinct().Take(5)));
        }

        if (facts.FormsWithoutToken.Length > 0)
        {
            problems.Add("表单缺少防伪令牌：" + string.Join("，", facts.FormsWithoutToken));
        }

        if (screen == Screen.Phone && facts.Overflow > 1)
        {
            problems.Add($"手机上页面横向溢出 {facts.Overflow}px（{string.Join("，", facts.Widest)}）");
        }

        if (screen == Screen.Phone && facts.HiddenLights > 0)
        {
            problems.Add($"手机上 {facts.HiddenLights} 行任务看不到亮灯");
        }

        return problems;
    }

    /// <summary>Runs of Latin letters outside e-mail addresses, links, hashes and the allow-list.</summary>
    public static IEnumerable<string> LatinWords(string text)
    {
        var cleaned = Ignorable().Replace(text, " ");
        return LatinWord().Matches(cleaned).Select(m => m.Value).Where(w => !AllowedLatin.Contains(w));
    }

    // Visible text with the texts people also read in attributes (placeholders, titles, labels);
    // data-val-* messages (shown by client validation); post forms without the anti-forgery token;
    // how far the page scrolls sideways and which elements stick out; task lights off screen.
    private const string FactsScript = """
        () => {
          const width = window.innerWidth;
          const attrs = [...document.querySelectorAll('[placeholder],[title],[aria-label]')]
            .flatMap(e => ['placeholder', 'title', 'aria-label'].map(a => e.getAttribute(a) || ''));
          const english = [...document.querySelectorAll('*')].flatMap(e => [...e.attributes]
            .filter(a => a.name.startsWith('data-val-') && /[A-Za-z]{3,}/.test(a.value)).map(a => a.value));
          const forms = [...document.querySelectorAll('form')]
            .filter(f => (f.getAttribute('method') || '').toLowerCase() === 'post' && !f.querySelector('input[name="__RequestVerificationToken"]'))
            .map(f => f.getAttribute('action') || location.pathname);
          const overflow = document.documentElement.scrollWidth - width;
          // What sticks out of the page itself: not what scrolls inside its own box (a wide table in .scroll).
          const clipped = e => { for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) { if (getComputedStyle(p).overflowX !== 'visible') return true; } return false; };
          const widest = overflow > 1 ? [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > width + 1 && getComputedStyle(e).position !== 'fixed' && !clipped(e))
            .slice(-3).map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ')[0] : '')) : [];
          const rows = [...document.querySelectorAll('main table.tasks tbody tr, main .task-card')];
          const hidden = rows.filter(r => {
            const light = r.querySelector('.light');
            if (!light) return true;
            const box = light.getBoundingClientRect();
            return box.width === 0 || box.right > width || box.left < 0;
          }).length;
          // Codes, login names and commands are set in <code> and may be Latin.
          const codes = [...document.querySelectorAll('code, kbd, samp')];
          codes.forEach(c => { c.dataset.display = c.style.display; c.style.display = 'none'; });
          const text = document.body.innerText;
          codes.forEach(c => c.style.display = c.dataset.display || '');
          return JSON.stringify({ text: text + '\n' + attrs.join('\n') + '\n' + document.title,
                   englishAttributes: english, formsWithoutToken: forms, overflow, widest, hiddenLights: hidden });
        }
        """;

    // E-mail addresses, links, and codes that mix letters and digits (receipt numbers, hashes).
    [GeneratedRegex(@"[A-Za-z0-9.+_-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+|https?://[!-~]+|(?<![A-Za-z0-9-])(?=[A-Za-z0-9-]*\d)(?=[A-Za-z0-9-]*[A-Za-z])[A-Za-z0-9-]+(?![A-Za-z0-9-])")]
    private static partial Regex Ignorable();

    [GeneratedRegex(@"[A-Za-z][A-Za-z&'-]*[A-Za-z]")]
    private static partial Regex LatinWord();

    private sealed record PageFacts(string Text, string[] EnglishAttributes, string[] FormsWithoutToken, double Overflow, string[] Widest, int HiddenLights);
}
