using System.Net;
using System.Text;
using Luoshi.Testing;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Tests.Benchmarks;

/// <summary>对标 in the app: import peer-city data, see the rank and the gaps, turn gaps into tasks.</summary>
public class BenchmarkPagesTests
{
    // Five made-up cities and four indicators in two dimensions; R&D staff count is lower-is-better
    // nowhere, patent cost per unit is lower-is-better.
    private const string Meta = """
        iCode,iName,Parent,Weight,Direction,Unit,Type
        Index,综合,,1,1,,Aggregate
        Input,投入,Index,1,1,,Aggregate
        Output,产出,Index,1,1,,Aggregate
        RD,研发投入强度,Input,1,1,%,Indicator
        Staff,每万人研发人员,Input,1,1,人,Indicator
        Patents,每万人发明专利,Output,1,1,件,Indicator
        Cost,专利平均成本,Output,1,-1,万元,Indicator
        """;

    private const string Data = """
        uCode,uName,RD,Staff,Patents,Cost
        OUR,本市,1.8,40,12,30
        BEN,标杆市,2.9,65,25,22
        AAA,甲市,2.2,50,15,28
        BBB,乙市,1.2,30,8,35
        CCC,丙市,3.1,70,28,20
        """;

    private static (string, string, byte[])[] Files(string meta, string data) =>
        [("Meta", "meta.csv", Encoding.UTF8.GetBytes(meta)), ("Data", "data.csv", Encoding.UTF8.GetBytes(data))];

    private static Dictionary<string, string> Names => new() { ["Name"] = "全省对标", ["OwnCode"] = "OUR", ["BenchmarkCode"] = "BEN" };

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task GapsToTheBenchmarkBecomeTasksWhoseTargetIsTheBenchmarksValue(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var admin = await b.PagesAsync("admin");
        var imported = await admin.PostMultipartAsync("/Benchmarks", Names, Files(Meta, Data));
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        var page = imported.Headers.Location!.OriginalString;
        var html = await admin.GetHtmlAsync(page);
        Assert.Contains("本市（本市）", html);
        Assert.Contains("对标：落后于标杆", html);

        var created = await admin.PostFormAsync(page + "?handler=Tasks", new()
        {
            ["Input.Indicators"] = "RD", ["Input.PlanId"] = b.PlanId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.LeadSectionId"] = b.SectionA.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.DueDate"] = "2026-12-31",
        }, formPage: page);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        var task = await b.WithDbAsync(d => d.Tasks.SingleAsync(t => t.UnitId == b.UnitId));
        Assert.Equal(2.9m, task.TargetValue);
        Assert.Equal("%", task.TargetUnit);
        Assert.Contains("研发投入强度", task.Title);
        Assert.Equal("RD", await b.WithDbAsync(d => d.IndicatorTasks.Where(l => l.TaskId == task.Id).Select(l => l.Indicator).SingleAsync()));
        Assert.Contains($"/Tasks/{task.Id}", await admin.GetHtmlAsync(page));
        Assert.Contains(task.Title, await admin.GetHtmlAsync("/Tasks"));
    }

    [Fact]
    public async Task WhatItTakesToReachRankThreeIsFoundBySearch()
    {
        var b = await Bureau.CreateAsync("sqlite");
        var admin = await b.PagesAsync("admin");
        var page = (await admin.PostMultipartAsync("/Benchmarks", Names, Files(Meta, Data))).Headers.Location!.OriginalString;
        var html = await admin.GetHtmlAsync(page + "?rank=3&on=RD&on=Patents");
        var notice = html[html.IndexOf("class=\"notice\"", StringComparison.Ordinal)..];
        Assert.True(html.Contains("需达到", StringComparison.Ordinal), notice[..Math.Min(300, notice.Length)]);
    }

    [Fact]
    public async Task WhatIfRecomputesEveryRankAndTheRobustnessAndExportPagesWork()
    {
        var b = await Bureau.CreateAsync("sqlite");
        var admin = await b.PagesAsync("admin");
        var page = (await admin.PostMultipartAsync("/Benchmarks", Names, Files(Meta, Data))).Headers.Location!.OriginalString;

        // Lifting our R&D, staff and patents above every other city makes us first.
        var whatIf = await admin.GetHtmlAsync(page + "/WhatIf?v_RD=4&v_Staff=90&v_Patents=40&v_Cost=15");
        Assert.Contains("变为第 1 名", whatIf);

        var robustness = await admin.GetHtmlAsync(page + "/Uncertainty?replications=200&variation=30&methods=true");
        Assert.Contains("中位名次", robustness);
        Assert.Contains("标杆市", robustness);

        var export = await admin.GetAsync(page + "?handler=Export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        using var workbook = new MemoryStream(await export.Content.ReadAsByteArrayAsync());
        Assert.Equal(["排名", "差距"], MiniExcelLibs.MiniExcel.GetSheetNames(workbook));
        var ranks = MiniExcelLibs.MiniExcel.Query(workbook, useHeaderRow: true, sheetName: "排名").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(5, ranks.Count);
        Assert.Equal("丙市", ranks[0]["单位"]);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AValueCorrectedByHandKeepsItsSourceAndWhoEnteredItAndMovesTheRanking(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var admin = await b.PagesAsync("admin");
        var page = (await admin.PostMultipartAsync("/Benchmarks", Names, Files(Meta, Data))).Headers.Location!.OriginalString;
        var saved = await admin.PostFormAsync(page + "/Data", new()
        {
            ["Input.UnitCode"] = "OUR", ["Input.Variable"] = "Patents", ["Input.Year"] = "0", ["Input.Value"] = "99", ["Input.Source"] = "2026年统计公报",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await b.WithDbAsync(d => d.Set<Luoshi.Features.Benchmarks.ScoreboardValue>().SingleAsync(v => v.UnitId == b.UnitId && v.UnitCode == "OUR" && v.Variable == "Patents"));
        Assert.Equal(99, stored.Value);
        Assert.Equal("2026年统计公报", stored.Source);
        Assert.Equal(b.Person("admin"), stored.EnteredById);
        Assert.Contains("2026年统计公报", await admin.GetHtmlAsync(page + "/Data"));
        Assert.Contains("研发投入强度", await admin.GetHtmlAsync(page + "/Framework"));

        var staff = await b.PagesAsync("staffA");
        var refused = await staff.PostFormAsync(page + "/Data", new() { ["Input.UnitCode"] = "OUR", ["Input.Variable"] = "RD", ["Input.Year"] = "0", ["Input.Value"] = "9" }, formPage: page);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("无权访问", await refused.Content.ReadAsStringAsync());
        Assert.False(await b.WithDbAsync(d => d.Set<Luoshi.Features.Benchmarks.ScoreboardValue>().AnyAsync(v => v.UnitId == b.UnitId && v.UnitCode == "OUR" && v.Variable == "RD" && v.Value == 9)));
    }

    [Fact]
    public async Task ABadCellRefusesTheWholeImportAndNamesRowAndColumn()
    {
        var b = await Bureau.CreateAsync("sqlite");
        var admin = await b.PagesAsync("admin");
        var response = await admin.PostMultipartAsync("/Benchmarks", Names, Files(Meta, Data.Replace("1.2,30", "很多,30", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("数据文件第", html);
        Assert.Contains("RD", html);
        Assert.Equal(0, await b.WithDbAsync(d => d.Scoreboards.CountAsync(s => s.UnitId == b.UnitId)));

        var unknown = await admin.PostMultipartAsync("/Benchmarks", new() { ["Name"] = "x", ["OwnCode"] = "NOPE", ["BenchmarkCode"] = "BEN" }, Files(Meta, Data));
        Assert.Contains("NOPE", await unknown.Content.ReadAsStringAsync());
    }

    [SharedDataFact]
    public async Task TheAsemReferenceDataRanksAsCoinrDoes()
    {
        var b = await Bureau.CreateAsync("sqlite");
        var admin = await b.PagesAsync("admin");
        var meta = await File.ReadAllBytesAsync(SharedData.Path("reference", "coinr", "ASEM_iMeta.csv"));
        var data = await File.ReadAllBytesAsync(SharedData.Path("reference", "coinr", "ASEM_iData.csv"));
        var imported = await admin.PostMultipartAsync("/Benchmarks", new() { ["Name"] = "ASEM", ["OwnCode"] = "CHN", ["BenchmarkCode"] = "KOR" },
            ("Meta", "ASEM_iMeta.csv", meta), ("Data", "ASEM_iData.csv", data));
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        var html = await admin.GetHtmlAsync(imported.Headers.Location!.OriginalString);
        // COINr 1.1.14 (local-run/clean_results_Aggs.csv): Germany first, 75.23.
        Assert.Matches("<td class=\"n\">1</td>\\s*<td>Germany</td>\\s*<td class=\"n\">75.2", html);
    }
}
