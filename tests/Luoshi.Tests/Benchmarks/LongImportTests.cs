using System.Diagnostics;
using System.Net;
using System.Text;
using Luoshi.Tests.Account;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using static Luoshi.Tests.Record.RecordTests;

namespace Luoshi.Tests.Benchmarks;

/// <summary>Issue 17: a 200,000-row 对标 import writes in short batches, so on SQLite's one write lock
/// people can still sign in, report and be counted for wrong passwords while it runs; the import itself
/// stays all or nothing (hidden until its last batch is in).</summary>
public class LongImportTests(ITestOutputHelper output)
{
    private const string Meta = """
        iCode,iName,Parent,Weight,Direction,Unit,Type
        Index,综合,,1,1,,Aggregate
        RD,研发投入强度,Index,1,1,%,Indicator
        Staff,每万人研发人员,Index,1,1,人,Indicator
        Patents,每万人发明专利,Index,1,1,件,Indicator
        Cost,专利平均成本,Index,1,-1,万元,Indicator
        """;

    /// <summary>1,000 units × 4 indicators × 50 years, one value a row (the long layout): 200,000 rows.</summary>
    private static byte[] TwoHundredThousandRows()
    {
        var text = new StringBuilder("uCode,indicator,Year,value\n");
        string[] indicators = ["RD", "Staff", "Patents", "Cost"];
        for (var u = 0; u < 1000; u++)
        {
            var code = u switch { 0 => "OUR", 1 => "BEN", _ => $"U{u:D4}" };
            foreach (var indicator in indicators)
            {
                for (var year = 1976; year < 2026; year++)
                {
                    text.Append(code).Append(',').Append(indicator).Append(',').Append(year).Append(',').Append(1 + ((u * 7 + year) % 97)).Append('\n');
                }
            }
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task WhileTwoHundredThousandRowsAreImportedPeopleSignInReportAndAreCountedWithinTwoSeconds(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var task = await b.TaskAsync(b.SectionA, TestApp.Today.AddDays(-20), TestApp.Today.AddDays(100));
        var staff = await b.ApiAsync("staffA");
        var admin = await b.PagesAsync("admin");
        var data = TwoHundredThousandRows();
        Assert.Equal(200_001, data.Count(c => c == (byte)'\n'));

        var importing = Stopwatch.StartNew();
        var import = admin.PostMultipartAsync("/Benchmarks", new() { ["Name"] = "二十万行对标", ["OwnCode"] = "OUR", ["BenchmarkCode"] = "BEN" },
            ("Meta", "meta.csv", Encoding.UTF8.GetBytes(Meta)), ("Data", "data.csv", data));
        await WhenWritingAsync(b, import);

        // Meanwhile, each through HTTP on the same app: a sign-in, a report, three wrong passwords.
        var signIn = await TimedAsync(() => Logins.SignInAsync(b.App, b.People["headA"].Login));
        var report = await TimedAsync(() => ReportAsync(staff, task.Id, 30));
        var wrong = new List<TimeSpan>();
        for (var i = 0; i < 3; i++)
        {
            wrong.Add(await TimedAsync(async () =>
            {
                var page = new PageClient(b.App.CreateClient(new() { AllowAutoRedirect = false }));
                var refused = await page.PostFormAsync("/Account/Login", new() { ["UserName"] = b.People["staffB"].Login, ["Password"] = "Wrong-Pass-2026" });
                Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            }));
        }

        var failures = await b.WithDbAsync(d => d.Users.Where(u => u.UserName == b.People["staffB"].Login).Select(u => u.AccessFailedCount).SingleAsync());
        var stillRunning = !import.IsCompleted;
        var listed = await admin.GetHtmlAsync("/Benchmarks");
        var response = await import;
        importing.Stop();
        output.WriteLine($"{db}: import {importing.Elapsed.TotalSeconds:F1} s; sign-in {signIn.TotalMilliseconds:F0} ms, report {report.TotalMilliseconds:F0} ms, wrong passwords {string.Join(", ", wrong.Select(w => $"{w.TotalMilliseconds:F0}"))} ms");

        Assert.True(stillRunning, "the import ended before the sign-in, the report and the wrong passwords were done: nothing was measured alongside it");
        Assert.True(signIn < TimeSpan.FromSeconds(2), $"sign-in took {signIn}");
        Assert.True(report < TimeSpan.FromSeconds(2), $"report took {report}");
        Assert.All(wrong, w => Assert.True(w < TimeSpan.FromSeconds(2), $"a wrong password took {w}"));
        Assert.Equal(3, failures);
        Assert.DoesNotContain("二十万行对标", listed, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var boardId = int.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(200_000, await b.WithDbAsync(d => d.Set<Luoshi.Features.Benchmarks.ScoreboardValue>().CountAsync(v => v.ScoreboardId == boardId)));
        Assert.Contains("二十万行对标", await admin.GetHtmlAsync("/Benchmarks"), StringComparison.Ordinal);
    }

    /// <summary>Waits until the import's values are being written (the scoreboard exists, still hidden).</summary>
    private static async Task WhenWritingAsync(Bureau b, Task<HttpResponseMessage> import)
    {
        var waited = Stopwatch.StartNew();
        while (!await b.WithDbAsync(d => d.Scoreboards.IgnoreQueryFilters().AnyAsync(s => s.UnitId == b.UnitId && s.Importing
            && d.Set<Luoshi.Features.Benchmarks.ScoreboardValue>().Any(v => v.ScoreboardId == s.Id))))
        {
            Assert.False(import.IsCompleted, $"the import ended before its values were seen: {(import.IsCompleted ? import.Result.StatusCode : default)}");
            Assert.True(waited.Elapsed < TimeSpan.FromMinutes(2), "the import did not start writing");
            await Task.Delay(50);
        }
    }

    private static async Task<TimeSpan> TimedAsync(Func<Task> action)
    {
        var watch = Stopwatch.StartNew();
        await action();
        return watch.Elapsed;
    }
}
