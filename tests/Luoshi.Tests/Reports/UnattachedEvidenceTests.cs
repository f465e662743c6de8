using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Luoshi.Features.Reports;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Tests.Reports;

/// <summary>Issue 17: uploads that no report took are removed, rows and files, a day after the upload,
/// by the Reports feature's daily job; on apps of their own, whose clock these tests move.</summary>
public class UnattachedEvidenceTests
{
    private static readonly byte[] Pdf = [.. "%PDF-1.4\n% evidence\n"u8];

    public static TheoryData<string> ClockApps => ["evidence-clock", "evidence-clock-postgres"];

    [Theory, MemberData(nameof(ClockApps))]
    public async Task AnUploadNoReportTookIsRemovedAfterADayAndAnAttachedOneStays(string app)
    {
        var b = await Bureau.CreateAsync(app);
        var task = await b.TaskAsync(b.SectionA, TestApp.Today.AddDays(-20), TestApp.Today.AddDays(100));
        var staff = await b.ApiAsync("staffA");
        var attached = await UploadAsync(staff);
        var forgotten = await UploadAsync(staff);
        var report = await staff.PostAsJsonAsync($"/api/tasks/{task.Id}/reports", new { progress = "附会议纪要", evidenceIds = new[] { attached } });
        Assert.Equal(HttpStatusCode.Created, report.StatusCode);
        var files = await StorageFilesAsync(b, attached, forgotten);

        b.App.Clock.Advance(TimeSpan.FromHours(25));
        // A day on, the morning's login has ended: a new one.
        staff = await b.ApiAsync("staffA");
        var recent = await UploadAsync(staff);
        await b.App.Services.GetRequiredService<UnattachedEvidenceJob>().RunAsync(CancellationToken.None);

        Assert.Equal([attached, recent], await b.WithDbAsync(d => d.Evidence.Where(e => e.UnitId == b.UnitId).OrderBy(e => e.Id).Select(e => e.Id).ToListAsync()));
        Assert.True(File.Exists(files[attached]));
        Assert.False(File.Exists(files[forgotten]));
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/api/evidence/{attached}")).StatusCode);
        await (await staff.GetAsync($"/api/evidence/{forgotten}")).AssertProblemAsync(HttpStatusCode.NotFound);
        // The forgotten id can no longer be named by a report.
        var late = await staff.PostAsJsonAsync($"/api/tasks/{task.Id}/reports", new { progress = "补交", evidenceIds = new[] { forgotten } });
        Assert.False(late.IsSuccessStatusCode, late.StatusCode.ToString());
    }

    private static async Task<long> UploadAsync(HttpClient api)
    {
        var file = new ByteArrayContent(Pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var response = await api.PostAsync("/api/evidence", new MultipartFormDataContent { { file, "file", "会议纪要.pdf" } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("id").GetInt64();
    }

    /// <summary>Where each upload's bytes are kept (the app's evidence folder and the row's key).</summary>
    private static async Task<Dictionary<long, string>> StorageFilesAsync(Bureau b, params long[] ids)
    {
        var folder = b.App.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Luoshi.Features.Reports.EvidenceOptions>>().Value.Folder;
        var keys = await b.WithDbAsync(d => d.Evidence.Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.StorageKey));
        var files = keys.ToDictionary(k => k.Key, k => Path.Combine(Path.GetFullPath(folder), k.Value));
        Assert.All(files.Values, f => Assert.True(File.Exists(f), f));
        return files;
    }
}
