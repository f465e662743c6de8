using System.Globalization;
using System.Net;
using Luoshi.Features.Tasks;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Tests.Rectification;

/// <summary>The office's pages: enter, merge, set measures; appeals answered on their page.</summary>
public class RectificationPagesTests
{
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task TheOfficeEntersMergesAndSetsAMeasureOnThePagesAndScriptStaysText()
    {
        var b = await Bureau.CreateAsync("sqlite");
        var admin = await b.PagesAsync("admin");
        var page = "/Rectification/Opinions";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(page + "?handler=Enter", new() { ["content"] = "<script>alert('x')</script>窗口办事慢", ["source"] = "Survey" }, page)).StatusCode);
        var opinion = await b.WithDbAsync(d => d.Opinions.SingleAsync(o => o.UnitId == b.UnitId));
        Assert.Equal("<script>alert('x')</script>窗口办事慢", opinion.Content);
        var html = await admin.GetHtmlAsync(page);
        Assert.Contains("&lt;script&gt;", html);
        Assert.DoesNotContain("<script>alert", html);

        var empty = await admin.PostFormAsync(page + "?handler=Merge", new() { ["title"] = "", ["category"] = "", ["leaderId"] = Id(b.Person("leader")) }, page);
        Assert.Contains("请填写问题", await empty.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(page + "?handler=Merge", new() { ["title"] = "窗口服务效率低", ["category"] = "服务效能", ["leaderId"] = Id(b.Person("leader")), ["opinionIds"] = Id(opinion.Id) }, page)).StatusCode);
        var problem = await b.WithDbAsync(d => d.Problems.SingleAsync(p => p.UnitId == b.UnitId));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(page + "?handler=Measure", new() { ["problemId"] = Id(problem.Id), ["title"] = "推行一窗通办", ["leadSectionId"] = Id(b.SectionA), ["dueDate"] = "2026-06-30" }, page)).StatusCode);
        Assert.Equal(WorkKind.Rectification, await b.WithDbAsync(d => d.Tasks.Where(t => t.Title == "推行一窗通办" && t.UnitId == b.UnitId).Select(t => t.Kind).SingleAsync()));
        var list = await admin.GetHtmlAsync("/Rectification");
        Assert.Contains("推行一窗通办", list);
        Assert.Contains("整改中 0/1", list);
        Assert.Contains("问题整改与诉求", await admin.GetHtmlAsync("/"));

        var staff = await b.PagesAsync("staffA");
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync(page)).StatusCode);
        Assert.Contains("推行一窗通办", await staff.GetHtmlAsync("/Rectification"));
        Assert.DoesNotContain("推行一窗通办", await (await b.PagesAsync("staffB")).GetHtmlAsync("/Rectification"));
    }

    [Fact]
    public async Task TheOfficeRegistersAnAppealTheSectionRepliesAndTheOfficeFollowsUpOnThePages()
    {
        var b = await Bureau.CreateAsync("sqlite");
        var admin = await b.PagesAsync("admin");
        var registered = await admin.PostFormAsync("/Appeals", new() { ["category"] = "人才服务", ["content"] = "人才公寓申请进度", ["leadSectionId"] = Id(b.SectionA) });
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var url = registered.Headers.Location!.OriginalString;
        var staff = await b.PagesAsync("staffA");
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostFormAsync(url + "?handler=Reply", new() { ["text"] = "已审核通过" }, url)).StatusCode);
        var scale = await admin.PostFormAsync(url + "?handler=FollowUp", new() { ["satisfaction"] = "很好" }, url);
        Assert.Contains("满意度只能是满意、基本满意或不满意", await scale.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(url + "?handler=FollowUp", new() { ["satisfaction"] = "满意" }, url)).StatusCode);
        Assert.Contains("办结", await admin.GetHtmlAsync(url));
        Assert.Contains("人才公寓申请进度", await admin.GetHtmlAsync("/Appeals"));
        Assert.Equal(HttpStatusCode.NotFound, (await (await b.PagesAsync("staffB")).GetAsync(url)).StatusCode);
    }
}
