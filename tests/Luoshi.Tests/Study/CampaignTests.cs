using System.Net;
using System.Net.Http.Json;
using DocumentFormat.OpenXml.Packaging;
using Luoshi.Tests.Infrastructure;

namespace Luoshi.Tests.Study;

/// <summary>Campaign phases and the 转段报告 counted from the phase's tasks and the study ledger.</summary>
public class CampaignTests
{
    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TheTransitionReportCountsEachPhasesTasksAndStudySessions(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var admin = await b.ApiAsync("admin");
        var created = await admin.PostAsJsonAsync("/api/campaigns", new
        {
            title = "主题教育",
            phases = new[] { new { name = "学习教育", start = "2026-03-01", end = "2026-04-15" }, new { name = "检视整改", start = "2026-04-16", end = "2026-06-30" } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var campaign = await created.ReadJsonAsync();
        var id = campaign.GetProperty("id").GetInt32();
        var phases = campaign.GetProperty("phases").EnumerateArray().Select(p => p.GetProperty("id").GetInt32()).ToArray();
        foreach (var (phase, due) in new[] { (0, "2026-04-10"), (0, "2026-05-20"), (1, "2026-06-30") })
        {
            Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/campaigns/phases/{phases[phase]}/tasks", new { title = "阶段任务" + due, leadSectionId = b.SectionA, dueDate = due })).StatusCode);
        }

        var (_, group) = await StudyTests.PlanAsync(b);
        await admin.PostAsJsonAsync("/api/study/sessions", StudyTests.Session(group, "2026-04-01", 2, [b.Person("headA"), b.Person("staffA")]));
        await admin.PostAsJsonAsync("/api/study/sessions", StudyTests.Session(group, "2026-05-01", 3, [b.Person("staffA")]));

        var response = await admin.GetAsync($"/api/campaigns/{id}/transition");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var report = await response.ReadJsonAsync();
        var figures = report.GetProperty("phases").EnumerateArray().Select(p => (p.GetProperty("tasks").GetInt32(), p.GetProperty("done").GetInt32(), p.GetProperty("open").GetInt32(),
            p.GetProperty("overdue").GetInt32(), p.GetProperty("sessions").GetInt32(), p.GetProperty("attendances").GetInt32(), p.GetProperty("studyMinutes").GetInt32())).ToList();
        Assert.Equal([(2, 0, 2, 1, 1, 2, 240), (1, 0, 1, 0, 1, 1, 180)], figures);
        var one = await (await admin.GetAsync($"/api/campaigns/{id}/transition?phase={phases[1]}")).ReadJsonAsync();
        Assert.Single(one.GetProperty("phases").EnumerateArray());

        var word = await admin.GetByteArrayAsync($"/api/campaigns/{id}/transition?format=docx");
        using var doc = WordprocessingDocument.Open(new MemoryStream(word), false);
        var text = doc.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("本阶段安排任务2项，已完成0项，正在推进2项，其中逾期1项。组织学习1次，参学2人次，累计4学时。", text);

        await (await (await b.ApiAsync("staffA")).GetAsync($"/api/campaigns/{id}/transition")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await (await b.ApiAsync("headA")).PostAsJsonAsync($"/api/campaigns/phases/{phases[0]}/tasks", new { title = "x", leadSectionId = b.SectionA, dueDate = "2026-04-10" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        var page = await (await b.PagesAsync("admin")).GetHtmlAsync($"/Campaigns/{id}");
        Assert.Contains("转段情况", page);
    }
}
