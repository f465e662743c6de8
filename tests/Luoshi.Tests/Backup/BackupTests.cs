using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Luoshi.Commands;
using Luoshi.Features.Reports;
using Luoshi.Tests.Infrastructure;
using Luoshi.Tests.Record;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Luoshi.Tests.Backup;

/// <summary><c>Luoshi backup</c> and <c>restore</c> on SQLite: a running app's data, evidence and keys
/// into one zip and back into a fresh folder.</summary>
public class BackupTests
{
    private static readonly byte[] Pdf = [.. "%PDF-1.4\n% 会议纪要\n"u8];

    [Fact]
    public async Task ABackupRestoredToAFreshFolderShowsTheSameDataEvidenceAndLoginsAndVerifies()
    {
        var b = await Bureau.CreateAsync("sqlite");
        var task = await b.TaskAsync(b.SectionA, TestApp.Today.AddDays(-20), TestApp.Today.AddDays(100));
        var staff = await b.ApiAsync("staffA");
        var evidenceId = await UploadAsync(staff);
        var reported = await staff.PostAsJsonAsync($"/api/tasks/{task.Id}/reports", new { progress = "完成选址论证", percent = 40, evidenceIds = new[] { evidenceId } });
        Assert.Equal(HttpStatusCode.Created, reported.StatusCode);
        await RecordTests.SealAsync(b);

        var archive = Path.Combine(Directory.CreateTempSubdirectory("luoshi-backup-").FullName, "备份.zip");
        var (output, error) = (new StringWriter(), new StringWriter());
        Assert.Equal(0, await BackupCommand.RunAsync(["--out", archive, .. SettingsOf(b.App)], output, error));
        Assert.Contains("已备份到", output.ToString());

        var fresh = FreshFolder();
        Assert.Equal(0, await RestoreCommand.RunAsync(["--from", archive, .. fresh], output, error));
        Assert.Equal(0, await VerifyCommand.RunAsync(["--unit", b.UnitId.ToString(CultureInfo.InvariantCulture), .. fresh], output, error));
        Assert.Contains("记录链完整：1 条", output.ToString());

        await using var restored = App.Build([.. fresh, "--urls=http://127.0.0.1:0", "--Scheduler:Enabled=false", "--Logging:LogLevel:Default=Warning"]);
        await restored.StartAsync();
        // The keys came along: what the original protected (cookies, tokens, signed forms), the copy reads.
        var secret = Protector(b.App.Services).Protect("登录凭据");
        Assert.Equal("登录凭据", Protector(restored.Services).Unprotect(secret));

        var address = restored.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(address) };
        var token = await client.PostAsJsonAsync("/api/auth/token", new { userName = b.People["staffA"].Login, password = Bureau.Password });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await token.ReadJsonAsync()).GetProperty("accessToken").GetString());
        var reports = await client.GetStringAsync($"/api/tasks/{task.Id}/reports");
        Assert.Contains("完成选址论证", reports);
        Assert.Equal(Pdf, await client.GetByteArrayAsync($"/api/evidence/{evidenceId}"));
        await restored.StopAsync();
    }

    [Fact]
    public async Task RestoreRefusesADatabaseWithDataUnlessForcedAndThenKeepsTheOldOneAside()
    {
        await Bureau.CreateAsync("sqlite");
        var archive = Path.Combine(Directory.CreateTempSubdirectory("luoshi-backup-").FullName, "luoshi.zip");
        var (output, error) = (new StringWriter(), new StringWriter());
        Assert.Equal(0, await BackupCommand.RunAsync(["--out", archive, .. SettingsOf(TestApp.For("sqlite"))], output, error));
        var fresh = FreshFolder();
        Assert.Equal(0, await RestoreCommand.RunAsync(["--from", archive, .. fresh], output, error));

        Assert.Equal(1, await RestoreCommand.RunAsync(["--from", archive, .. fresh], output, error));
        Assert.Contains("已有数据，未作改动", error.ToString());

        Assert.Equal(0, await RestoreCommand.RunAsync(["--from", archive, "--force", .. fresh], output, error));
        var database = fresh[0].Split("Data Source=")[1];
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(database)!, "luoshi.db.before-restore-*"));

        File.WriteAllText(archive, "not a zip");
        Assert.Equal(1, await RestoreCommand.RunAsync(["--from", archive, "--force", .. fresh], output, error));
        File.Delete(archive);
        using (var zip = System.IO.Compression.ZipFile.Open(archive, System.IO.Compression.ZipArchiveMode.Create))
        {
            await using (var manifest = new StreamWriter(zip.CreateEntry("luoshi-backup.json").Open()))
            {
                await manifest.WriteAsync("{}");
            }

            await using var notADatabase = new StreamWriter(zip.CreateEntry("database/luoshi.db").Open());
            await notADatabase.WriteAsync(new string('x', 4096));
        }

        error.GetStringBuilder().Clear();
        Assert.Equal(1, await RestoreCommand.RunAsync(["--from", archive, "--force", .. fresh], output, error));
        Assert.Contains("已损坏", error.ToString());
        Assert.Equal(0, await BackupCommand.RunAsync(["--help"], output, error));
        Assert.Contains("用法: Luoshi restore --from", (await HelpAsync(RestoreCommand.RunAsync)).ToString());
    }

    [Fact]
    public async Task OnPostgreSqlBackupPointsToPgDumpAndWritesNothing()
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var archive = Path.Combine(Directory.CreateTempSubdirectory("luoshi-backup-").FullName, "pg.zip");
        Assert.Equal(2, await BackupCommand.RunAsync(["--out", archive, "--ConnectionStrings:Luoshi=Host=127.0.0.1;Database=luoshi_never_opened"], output, error));
        Assert.Contains("pg_dump", error.ToString());
        Assert.False(File.Exists(archive));
    }

    private static IDataProtector Protector(IServiceProvider services) =>
        services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Luoshi.Tests.Backup");

    private static async Task<StringWriter> HelpAsync(Func<string[], TextWriter, TextWriter, Task<int>> command)
    {
        var output = new StringWriter();
        Assert.Equal(0, await command(["--help"], output, TextWriter.Null));
        return output;
    }

    private static async Task<long> UploadAsync(HttpClient api)
    {
        var file = new ByteArrayContent(Pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        var upload = await api.PostAsync("/api/evidence", new MultipartFormDataContent { { file, "file", "会议纪要.pdf" } });
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        return (await upload.ReadJsonAsync()).GetProperty("id").GetInt64();
    }

    /// <summary>Where the test app keeps its database, evidence and keys.</summary>
    private static string[] SettingsOf(TestApp app)
    {
        var configuration = app.Services.GetRequiredService<IConfiguration>();
        return
        [
            $"--ConnectionStrings:Luoshi={app.ConnectionString}",
            $"--Evidence:Folder={app.Services.GetRequiredService<IOptions<EvidenceOptions>>().Value.Folder}",
            $"--DataProtection:Folder={configuration["DataProtection:Folder"]}",
        ];
    }

    private static string[] FreshFolder()
    {
        var folder = Directory.CreateTempSubdirectory("luoshi-restored-").FullName;
        return
        [
            $"--ConnectionStrings:Luoshi=Data Source={Path.Combine(folder, "data", "luoshi.db")}",
            $"--Evidence:Folder={Path.Combine(folder, "data", "evidence")}",
            $"--DataProtection:Folder={Path.Combine(folder, "data", "keys")}",
        ];
    }
}
