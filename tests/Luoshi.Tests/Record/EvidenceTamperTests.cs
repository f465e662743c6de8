using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Luoshi.Commands;
using Luoshi.Features.Reports;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static Luoshi.Tests.Record.RecordTests;

namespace Luoshi.Tests.Record;

/// <summary>An evidence file swapped on disk keeps its name but not its SHA-256: it is not served, and
/// verify names it.</summary>
public class EvidenceTamperTests
{
    private static async Task<(Bureau B, long EvidenceId, string Path)> ReportWithEvidenceAsync(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var task = await b.TaskAsync(b.SectionA, TestApp.Today.AddDays(-20), TestApp.Today.AddDays(100));
        var staff = await b.ApiAsync("staffA");
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent([.. "%PDF-1.4\n% 会议纪要\n"u8]);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", "会议纪要.pdf");
        var id = (await (await staff.PostAsync("/api/evidence", form)).ReadJsonAsync()).GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.Created, (await staff.PostAsJsonAsync($"/api/tasks/{task.Id}/reports", new { progress = "附会议纪要", evidenceIds = new[] { id } })).StatusCode);
        await SealAsync(b);
        var key = await b.WithDbAsync(d => d.Evidence.Where(e => e.Id == id).Select(e => e.StorageKey).SingleAsync());
        var folder = b.App.Services.GetRequiredService<IOptions<EvidenceOptions>>().Value.Folder;
        return (b, id, Path.Combine(folder, key));
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task ASwappedEvidenceFileIsNotServedAndVerifyNamesIt(string db)
    {
        var (b, id, path) = await ReportWithEvidenceAsync(db);
        Assert.True((await VerifyAsync(b)).Intact);

        await File.WriteAllBytesAsync(path, [.. "%PDF-1.4\n% 伪造的纪要\n"u8]);

        var api = await (await b.ApiAsync("staffA")).GetAsync($"/api/evidence/{id}");
        var problem = await api.AssertProblemAsync(HttpStatusCode.Gone);
        Assert.Contains("佐证材料已被改动", problem.GetProperty("title").GetString());
        var page = await (await b.PagesAsync("staffA")).GetAsync($"/Evidence/{id}");
        Assert.Equal(HttpStatusCode.Gone, page.StatusCode);
        Assert.Contains("SHA-256 不符", await page.Content.ReadAsStringAsync());

        var files = b.App.Services.GetRequiredService<IEvidenceStore>();
        var broken = Assert.Single((await b.WithDbAsync(d => Luoshi.Features.Record.Verifier.VerifyAsync(d, b.UnitId, CancellationToken.None, files: EvidenceCheck.For(files)))).Broken);
        Assert.Equal($"evidence:{id}", broken.EntityKey);
        Assert.Contains("佐证文件（evidence", broken.ToString());
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TheVerifyCommandChecksEvidenceFilesUnlessToldNotTo(string db)
    {
        var (b, id, path) = await ReportWithEvidenceAsync(db);
        File.Delete(path);
        string[] args = ["--unit", b.UnitId.ToString(System.Globalization.CultureInfo.InvariantCulture), $"--ConnectionStrings:Luoshi={b.App.ConnectionString}", $"--Record:AnchorFile={b.App.AnchorFile}",
            $"--Evidence:Folder={b.App.Services.GetRequiredService<IOptions<EvidenceOptions>>().Value.Folder}"];

        var error = new StringWriter();
        Assert.Equal(1, await VerifyCommand.RunAsync(args, new StringWriter(), error));
        Assert.Contains($"evidence:{id}）：会议纪要.pdf：存储中已没有这个文件", error.ToString());
        Assert.Equal(0, await VerifyCommand.RunAsync([.. args, "--no-files"], new StringWriter(), new StringWriter()));
    }
}
