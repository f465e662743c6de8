namespace Luoshi.Tests.Browser;

/// <summary>Issue 17: the pages need nothing the Content-Security-Policy forbids (no inline script,
/// no javascript: links, no outside files), so the browser reports no violation anywhere.</summary>
public class ContentSecurityPolicyTests
{
    [Fact]
    public async Task NoPageTheOfficeOrTheStaffCanReachViolatesThePolicy()
    {
        var site = await DemoSite.ForAsync("journey");
        var violations = new List<string>();
        foreach (var role in new[] { "office", "staff" })
        {
            await using var journey = await site.AsAsync(role);
            journey.Page.Console += (_, message) =>
            {
                if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
                {
                    violations.Add($"{role} {journey.Page.Url}：{message.Text}");
                }
            };
            var visits = await Crawl.WalkAsync(journey, "/", _ => Task.CompletedTask);
            Assert.True(visits.Count >= 10, $"only {visits.Count} pages reached");
        }

        await using (var anonymous = await site.AnonymousAsync())
        {
            anonymous.Page.Console += (_, message) =>
            {
                if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
                {
                    violations.Add($"anonymous：{message.Text}");
                }
            };
            foreach (var path in new[] { "/Account/Login", "/Public/Opinion", "/Public/Appeal" })
            {
                await anonymous.OpenAsync(path);
            }
        }

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
