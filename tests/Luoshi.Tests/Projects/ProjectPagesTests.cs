using System.Globalization;
using System.Net;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Tests.Projects;

/// <summary>The project and event pages, as a browser uses them.</summary>
public class ProjectPagesTests
{
    private static string Day(int offset) => ProjectsTests.Day(offset);

    [Fact]
    public async Task TheOfficeRegistersAProjectOnTheFormAndTheStaffAdvancesItOnItsPage()
    {
        var b = await Bureau.CreateAsync("sqlite");
        var admin = await b.PagesAsync("admin");
        var fields = new Dictionary<string, string>
        {
            ["Input.Title"] = "光电芯片封装项目", ["Input.Investor"] = "某光电有限公司", ["Input.Amount"] = "35000", ["Input.Industry"] = "集成电路",
            ["Input.LeadSectionId"] = b.SectionA.ToString(CultureInfo.InvariantCulture), ["Input.ResponsiblePersonId"] = b.Person("staffA").ToString(CultureInfo.InvariantCulture),
            ["Input.IntentOn"] = Day(-30), ["Input.SignTarget"] = Day(10), ["Input.CompleteTarget"] = Day(300),
        };
        var created = await admin.PostFormAsync("/Projects/Create", fields);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var url = created.Headers.Location!.ToString();

        var staff = await b.PagesAsync("staffA");
        var skipped = await staff.PostFormAsync(url, new() { ["Input.Stage"] = "资金到位", ["Input.ReachedOn"] = Day(-1), ["Input.Evidence"] = "到账凭证" });
        Assert.Contains("不能跳过阶段", await skipped.Content.ReadAsStringAsync());
        var signed = await staff.PostFormAsync(url, new() { ["Input.Stage"] = "签约", ["Input.ReachedOn"] = Day(-2), ["Input.Evidence"] = "合同编号 HT-77" });
        Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        var page = await staff.GetHtmlAsync(url);
        Assert.Contains("合同编号 HT-77", page);
        Assert.Contains("距上一阶段 28 天", page);

        var list = await staff.GetHtmlAsync("/Projects?stage=签约");
        Assert.Contains("光电芯片封装项目", list);
        Assert.Contains("项目漏斗", list);
        Assert.Contains("重点项目", await admin.GetHtmlAsync("/"));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/Projects?handler=Excel")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/Projects/Create")).StatusCode);
    }

    [Fact]
    public async Task TheStaffRecordsAnEventOnTheEventsPageAndTheTaskCountsIt()
    {
        var b = await Bureau.CreateAsync("sqlite");
        var task = await b.TaskAsync(b.SectionA, TestApp.Today.AddDays(-50), TestApp.Today.AddDays(50), change: t => { t.TargetValue = 10; t.TargetUnit = "场"; });
        var staff = await b.PagesAsync("staffA");
        var fields = new Dictionary<string, string>
        {
            ["Input.Title"] = "科技活动周开幕式", ["Input.Kind"] = "科技活动周", ["Input.Date"] = Day(-1), ["Input.Place"] = "市民广场",
            ["Input.OrganiserSectionId"] = b.SectionA.ToString(CultureInfo.InvariantCulture), ["Input.ActualParticipants"] = "-3", ["Input.TaskId"] = task.Id.ToString(CultureInfo.InvariantCulture),
        };
        Assert.Contains("实际参与人数不能为负数", await (await staff.PostFormAsync("/Events", fields)).Content.ReadAsStringAsync());
        fields["Input.ActualParticipants"] = "800";
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostFormAsync("/Events", fields)).StatusCode);
        Assert.Contains("科技活动周开幕式", await staff.GetHtmlAsync("/Events"));
        Assert.Equal(1m, await b.WithDbAsync(d => d.Tasks.Where(t => t.Id == task.Id).Select(t => t.AchievedValue).SingleAsync()));
        Assert.Contains("已举办 1 场活动", await staff.GetHtmlAsync($"/Tasks/{task.Id}"));
    }
}
