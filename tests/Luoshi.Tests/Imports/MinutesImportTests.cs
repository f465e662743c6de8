using System.Globalization;
using System.Net;
using System.Text;
using Luoshi.Features.Organisation;
using Luoshi.Testing;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Tests.Imports;

/// <summary>Minutes of a meeting become tasks, one per 议定事项, each citing the minutes and its item.</summary>
public class MinutesImportTests
{
    // Written for these tests: minutes of a bureau's office meeting.
    private const string Minutes = """
        测试局局长办公会议纪要
        〔2026〕3号
        2026年5月6日，局长主持召开局长办公会议，研究近期重点工作。纪要如下：
        会议认为，去年高新技术企业数量增长20%。
        会议议定：
        一、关于高新技术企业申报工作。由高新技术科牵头，成果转化科配合，6月20日前完成申报材料审核。
        二、关于科技成果转化平台建设。成果转化科牵头，高新技术科配合，力争新建中试平台2个，3月底前完成选址。
        出席：局领导班子成员
        测试局办公室
        2026年5月7日印发
        """;

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task MinutesImportAsTasksWithUnitsDeadlinesAndTheItemTheyCameFrom(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var (hightech, transfer) = await b.WithDbAsync(async d =>
        {
            var first = new Section { UnitId = b.UnitId, Name = "高新技术科" };
            var second = new Section { UnitId = b.UnitId, Name = "成果转化科" };
            d.Sections.AddRange(first, second);
            await d.SaveChangesAsync();
            return (first.Id, second.Id);
        });
        var admin = await b.PagesAsync("admin");

        var upload = await admin.PostMultipartAsync("/Plans/Import", [], ("file", "纪要.txt", Encoding.UTF8.GetBytes(Minutes)));
        var review = upload.Headers.Location!.OriginalString;
        var html = await admin.GetHtmlAsync(review);
        Assert.Contains("按会议纪要读取", html);
        Assert.Contains("局长办公会议（2026年5月6日）", html);
        // The second decision's deadline is already past: kept as written, but said.
        Assert.Contains("原文时限2026年3月31日已过", html);

        var fields = PageClient.FormFields(html);
        Assert.Equal("True", fields["Input.Minutes"]);
        Assert.Equal("测试局局长办公会议纪要〔2026〕3号", fields["Input.Plan.Title"]);
        Assert.Equal("关于高新技术企业申报工作", fields["Input.Rows[0].Title"]);
        Assert.Equal(hightech.ToString(CultureInfo.InvariantCulture), fields["Input.Rows[0].LeadSectionId"]);
        Assert.Equal("2026-06-20", fields["Input.Rows[0].DueDate"]);
        Assert.Equal(transfer.ToString(CultureInfo.InvariantCulture), fields["Input.Rows[1].LeadSectionId"]);
        Assert.Equal("2", fields["Input.Rows[1].TargetValue"]);
        fields["Input.Rows[1].DueDate"] = "2026-09-30";

        var created = await admin.PostFormAsync(review, fields);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        var tasks = await b.WithDbAsync(d => d.Tasks.Include(t => t.Cooperations).Where(t => t.UnitId == b.UnitId).OrderBy(t => t.Id).ToListAsync());
        Assert.Equal(2, tasks.Count);
        Assert.Equal((hightech, new DateOnly(2026, 6, 20)), (tasks[0].LeadSectionId, tasks[0].DueDate));
        Assert.Equal([transfer], tasks[0].Cooperations.Select(c => c.SectionId));
        Assert.Equal([hightech], tasks[1].Cooperations.Select(c => c.SectionId));
        Assert.Equal("测试局局长办公会议纪要〔2026〕3号 第1项", tasks[0].SourceLabel);
        Assert.Equal("测试局局长办公会议纪要〔2026〕3号 第2项", tasks[1].SourceLabel);

        var page = await admin.GetHtmlAsync($"/Tasks/{tasks[1].Id}");
        Assert.Contains("来源：测试局局长办公会议纪要〔2026〕3号 第2项", page);
        Assert.Contains("成果转化科牵头", page[page.IndexOf("<mark>", StringComparison.Ordinal)..]);
    }

    [Fact]
    public async Task TheSourceIsReadFromTheStoredMinutesNotFromTheForm()
    {
        var b = await Bureau.CreateAsync("sqlite");
        var admin = await b.PagesAsync("admin");
        var upload = await admin.PostMultipartAsync("/Plans/Import", [], ("file", "纪要.txt", Encoding.UTF8.GetBytes(Minutes)));
        var review = upload.Headers.Location!.OriginalString;
        var fields = PageClient.FormFields(await admin.GetHtmlAsync(review));
        fields["Input.DefaultSectionId"] = b.SectionA.ToString(CultureInfo.InvariantCulture);
        fields["Input.Rows[1].DueDate"] = "2026-09-30";
        fields["Input.Rows[0].SourceLabel"] = "伪造的来源";

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(review, fields)).StatusCode);

        var labels = await b.WithDbAsync(d => d.Tasks.Where(t => t.UnitId == b.UnitId).OrderBy(t => t.Id).Select(t => t.SourceLabel).ToListAsync());
        Assert.Equal(["测试局局长办公会议纪要〔2026〕3号 第1项", "测试局局长办公会议纪要〔2026〕3号 第2项"], labels);
    }

    [Fact]
    public async Task APlanIsNotReadAsMinutesAndItsTasksCiteNoItem()
    {
        var b = await Bureau.CreateAsync("sqlite");
        var admin = await b.PagesAsync("admin");
        var upload = await admin.PostMultipartAsync("/Plans/Import", [], ("file", "要点.txt", Encoding.UTF8.GetBytes("2026年工作要点\n一、指导思想\n坚持创新。\n二、重点任务\n（一）培育企业，年底前完成。\n")));
        var review = upload.Headers.Location!.OriginalString;
        var html = await admin.GetHtmlAsync(review);
        var fields = PageClient.FormFields(html);

        Assert.Equal("False", fields["Input.Minutes"]);
        // 指导思想 is listed, unticked, with the reason.
        Assert.False(fields.ContainsKey("Input.Rows[0].Selected"));
        Assert.Contains("未勾选：指导思想，不是具体任务", html);
        fields["Input.DefaultSectionId"] = b.SectionA.ToString(CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(review, fields)).StatusCode);

        var tasks = await b.WithDbAsync(d => d.Tasks.Where(t => t.UnitId == b.UnitId).Select(t => new { t.Title, t.SourceLabel }).ToListAsync());
        Assert.Equal("培育企业，年底前完成", Assert.Single(tasks).Title);
        Assert.Null(tasks[0].SourceLabel);
    }

    [Fact]
    public async Task TheOutlineApiReadsMinutesWhenAsked()
    {
        var b = await Bureau.CreateAsync("sqlite");
        var api = await b.ApiAsync("staffA");
        var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(Minutes)), "file", "minutes.txt" } };

        var minutes = await (await api.PostAsync("/api/documents/outline?minutes=true", form)).ReadJsonAsync();

        Assert.Equal("〔2026〕3号", minutes.GetProperty("number").GetString());
        Assert.Equal("2026-05-06", minutes.GetProperty("meetingDate").GetString());
        var second = minutes.GetProperty("items")[1];
        Assert.Equal(2, second.GetProperty("ordinal").GetInt32());
        Assert.Equal("关于科技成果转化平台建设", second.GetProperty("draft").GetProperty("title").GetString());
    }
}
