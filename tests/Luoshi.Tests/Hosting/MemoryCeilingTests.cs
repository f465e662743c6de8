using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Luoshi.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Luoshi.Tests.Hosting;

/// <summary>Issue 17: the largest inputs the app accepts, several at once, against an app process run
/// with a memory ceiling (the GC heap hard limit an operator sets with DOTNET_GCHeapHardLimit): the
/// process stays up within it, every input is answered in words, and logins keep answering.</summary>
public class MemoryCeilingTests(ITestOutputHelper output)
{
    private const long Ceiling = 512L * 1024 * 1024;

    /// <summary>What the process may hold beyond its managed heap: the runtime, the JIT's code, native
    /// buffers of SQLite and Kestrel.</summary>
    private const long NativeAllowance = 320L * 1024 * 1024;

    private const long TwentyMegabytes = 20L * 1024 * 1024;

    private static readonly string[] Indicators = [.. Enumerable.Range(1, 10).Select(i => $"I{i:D2}")];

    [Fact]
    public async Task TheLargestInputsAtOnceStayUnderTheCeilingAndLoginsKeepAnswering()
    {
        var b = await Bureau.CreateAsync("ceiling");
        var folder = Directory.CreateTempSubdirectory("luoshi-ceiling-").FullName;
        var port = FreePort();
        using var app = AppProcess.Start(folder, new Dictionary<string, string>
        {
            ["DOTNET_GCHeapHardLimit"] = Ceiling.ToString("X", CultureInfo.InvariantCulture),
            ["ConnectionStrings__Luoshi"] = b.App.ConnectionString,
            ["Demo__SeedOnFirstRun"] = "false",
            ["DataProtection__Folder"] = Path.Combine(folder, "keys"),
            ["Evidence__Folder"] = Path.Combine(folder, "evidence"),
            ["Record__AnchorFile"] = Path.Combine(folder, "record-anchors.log"),
            ["Scheduler__Enabled"] = "false",
            ["Login__PerAddressPermitLimit"] = "100000",
            ["Login__PerAccountPermitLimit"] = "100000",
            // The test's office signs in with the password alone, as the other test apps do.
            ["Login__RequireTwoFactor"] = "false",
            ["Logging__LogLevel__Default"] = "Warning",
            ["HeavyInput__AtOnce"] = "1",
        }, "serve", "--urls", $"http://127.0.0.1:{port}");
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        await UpAsync(app, baseAddress);

        var admin = b.People["admin"].Login;
        var token = await TokenAsync(baseAddress, admin);
        var pages = new PageClient(new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) });
        Assert.Equal(HttpStatusCode.Redirect, (await pages.PostFormAsync("/Account/Login", new() { ["UserName"] = admin, ["Password"] = Bureau.Password })).StatusCode);

        var meta = Encoding.UTF8.GetBytes("iCode,iName,Parent,Weight,Direction,Unit,Type\nIndex,综合,,1,1,,Aggregate\n"
            + string.Concat(Indicators.Select(i => $"{i},指标{i},Index,1,1,,Indicator\n")));
        var wide = WideData();
        var tooLong = LongData();
        var document = Document();
        Assert.InRange(wide.LongLength, TwentyMegabytes * 3 / 4, TwentyMegabytes);
        Assert.InRange(tooLong.LongLength, TwentyMegabytes * 3 / 4, TwentyMegabytes);

        var watch = Stopwatch.StartNew();
        var heavy = new List<Task<(string What, HttpResponseMessage Response)>>
        {
            // Read whole (200,000 rows, 2 million values) and then refused: the own unit is not in it.
            Named("对标宽表甲", pages.PostMultipartAsync("/Benchmarks", new() { ["Name"] = "宽表甲", ["OwnCode"] = "NONE", ["BenchmarkCode"] = "U000001" }, ("Meta", "meta.csv", meta), ("Data", "wide.csv", wide))),
            // Past the row bound.
            Named("对标长表", pages.PostMultipartAsync("/Benchmarks", new() { ["Name"] = "长表", ["OwnCode"] = "U000000", ["BenchmarkCode"] = "U000001" }, ("Meta", "meta.csv", meta), ("Data", "long.csv", tooLong))),
            Named("提纲甲", OutlineAsync(baseAddress, token, document)),
            Named("提纲乙", OutlineAsync(baseAddress, token, document)),
        };

        var logins = new List<TimeSpan>();
        while (heavy.Any(t => !t.IsCompleted))
        {
            var login = Stopwatch.StartNew();
            await TokenAsync(baseAddress, admin);
            logins.Add(login.Elapsed);
            await Task.Delay(500);
        }

        var answers = await Task.WhenAll(heavy);
        var peak = PeakResidentBytes(app.Id);
        output.WriteLine($"heavy inputs answered in {watch.Elapsed.TotalSeconds:F1} s; peak RSS {peak / 1024 / 1024} MB (heap ceiling {Ceiling / 1024 / 1024} MB); "
            + $"{logins.Count} logins meanwhile, slowest {logins.Max().TotalMilliseconds:F0} ms");
        foreach (var (what, response) in answers)
        {
            output.WriteLine($"{what}: {(int)response.StatusCode}");
        }

        Assert.False(app.HasExited, app.Output);
        Assert.True(logins.Count >= 2, $"only {logins.Count} logins while the inputs were worked on");
        Assert.All(logins, l => Assert.True(l < TimeSpan.FromSeconds(5), $"a login took {l}"));
        Assert.True(peak < Ceiling + NativeAllowance, $"peak RSS {peak / 1024 / 1024} MB");
        // Each answered in words: read and refused for what it holds, or, when it waited too long for its
        // turn at reading large files, refused as busy. Never a 500 (before the turns, three tables at
        // once ran the heap out).
        string[] expected = ["数据中没有代码为“NONE”的单位", "200,000 行", "\"items\"", "\"items\""];
        for (var i = 0; i < answers.Length; i++)
        {
            var (what, response) = answers[i];
            var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity or HttpStatusCode.ServiceUnavailable,
                $"{what}: {response.StatusCode}\n{app.Output}");
            Assert.True(body.Contains(expected[i], StringComparison.OrdinalIgnoreCase) || (response.StatusCode == HttpStatusCode.ServiceUnavailable && body.Contains("系统正在处理其他大文件", StringComparison.Ordinal)),
                $"{what}: {response.StatusCode} {body[..Math.Min(body.Length, 300)]}");
        }

        Assert.Contains(answers, a => a.Response.StatusCode != HttpStatusCode.ServiceUnavailable);
        Assert.Equal(HttpStatusCode.OK, (await TokenResponseAsync(baseAddress, admin)).StatusCode);
    }

    private static async Task<(string, HttpResponseMessage)> Named(string what, Task<HttpResponseMessage> response) => (what, await response);

    /// <summary>200,000 units with ten values each, the wide layout, just under 20 MB.</summary>
    private static byte[] WideData()
    {
        var text = new StringBuilder("uCode,uName," + string.Join(',', Indicators) + "\n", 21 * 1024 * 1024);
        for (var u = 0; u < 200_000; u++)
        {
            text.Append(CultureInfo.InvariantCulture, $"U{u:D6},单位{u}");
            foreach (var i in Enumerable.Range(0, Indicators.Length))
            {
                text.Append(CultureInfo.InvariantCulture, $",{(u * 31 + i * 17) % 1000}.{u % 997:D3}");
            }

            text.Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>One value a row, far past the 200,000-row bound, just under 20 MB.</summary>
    private static byte[] LongData()
    {
        var text = new StringBuilder("uCode,indicator,Year,value\n", 21 * 1024 * 1024);
        for (var row = 0; text.Length < TwentyMegabytes - 64; row++)
        {
            text.Append(CultureInfo.InvariantCulture, $"U{row % 100_000:D6},{Indicators[row / 100_000 % Indicators.Length]},{2000 + row / 1_000_000},{row % 1000}.5\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>A work plan of just under 2 million characters (the outline's bound), headings and tasks.</summary>
    private static byte[] Document()
    {
        var text = new StringBuilder("2026年重点工作任务分解方案\n", 2_000_000);
        for (var n = 1; ; n++)
        {
            var part = $"{n}. 加快推进第{n}项重点工作，由发展改革科牵头，2026年9月30日前完成，完成率达到100%。\n";
            if (text.Length + part.Length > 1_990_000)
            {
                break;
            }

            text.Append(part);
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static Task<HttpResponseMessage> OutlineAsync(Uri baseAddress, string token, byte[] document)
    {
        var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client.PostAsync("/api/documents/outline", new MultipartFormDataContent { { new ByteArrayContent(document), "file", "plan.txt" } });
    }

    private static async Task<string> TokenAsync(Uri baseAddress, string login)
    {
        var response = await TokenResponseAsync(baseAddress, login);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    private static Task<HttpResponseMessage> TokenResponseAsync(Uri baseAddress, string login) =>
        new HttpClient { BaseAddress = baseAddress }.PostAsJsonAsync("/api/auth/token", new { userName = login, password = Bureau.Password });

    private static async Task UpAsync(AppProcess app, Uri baseAddress)
    {
        using var client = new HttpClient { BaseAddress = baseAddress };
        var watch = Stopwatch.StartNew();
        while (true)
        {
            Assert.False(app.HasExited, "the app process ended:\n" + app.Output);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), "the app process did not answer:\n" + app.Output);
            try
            {
                if ((await client.GetAsync("/Account/Login")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200);
        }
    }

    /// <summary>The most the process has held in memory since it started (VmHWM).</summary>
    private static long PeakResidentBytes(int pid) =>
        File.ReadLines($"/proc/{pid}/status").Where(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))
            .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024).Single();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
