using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Luoshi.Features.Supervision;
using Npgsql;
using NpgsqlTypes;

namespace Luoshi.Bench;

/// <summary>
/// 督办台账 of a unit with many 督办单 (10k by default, among 20k tasks and twice as many other
/// steps): the register page (cookie login, HTML) and its API, newest first, a deep page reached by
/// its cursor, filtered, one client; then the Excel of every sheet, timed and with the server's memory.
/// </summary>
internal static partial class SheetsBench
{
    public static async Task RunAsync(string maintenanceConnection, int sheets = 10_000)
    {
        await using var server = await BenchServer.StartAsync(maintenanceConnection);
        var data = await Generator.FillAsync(server, new BenchOptions(maintenanceConnection, Tasks: 20_000, Sections: 100, ReportsPerTask: 1, TimeSpan.FromSeconds(10), SupervisionOnly: false));
        var random = new Random(20261130);
        var today = new DateOnly(2026, 11, 30);
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        // Each sheet on its own task deadline, raised over the year; a quarter closed, some replied, the rest waiting (many past their reply date).
        var rows = Enumerable.Range(0, sheets).Select(i => (i, Task: data.TaskIds[i % data.TaskIds.Length], Raised: today.AddDays(-330 + (i * 330 / sheets)), State: random.Next(4))).ToList();
        await Generator.CopyAsync(connection, """
            COPY "EscalationSteps" ("UnitId", "TaskId", "Deadline", "DueOn", "Step", "RaisedOn", "RaisedAt", "Year", "Sequence", "Facts", "ReplyDueBy", "State", "Source", "Message")
            FROM STDIN (FORMAT BINARY)
            """, rows.SelectMany(r => new[] { (r, Step: StepKind.Supervise), (r, Step: StepKind.Urge), (r, Step: StepKind.Remind) }), async (w, x) =>
            {
                var (r, step) = x;
                await w.StartRowAsync();
                await w.WriteAsync(data.UnitId);
                await w.WriteAsync(r.Task);
                await w.WriteAsync((int)(r.i % 5 == 0 ? DeadlineKind.Manual : DeadlineKind.Report));
                await w.WriteAsync(r.Raised.AddDays(-5 - (r.i / data.TaskIds.Length)), NpgsqlDbType.Date);
                await w.WriteAsync((int)step);
                await w.WriteAsync(r.Raised, NpgsqlDbType.Date);
                await w.WriteAsync(r.Raised.ToDateTime(new TimeOnly(1, 0), DateTimeKind.Utc), NpgsqlDbType.TimestampTz);
                var sheet = step == StepKind.Supervise;
                await WriteAsync(w, sheet ? today.Year : null);
                await WriteAsync(w, sheet ? r.i + 1 : null);
                await w.WriteAsync("压测：办结时限已过，当前进度 40%。");
                if (sheet)
                {
                    await w.WriteAsync(r.Raised.AddDays(5), NpgsqlDbType.Date);
                }
                else
                {
                    await w.WriteNullAsync();
                }

                await w.WriteAsync(sheet ? r.State : 0);
                await w.WriteAsync(r.i % 5 == 0 ? 1 : 0);
                if (sheet && r.i % 5 == 0)
                {
                    await w.WriteAsync("请于三个工作日内反馈");
                }
                else
                {
                    await w.WriteNullAsync();
                }
            });
        await new NpgsqlCommand("VACUUM ANALYZE", connection) { CommandTimeout = 600 }.ExecuteNonQueryAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"data: {data.Tasks:N0} tasks, {data.Sections} sections, {sheets:N0} 督办单 and {sheets * 2:N0} other steps"));

        var api = server.Client(await server.TokenAsync(data.AdminLogin, data.Password));
        var headApi = server.Client(await server.TokenAsync(data.HeadLogin, data.Password));
        var page = await SignInAsync(server, data.AdminLogin, data.Password);
        var duration = TimeSpan.FromSeconds(10);
        var results = new List<Result>();
        async Task Measure(string name, HttpClient client, string url)
        {
            using (var warm = await client.GetAsync(url))
            {
                warm.EnsureSuccessStatusCode();
            }

            results.Add(await Scenarios.Run(name, client, 1, duration, (_, c) => c.GetAsync(url)));
        }

        // The cursor of a deep page, reached as a reader would: 下一页 after 下一页.
        var deep = Math.Min(sheets / SheetRegister.PageSize, 200);
        var cursor = "";
        for (var i = 1; i < deep; i++)
        {
            using var next = JsonDocument.Parse(await api.GetStringAsync("/api/sheets" + (cursor.Length > 0 ? "?cursor=" + Uri.EscapeDataString(cursor) : "")));
            cursor = next.RootElement.GetProperty("next").GetString()!;
        }

        var deepQuery = "?cursor=" + Uri.EscapeDataString(cursor);
        await Measure("register page, office, newest 50", page, "/Supervision/Register");
        await Measure($"register page, office, page {deep} by cursor", page, "/Supervision/Register" + deepQuery);
        await Measure("register page, office, 逾期", page, "/Supervision/Register?state=Overdue");
        await Measure("register page, office, section + manual", page, $"/Supervision/Register?section={data.SectionIds[3]}&source=Manual");
        await Measure("register page, office, search by number", page, $"/Supervision/Register?q={Uri.EscapeDataString("督办〔2026〕4321号")}");
        await Measure("register page, office, search by title", page, $"/Supervision/Register?q={Uri.EscapeDataString("第1234项")}");
        await Measure("register API, office, newest 50", api, "/api/sheets");
        await Measure($"register API, office, page {deep} by cursor", api, "/api/sheets" + deepQuery);
        await Measure("register API, section head", headApi, "/api/sheets");
        await Measure("register Excel, office, 逾期 (all pages)", page, "/Supervision/Register?handler=Excel&state=Overdue");
        Console.WriteLine();
        Console.WriteLine(Table.Render(results));
        await ExcelAsync(page, sheets);
    }

    /// <summary>The Excel of every sheet, three times: how long, how big, and how much the server's
    /// memory grew (the rows stream through in chunks; the peak should not follow the row count).</summary>
    private static async Task ExcelAsync(HttpClient page, int sheets)
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        GC.Collect();
        process.Refresh();
        var before = process.WorkingSet64;
        var times = new List<double>();
        long bytes = 0;
        for (var i = 0; i < 3; i++)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            using var response = await page.GetAsync("/Supervision/Register?handler=Excel", HttpCompletionOption.ResponseHeadersRead);
            response.EnsureSuccessStatusCode();
            await using var body = await response.Content.ReadAsStreamAsync();
            bytes = await CountAsync(body);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        process.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"register Excel, office, all {sheets:N0} sheets: {times.Min():N0}–{times.Max():N0} ms over 3 runs, {bytes / 1024.0 / 1024.0:N1} MB; working set {before / 1048576:N0} MB before, peak {process.PeakWorkingSet64 / 1048576:N0} MB, {process.WorkingSet64 / 1048576:N0} MB after"));
    }

    private static async Task<long> CountAsync(Stream body)
    {
        var buffer = new byte[81920];
        long total = 0;
        for (int n; (n = await body.ReadAsync(buffer)) > 0;)
        {
            total += n;
        }

        return total;
    }

    private static Task WriteAsync(NpgsqlBinaryImporter w, int? value) => value is { } v ? w.WriteAsync(v) : w.WriteNullAsync();

    /// <summary>A browser's session: the login form with its anti-forgery token, then the cookie.</summary>
    private static async Task<HttpClient> SignInAsync(BenchServer server, string userName, string password)
    {
        var client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), UseCookies = true, AllowAutoRedirect = false }) { BaseAddress = new Uri(server.BaseAddress) };
        var form = await client.GetStringAsync("/Account/Login");
        var token = Antiforgery().Match(form).Groups[1].Value;
        using var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName, ["Password"] = password, ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"login failed: {(int)response.StatusCode}");
        }

        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();
}
