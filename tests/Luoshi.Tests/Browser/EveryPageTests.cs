using Xunit.Abstractions;

namespace Luoshi.Tests.Browser;

/// <summary>
/// Every page each role can reach by clicking opens, in Chinese, without sideways scrolling on a
/// phone, with each task row's light in view, and every post form on it carries its anti-forgery token.
/// </summary>
public class EveryPageTests(ITestOutputHelper output)
{
    public static TheoryData<string> Roles => [.. DemoSite.Roles];

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task EveryPageTheRoleCanReachOpensCleanOnAPhone(string role)
    {
        var site = await DemoSite.ForAsync("journey");
        await using var journey = await site.AsAsync(role, Screen.Phone);
        var problems = new List<string>();
        // The auditor's home page is a redirect to the audit log, which a walk does not follow.
        var visits = await Crawl.WalkAsync(journey, role == "auditor" ? "/Audit" : "/", async visit =>
        {
            if (visit.Shape.StartsWith('!'))
            {
                problems.Add($"{visit.Path}：HTTP {visit.Shape[1..]}");
                return;
            }

            problems.AddRange((await journey.ProblemsAsync()).Select(p => $"{visit.Path}：{p}"));
            problems.AddRange(journey.TakeUnexpectedResponses().Select(p => $"{visit.Path}：{p}"));
        });

        output.WriteLine($"{role}: {visits.Count} pages of {visits.Select(v => v.Shape).Distinct().Count()} shapes");
        // The auditor reaches only the audit log and his password page (and what they link to).
        Assert.True(visits.Count >= (role == "auditor" ? 2 : 10), $"only {visits.Count} pages reached");
        Assert.True(problems.Count == 0, $"{role} 走访 {visits.Count} 页，发现 {problems.Count} 处问题：\n" + string.Join("\n", problems));
    }

    [Fact]
    public async Task ThePublicFormsOpenCleanOnAPhoneForSomeoneNotSignedIn()
    {
        var site = await DemoSite.ForAsync("journey");
        await using var journey = await site.AnonymousAsync(Screen.Phone);
        var problems = new List<string>();
        foreach (var path in new[] { "/Account/Login", "/Public/Opinion", "/Public/Appeal", "/Public/AppealStatus" })
        {
            await journey.OpenAsync(path);
            problems.AddRange((await journey.ProblemsAsync()).Select(p => $"{path}：{p}"));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        journey.AssertNoUnexpectedResponses();
    }
}
