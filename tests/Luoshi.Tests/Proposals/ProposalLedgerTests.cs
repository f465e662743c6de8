using System.Net;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using static Luoshi.Tests.Proposals.ProposalApi;

namespace Luoshi.Tests.Proposals;

/// <summary>The yearly 建议提案办理台账: filters, and the Excel with its 统计 sheet.</summary>
public class ProposalLedgerTests
{
    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TheLedgerCountsOnTimeRepliesResultClassesSatisfactionAndReHandling(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var staff = await b.ApiAsync("staffA");
        var admin = await b.ApiAsync("admin");
        // On time, A, 满意.
        var first = await RegisterAsync(b, "0901");
        Assert.Equal(HttpStatusCode.Created, (await ReplyAsync(staff, first, "A")).StatusCode);
        await SatisfactionAsync(admin, first, "满意");
        // Assigned long ago and answered late, B, 不满意 (so handled again), then 基本满意 after the second reply (C).
        var late = await RegisterAsync(b, "0902", assignedOn: new DateOnly(2026, 1, 5));
        Assert.Equal(HttpStatusCode.Created, (await ReplyAsync(staff, late, "B")).StatusCode);
        await SatisfactionAsync(admin, late, "不满意");
        Assert.Equal(HttpStatusCode.Created, (await ReplyAsync(staff, late, "C")).StatusCode);
        await SatisfactionAsync(admin, late, "基本满意");
        // Unanswered and past its deadline, a 政协提案.
        var overdue = await RegisterAsync(b, "0903", type: "政协委员提案", assignedOn: new DateOnly(2026, 1, 6));
        // Unanswered, not yet due.
        await RegisterAsync(b, "0904");
        // Answered on time, 不满意 after the first reply: not closed, but it has feedback.
        var unhappy = await RegisterAsync(b, "0905");
        Assert.Equal(HttpStatusCode.Created, (await ReplyAsync(staff, unhappy, "B")).StatusCode);
        await SatisfactionAsync(admin, unhappy, "不满意");

        var ledger = await (await admin.GetAsync("/api/proposals?year=2026")).ReadJsonAsync();
        var f = ledger.GetProperty("figures");
        Assert.Equal((5, 3, 4, 2, 0.5), (f.GetProperty("total").GetInt32(), f.GetProperty("replied").GetInt32(), f.GetProperty("due").GetInt32(),
            f.GetProperty("onTime").GetInt32(), f.GetProperty("onTimeRate").GetDouble()));
        Assert.Equal((1, 1, 1), (f.GetProperty("classA").GetInt32(), f.GetProperty("classB").GetInt32(), f.GetProperty("classC").GetInt32()));
        Assert.Equal((3, 0.6667, 2, 2), (f.GetProperty("feedback").GetInt32(), f.GetProperty("satisfactionRate").GetDouble(), f.GetProperty("reHandled").GetInt32(),
            f.GetProperty("closed").GetInt32()));
        Assert.Equal([overdue], (await (await admin.GetAsync("/api/proposals?type=政协委员提案")).ReadJsonAsync()).GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("id").GetInt32()));
        Assert.Equal([first], (await (await admin.GetAsync("/api/proposals?result=a&satisfaction=满意")).ReadJsonAsync()).GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("id").GetInt32()));
        Assert.Equal(2, (await (await admin.GetAsync("/api/proposals?state=办结")).ReadJsonAsync()).GetProperty("rows").GetArrayLength());

        var response = await admin.GetAsync("/api/proposals/export?year=2026");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var workbook = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = workbook.Query(useHeaderRow: true, sheetName: "建议提案办理台账").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(5, rows.Count);
        var lateRow = rows.Single(r => (string)r["编号"] == "第0902号");
        Assert.Equal(("人大代表建议", "科室A", "2026-04-05", "2026-05-11", "否", "C", "基本满意", "办结"),
            ((string)lateRow["类别"], (string)lateRow["主办科室"], (string)lateRow["答复时限"], (string)lateRow["答复日期"], (string)lateRow["是否按期"], (string)lateRow["办理结果类别"],
             (string)lateRow["满意度"], (string)lateRow["状态"]));
        Assert.Equal(["领衔人", "协办单位"], rows[0].Keys.Where(k => k is "领衔人" or "协办单位"));
        var figures = workbook.Query(useHeaderRow: true, sheetName: "统计").Cast<IDictionary<string, object>>().ToDictionary(r => (string)r["项目"], r => Convert.ToDouble(r["数值"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal((5d, 0.5, 1d, 0.6667, 2d), (figures["建议提案总数"], figures["按期答复率"], figures["A类（已解决或基本解决）"], figures["满意率（满意+基本满意）/反馈数"], figures["重新办理"]));
        Assert.Equal(1, await b.WithDbAsync(d => d.AuditEntries.CountAsync(a => a.UnitId == b.UnitId && a.Target == "2026年建议提案办理台账.xlsx")));
    }
}
