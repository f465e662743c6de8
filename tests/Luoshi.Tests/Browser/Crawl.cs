using System.Text.RegularExpressions;

namespace Luoshi.Tests.Browser;

/// <summary>
/// Walks the pages a person can reach by clicking: from the dashboard, every link inside the app,
/// breadth first. Pages of one shape (/Tasks/12, /Tasks/13) are visited twice at most, so the walk
/// covers every page without reading every task. Links that lead out (log out, files) are listed but
/// not followed as pages.
/// </summary>
internal static partial class Crawl
{
    private const int PerShape = 2;
    private const int MaxPages = 300;

    public sealed record Visit(string Path, string Shape);

    /// <summary>Visits every reachable page, handing each to the check as it stands after loading.</summary>
    public static async Task<IReadOnlyList<Visit>> WalkAsync(Journey journey, string start, Func<Visit, Task> check)
    {
        var seenShapes = new Dictionary<string, int>();
        var queued = new HashSet<string> { start };
        var queue = new Queue<string>([start]);
        var visits = new List<Visit>();
        while (queue.Count > 0 && visits.Count < MaxPages)
        {
            var path = queue.Dequeue();
            var response = await journey.Page.APIRequest.GetAsync(journey.BaseUrl + path, new() { MaxRedirects = 0 });
            var type = response.Headers.GetValueOrDefault("content-type", "");
            if (response.Status != 200 || !type.StartsWith("text/html", StringComparison.Ordinal))
            {
                // A file (or a redirect) is checked by its status only.
                if (response.Status >= 400)
                {
                    await check(new Visit(path, "!" + response.Status));
                }

                continue;
            }

            await journey.Page.GotoAsync(journey.BaseUrl + path);
            var visit = new Visit(path, Shape(path));
            visits.Add(visit);
            await check(visit);
            var hrefs = await journey.Page.EvalOnSelectorAllAsync<string[]>("a[href]:not([download])", "links => links.map(a => a.getAttribute('href'))");
            foreach (var href in hrefs)
            {
                if (Inside(href) is not { } next || !queued.Add(next))
                {
                    continue;
                }

                var shape = Shape(next);
                var count = seenShapes.GetValueOrDefault(shape);
                if (count >= PerShape)
                {
                    continue;
                }

                seenShapes[shape] = count + 1;
                queue.Enqueue(next);
            }
        }

        return visits;
    }

    /// <summary>The path and query of a link inside the app, or null for one that leads out.</summary>
    private static string? Inside(string? href)
    {
        if (string.IsNullOrEmpty(href) || !href.StartsWith('/') || href.StartsWith("//", StringComparison.Ordinal) || href.StartsWith("/api", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var path = href.Split('#')[0];
        return path.StartsWith("/Account/Logout", StringComparison.OrdinalIgnoreCase) ? null : path;
    }

    /// <summary>/Tasks/12?tab=3 and /Tasks/40?tab=1 have one shape: numbers and query values blanked.</summary>
    public static string Shape(string path) => Number().Replace(path, "{n}");

    [GeneratedRegex(@"(?<=[/=])[^/&?=]*\d[^/&?=]*")]
    private static partial Regex Number();
}
