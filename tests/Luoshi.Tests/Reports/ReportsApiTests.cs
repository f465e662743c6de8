using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Luoshi.Features.Lights;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Tests.Reports;

public class ReportsApiTests
{
    private static readonly DateOnly Today = TestApp.Today;
    private static readonly byte[] Pdf = [.. "%PDF-1.4\n% evidence\n"u8];

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient api, string fileName, byte[] bytes)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return await api.PostAsync("/api/evidence", form);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task ALeadSectionReportMovesProgressAndTheLight(string db)
    {
        var b = await Bureau.CreateAsync(db);
        // Started in January, nothing reported: behind schedule and a report missing.
        var task = await b.TaskAsync(b.SectionA, new DateOnly(2026, 1, 5), new DateOnly(2026, 12, 31));
        Assert.Equal(Light.Yellow, await b.LightOfAsync(task.Id));

        var staff = await b.ApiAsync("staffA");
        var response = await staff.PostAsJsonAsync($"/api/tasks/{task.Id}/reports", new { progress = "完成了前四个月的工作", percent = 40, problems = "经费未到位", nextSteps = "协调财政" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var report = await response.ReadJsonAsync();
        Assert.False(report.GetProperty("isLate").GetBoolean());
        Assert.Equal("2026-05-01", report.GetProperty("periodStart").GetString());
        var stored = await b.WithDbAsync(d => d.Tasks.SingleAsync(t => t.Id == task.Id));
        Assert.Equal(40, stored.ProgressPercent);
        Assert.Equal(Light.Green, stored.Light);
        Assert.Contains(await b.WithDbAsync(d => d.TaskEvents.Where(e => e.TaskId == task.Id).Select(e => e.Summary).ToListAsync()), s => s.Contains("报送进展") && s.Contains("40%"));
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task ReportsAreAppendOnlyAndACorrectionIsANewReport(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-20), Today.AddDays(100));
        var staff = await b.ApiAsync("staffA");
        var first = await (await staff.PostAsJsonAsync($"/api/tasks/{task.Id}/reports", new { progress = "完成30%", percent = 30 })).ReadJsonAsync();
        var firstId = first.GetProperty("id").GetInt64();

        var correction = await staff.PostAsJsonAsync($"/api/tasks/{task.Id}/reports", new { progress = "更正：实际完成25%", percent = 25, correctsId = firstId, periodDate = Today });
        Assert.Equal(HttpStatusCode.Created, correction.StatusCode);

        var all = await (await staff.GetAsync($"/api/tasks/{task.Id}/reports")).ReadJsonAsync();
        Assert.Equal(2, all.GetArrayLength());
        Assert.Equal("完成30%", all.EnumerateArray().Single(r => r.GetProperty("id").GetInt64() == firstId).GetProperty("progress").GetString());
        Assert.Equal(25, await b.WithDbAsync(d => d.Tasks.Where(t => t.Id == task.Id).Select(t => t.ProgressPercent).SingleAsync()));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await staff.PutAsJsonAsync($"/api/tasks/{task.Id}/reports", new { progress = "改写" })).StatusCode);

        var other = await b.TaskAsync(b.SectionA, Today.AddDays(-20), Today.AddDays(100));
        var wrong = await (await staff.PostAsJsonAsync($"/api/tasks/{other.Id}/reports", new { progress = "更正别的任务的报告", correctsId = firstId })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(wrong.ErrorsOf("CorrectsId"));
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AReportAfterTheGracePeriodIsAcceptedAndMarkedLate(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var task = await b.TaskAsync(b.SectionA, new DateOnly(2026, 2, 2), new DateOnly(2026, 12, 31));
        var staff = await b.ApiAsync("staffA");
        var march = await (await staff.PostAsJsonAsync($"/api/tasks/{task.Id}/reports", new { progress = "补报三月", percent = 10, periodDate = "2026-03-15" })).ReadJsonAsync();
        Assert.True(march.GetProperty("isLate").GetBoolean());
        Assert.Equal("2026-03-31", march.GetProperty("periodEnd").GetString());

        var future = await (await staff.PostAsJsonAsync($"/api/tasks/{task.Id}/reports", new { progress = "预报七月", periodDate = "2026-07-01" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("不能为尚未开始的时段报送进展", future.ErrorsOf("PeriodDate"));
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task ACooperatingSectionReportsItsPartWithoutMovingTheTask(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-20), Today.AddDays(100), cooperating: [b.SectionB]);
        var staffB = await b.ApiAsync("staffB");
        var response = await staffB.PostAsJsonAsync($"/api/tasks/{task.Id}/reports", new { progress = "配合部分已完成", percent = 100 });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(b.SectionB, (await response.ReadJsonAsync()).GetProperty("sectionId").GetInt32());
        Assert.Equal(0, await b.WithDbAsync(d => d.Tasks.Where(t => t.Id == task.Id).Select(t => t.ProgressPercent).SingleAsync()));

        var claim = await (await staffB.PostAsJsonAsync($"/api/tasks/{task.Id}/reports", new { progress = "申报完成", claimsCompletion = true })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(claim.ErrorsOf("ClaimsCompletion"));
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AchievedQuantityCountsAgainstTheTarget(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-20), Today.AddDays(100), change: t => { t.TargetValue = 50; t.TargetUnit = "家"; });
        var staff = await b.ApiAsync("staffA");
        var report = await (await staff.PostAsJsonAsync($"/api/tasks/{task.Id}/reports", new { progress = "新增25家", achievedValue = 25 })).ReadJsonAsync();
        Assert.Equal(50, report.GetProperty("percent").GetInt32());
        Assert.Equal(25, await b.WithDbAsync(d => d.Tasks.Where(t => t.Id == task.Id).Select(t => t.AchievedValue).SingleAsync()));
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task ACountedQuantityIsWholeAndDoubtfulFiguresAreConfirmedBeforeTheyCount(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-20), Today.AddDays(100), change: t => { t.TargetValue = 600; t.TargetUnit = "家"; });
        var staff = await b.ApiAsync("staffA");
        var url = $"/api/tasks/{task.Id}/reports";

        var fraction = await (await staff.PostAsJsonAsync(url, new { progress = "入库", achievedValue = 4.4 })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("整数", fraction.ErrorsOf("AchievedValue").Single(), StringComparison.Ordinal);

        // 9999 of 600 at 80 %: a slip until the reporter says otherwise.
        var slip = await (await staff.PostAsJsonAsync(url, new { progress = "入库", achievedValue = 9999, percent = 80 })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("16.7 倍", slip.ErrorsOf("ConfirmFigures").Single(), StringComparison.Ordinal);
        var contradiction = await (await staff.PostAsJsonAsync(url, new { progress = "入库", achievedValue = 540, percent = 30 })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("相差较大", contradiction.ErrorsOf("ConfirmFigures").Single(), StringComparison.Ordinal);
        Assert.Null(await b.WithDbAsync(d => d.Tasks.Where(t => t.Id == task.Id).Select(t => t.AchievedValue).SingleAsync()));

        var confirmed = await staff.PostAsJsonAsync(url, new { progress = "入库（含跨年度数据，已核对）", achievedValue = 1900, confirmFigures = true });
        Assert.Equal(HttpStatusCode.Created, confirmed.StatusCode);
        Assert.Equal(1900, await b.WithDbAsync(d => d.Tasks.Where(t => t.Id == task.Id).Select(t => t.AchievedValue).SingleAsync()));
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task EvidenceIsAttachedToTheReportAndOnlyThoseWhoSeeTheTaskCanOpenIt(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-20), Today.AddDays(100));
        var staff = await b.ApiAsync("staffA");
        var upload = await UploadAsync(staff, "会议纪要.pdf", Pdf);
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var evidence = await upload.ReadJsonAsync();
        var id = evidence.GetProperty("id").GetInt64();
        Assert.Equal(64, evidence.GetProperty("sha256").GetString()!.Length);

        var report = await (await staff.PostAsJsonAsync($"/api/tasks/{task.Id}/reports", new { progress = "附会议纪要", evidenceIds = new[] { id } })).ReadJsonAsync();
        Assert.Equal("会议纪要.pdf", report.GetProperty("evidence")[0].GetProperty("fileName").GetString());

        var download = await staff.GetAsync($"/api/evidence/{id}");
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        await (await (await b.ApiAsync("staffC")).GetAsync($"/api/evidence/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);

        var reuse = await (await staff.PostAsJsonAsync($"/api/tasks/{task.Id}/reports", new { progress = "再用一次", evidenceIds = new[] { id } })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("已附在另一份报告上", reuse.GetProperty("detail").GetString());
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task OversizedOrWrongTypeEvidenceIsRefusedInChineseAndNotStored(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var staff = await b.ApiAsync("staffA");
        var before = await b.WithDbAsync(d => d.Evidence.CountAsync(e => e.UnitId == b.UnitId));

        var tooBig = await (await UploadAsync(staff, "大文件.pdf", [.. Pdf, .. new byte[1024 * 1024]])).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("超过了", tooBig.ErrorsOf("file").Single());

        var disguised = await (await UploadAsync(staff, "报告.pdf", [0x4D, 0x5A, 0x90, 0x00, 0x03])).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("内容与扩展名不符", disguised.ErrorsOf("file").Single());

        var program = await (await UploadAsync(staff, "工具.exe", [0x4D, 0x5A])).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("不支持", program.ErrorsOf("file").Single());

        var empty = await (await UploadAsync(staff, "空.pdf", [])).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("空文件", empty.ErrorsOf("file").Single());

        Assert.Equal(before, await b.WithDbAsync(d => d.Evidence.CountAsync(e => e.UnitId == b.UnitId)));
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AReportWithoutProgressTextIsRefusedAndTheTaskIsUnchanged(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-20), Today.AddDays(100));
        var staff = await b.ApiAsync("staffA");
        var problem = await (await staff.PostAsJsonAsync($"/api/tasks/{task.Id}/reports", new { progress = "", percent = 150 })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.ErrorsOf("Progress"));
        Assert.Equal(0, await b.WithDbAsync(d => d.Reports.CountAsync(r => r.TaskId == task.Id)));
    }
}
