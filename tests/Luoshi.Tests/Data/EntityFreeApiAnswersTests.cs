using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Tests.Data;

/// <summary>The endpoints that used to answer with a table's row now answer with a record: the same
/// fields a client reads, without the unit.</summary>
public class EntityFreeApiAnswersTests
{
    private static readonly DateOnly Today = TestApp.Today;

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task ExtensionAndCompletionRequestsAreAnsweredWithoutTheUnit(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-60), Today.AddDays(10), change: t => t.LeadLeaderId = b.Person("leader"));
        var staff = await b.ApiAsync("staffA");

        var asked = await Answer(await staff.PostAsJsonAsync($"/api/tasks/{task.Id}/extensions", new { newDueDate = Today.AddDays(30), reason = "配套资金下月到位" }), HttpStatusCode.Created);
        Assert.Equal(task.Id, asked.GetProperty("taskId").GetInt32());
        Assert.Equal("配套资金下月到位", asked.GetProperty("reason").GetString());
        var decided = await Answer(await (await b.ApiAsync("leader")).PostAsJsonAsync($"/api/extensions/{asked.GetProperty("id").GetInt32()}/decision", new { approve = true, note = "同意" }), HttpStatusCode.OK);
        Assert.Equal("同意", decided.GetProperty("decisionNote").GetString());
        Assert.Equal(b.Person("leader"), decided.GetProperty("decidedById").GetInt32());

        var evidence = await UploadAsync(staff);
        Assert.Equal(HttpStatusCode.Created, (await staff.PostAsJsonAsync($"/api/tasks/{task.Id}/reports", new { progress = "全部完成", claimsCompletion = true, evidenceIds = new[] { evidence } })).StatusCode);
        var claim = await b.WithDbAsync(d => d.CompletionRequests.Where(r => r.TaskId == task.Id).Select(r => new { r.Id, r.ReportId }).SingleAsync());
        var accepted = await Answer(await (await b.ApiAsync("admin")).PostAsJsonAsync($"/api/completions/{claim.Id}/decision", new { approve = true }), HttpStatusCode.OK);
        Assert.Equal(claim.ReportId, accepted.GetProperty("reportId").GetInt64());

        var listed = await Answer(await staff.GetAsync($"/api/tasks/{task.Id}/requests"), HttpStatusCode.OK);
        Assert.Equal(1, listed.GetProperty("extensions").GetArrayLength());
        Assert.Equal(claim.Id, listed.GetProperty("completions")[0].GetProperty("id").GetInt32());
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AdjustmentsAndGradesAreAnsweredWithoutTheUnitOrTheScheme(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-20), Today.AddDays(30));
        var admin = await b.ApiAsync("admin");
        var scheme = (await Answer(await admin.PostAsJsonAsync("/api/assessments", new { name = "2026年第二季度考核", periodStart = "2026-04-01", periodEnd = "2026-06-30" }), HttpStatusCode.Created)).GetProperty("id").GetInt32();

        var adjustment = await Answer(await admin.PostAsJsonAsync($"/api/assessments/{scheme}/adjustments", new { sectionId = b.SectionA, points = 2, reason = "获省级表彰" }), HttpStatusCode.Created);
        Assert.Equal(2m, adjustment.GetProperty("points").GetDecimal());
        Assert.False(adjustment.TryGetProperty("schemeId", out _));
        var grade = await Answer(await admin.PostAsJsonAsync($"/api/assessments/{scheme}/grades", new { taskId = task.Id, grade = "优" }), HttpStatusCode.Created);
        Assert.Equal("优", grade.GetProperty("grade").GetString());
        Assert.False(grade.TryGetProperty("schemeId", out _));

        var results = await Answer(await admin.GetAsync($"/api/assessments/{scheme}/results"), HttpStatusCode.OK);
        var sectionA = results.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("id").GetInt32() == b.SectionA);
        Assert.Equal("获省级表彰", sectionA.GetProperty("adjustments")[0].GetProperty("reason").GetString());
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task ARegisteredEventIsAnsweredWithoutTheUnit(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var created = await Answer(await (await b.ApiAsync("staffA")).PostAsJsonAsync("/api/events", new
        {
            title = "科普日进社区", kind = "科普日", date = Today.AddDays(-3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            place = "市科技馆", organiserSectionId = b.SectionA, actualParticipants = 120,
        }), HttpStatusCode.Created);
        Assert.Equal("科普日进社区", created.GetProperty("title").GetString());
        Assert.Equal(b.SectionA, created.GetProperty("organiserSectionId").GetInt32());
    }

    /// <summary>Asserts the status and that no object anywhere in the answer names a unit.</summary>
    private static async Task<JsonElement> Answer(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        var json = await response.ReadJsonAsync();
        Assert.DoesNotContain(Names(json), n => n.Equals("unitId", StringComparison.OrdinalIgnoreCase));
        return json;
    }

    private static IEnumerable<string> Names(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.Object => json.EnumerateObject().SelectMany(p => Names(p.Value).Prepend(p.Name)),
        JsonValueKind.Array => json.EnumerateArray().SelectMany(Names),
        _ => [],
    };

    private static async Task<long> UploadAsync(HttpClient api)
    {
        var file = new ByteArrayContent([.. "%PDF-1.4 办结材料"u8]);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        var response = await api.PostAsync("/api/evidence", new MultipartFormDataContent { { file, "file", "办结报告.pdf" } });
        return (await response.ReadJsonAsync()).GetProperty("id").GetInt64();
    }
}
