using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Luoshi.Features.Lights;
using Luoshi.Features.Supervision;
using Luoshi.Tests.Infrastructure;
using Luoshi.Tests.Supervision;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Luoshi.Tests.Study;

/// <summary>学习台账: sessions count toward members and groups, lights by the share of the year,
/// 四落实, bad input refused whole, the group's task escalated, Excel, and who sees what.</summary>
public class StudyTests
{
    /// <summary>A 2026 plan with one group organised by section A: headA, staffA and staffB, at least
    /// 3 group sessions and 20 hours each. Returns (plan id, group id).</summary>
    internal static async Task<(int Plan, int Group)> PlanAsync(Bureau b)
    {
        var admin = await b.ApiAsync("admin");
        var created = await admin.PostAsJsonAsync("/api/study/plans", new
        {
            year = 2026, title = "2026年理论学习计划",
            groups = new[] { new { name = "第一党支部", kind = "PartyBranch", sectionId = b.SectionA, requiredSessions = 3, requiredHours = 20, memberIds = new[] { b.Person("headA"), b.Person("staffA"), b.Person("staffB") } } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var plan = (await created.ReadJsonAsync()).GetProperty("id").GetInt32();
        var group = await b.WithDbAsync(d => d.StudyGroups.Where(g => g.PlanId == plan).Select(g => g.Id).SingleAsync());
        return (plan, group);
    }

    internal static object Session(int group, string date, decimal hours, int[] people, string? effect = "形成心得体会") =>
        new { groupId = group, date, form = "Collective", topic = "学习党章", materials = "党章", effect, hours, attendeeIds = people };

    private static async Task<JsonElement> LedgerAsync(HttpClient api, int plan) => await (await api.GetAsync($"/api/study/ledger?plan={plan}")).ReadJsonAsync();

    private static JsonElement MemberOf(JsonElement ledger, int person) => ledger.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("personId").GetInt32() == person);

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task ASessionCountsTowardMemberAndGroupTotalsAndMembersShortOfHoursAreRed(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var (plan, group) = await PlanAsync(b);
        var admin = await b.ApiAsync("admin");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/study/sessions", Session(group, "2026-05-01", 8, [b.Person("headA"), b.Person("staffA")]))).StatusCode);
        var partial = await admin.PostAsJsonAsync("/api/study/sessions", Session(group, "2026-05-02", 2, [b.Person("headA")], effect: null));
        Assert.Equal("效果", (await partial.ReadJsonAsync()).GetProperty("missing").GetString());

        var ledger = await LedgerAsync(admin, plan);
        Assert.Equal(600, MemberOf(ledger, b.Person("headA")).GetProperty("minutes").GetInt32());
        Assert.Equal(480, MemberOf(ledger, b.Person("staffA")).GetProperty("minutes").GetInt32());
        // 11 May is 131/365 of the year: 7.2 hours expected, red below 5.2 (10% of 20 hours of margin).
        Assert.Equal("Green", MemberOf(ledger, b.Person("staffA")).GetProperty("light").GetString());
        Assert.Equal("Red", MemberOf(ledger, b.Person("staffB")).GetProperty("light").GetString());
        var g = ledger.GetProperty("groups").EnumerateArray().Single();
        Assert.Equal((2, 1, 1, 30), (g.GetProperty("groupSessions").GetInt32(), g.GetProperty("incomplete").GetInt32(), g.GetProperty("membersShort").GetInt32(), g.GetProperty("progressPercent").GetInt32()));
        Assert.Equal(30, await b.WithDbAsync(d => d.Tasks.Where(t => t.Id == d.StudyGroups.Single(x => x.Id == group).TaskId).Select(t => t.ProgressPercent).SingleAsync()));

        var pages = await b.PagesAsync("admin");
        Assert.Contains("学时落后 <span class=\"num red\">1</span> 人", await pages.GetHtmlAsync("/"));
        var page = await pages.GetHtmlAsync($"/Study?plan={plan}");
        Assert.Contains("学时落后人员", page);
        Assert.Contains("B科员", page);
        var sessions = await (await b.PagesAsync("headA")).GetHtmlAsync($"/Study/Sessions?plan={plan}");
        Assert.Contains("缺效果", sessions);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task BadHoursAnAttendeeOutsideTheOrganisationOrGroupAndADateOutsideTheYearAreRefusedWithNothingSaved(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var other = await Bureau.CreateAsync(db);
        var (_, group) = await PlanAsync(b);
        var admin = await b.ApiAsync("admin");
        var staffA = b.Person("staffA");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/study/sessions", Session(group, "2026-04-01", 20, [staffA]))).StatusCode);

        (object Body, string Field, string Message)[] bad =
        [
            (Session(group, "2026-04-02", -1, [staffA]), "Hours", "学时应在0到24小时之间"),
            (Session(group, "2026-04-02", 25, [staffA]), "Hours", "学时应在0到24小时之间"),
            (Session(group, "2026-04-01", 5, [staffA]), "Hours", "A科员在2026-04-01的学时合计将超过24小时"),
            (Session(group, "2026-04-02", 2, [staffA, other.Person("staffA")]), "AttendeeIds", "参加人员中有不属于本单位的人员"),
            (Session(group, "2026-04-02", 2, [b.Person("staffC")]), "AttendeeIds", "C科员不是“第一党支部”的成员"),
            (Session(group, "2025-12-30", 2, [staffA]), "Date", "学习日期应在计划年度（2026年）内"),
        ];
        foreach (var (body, field, message) in bad)
        {
            var problem = await (await admin.PostAsJsonAsync("/api/study/sessions", body)).AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.Contains(message, problem.ErrorsOf(field));
        }

        Assert.Equal(1, await b.WithDbAsync(d => d.StudySessions.CountAsync(s => s.UnitId == b.UnitId)));
        Assert.Equal(1, await b.WithDbAsync(d => d.StudyAttendance.CountAsync(s => s.UnitId == b.UnitId)));
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AGroupShortAtTheQuarterHasItsTaskRedAndEscalated(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var (_, group) = await PlanAsync(b);
        var taskId = await b.WithDbAsync(d => d.StudyGroups.Where(g => g.Id == group).Select(g => g.TaskId).SingleAsync());
        var admin = await b.ApiAsync("admin");
        await admin.PostAsJsonAsync("/api/study/sessions", Session(group, "2026-03-20", 2, [b.Person("staffA")]));

        Assert.Equal(Light.Red, await b.LightOfAsync(taskId));
        await Travel.EscalateAsync(b);
        var steps = await b.WithDbAsync(d => d.EscalationSteps.Where(s => s.TaskId == taskId).ToListAsync());
        // Urged, or already past the 督办 day: the run raises the furthest step due.
        Assert.Contains(steps, s => s.Deadline == DeadlineKind.Milestone && s.Step is StepKind.Urge or StepKind.Supervise && s.DueOn == new DateOnly(2026, 3, 31));
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TheLedgerExportsToExcelWithSessionsMembersAndASheetPerGroup(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var (plan, group) = await PlanAsync(b);
        var admin = await b.ApiAsync("admin");
        await admin.PostAsJsonAsync("/api/study/sessions", Session(group, "2026-05-01", 2.5m, [b.Person("headA"), b.Person("staffA")], effect: null));

        var bytes = await admin.GetByteArrayAsync($"/api/study/ledger.xlsx?plan={plan}");
        using var stream = new MemoryStream(bytes);
        Assert.Equal(["学习记录", "个人学时", "第一党支部"], MiniExcel.GetSheetNames(stream));
        var session = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "学习记录").Cast<IDictionary<string, object?>>().Single();
        Assert.Equal(("2026-05-01", "集中学习", "学习党章", "A科长、A科员", 2.5, "缺效果"),
            (session["日期"]?.ToString(), session["形式"]?.ToString(), session["主题"]?.ToString(), session["参加人员"]?.ToString(), Convert.ToDouble(session["学时"], System.Globalization.CultureInfo.InvariantCulture), session["四落实"]?.ToString()));
        var members = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "个人学时").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(3, members.Count);
        Assert.Equal("落后（红灯）", members.Single(m => m["姓名"]?.ToString() == "B科员")["状态"]?.ToString());
        var groupSheet = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "第一党支部").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal("合计", groupSheet[^1]["学习组"]?.ToString());
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task StaffSeeOnlyTheirOwnHoursAndOnlyTheOfficeOrTheOrganisingHeadMayRecord(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var (plan, group) = await PlanAsync(b);
        var body = Session(group, "2026-05-01", 2, [b.Person("staffA")]);

        await (await (await b.ApiAsync("staffA")).PostAsJsonAsync("/api/study/sessions", body)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await (await b.ApiAsync("headB")).PostAsJsonAsync("/api/study/sessions", body)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await (await b.ApiAsync("headC")).PostAsJsonAsync("/api/study/sessions", body)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await (await b.ApiAsync("leader")).PostAsJsonAsync("/api/study/sessions", body)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await (await b.ApiAsync("headA")).PostAsJsonAsync("/api/study/plans", new { year = 2026, title = "x", groups = Array.Empty<object>() })).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Created, (await (await b.ApiAsync("headA")).PostAsJsonAsync("/api/study/sessions", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await b.PagesAsync("staffA")).GetAsync($"/Study/Session?plan={plan}")).StatusCode);

        int[] Seen(JsonElement ledger) => [.. ledger.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("personId").GetInt32()).Order()];
        Assert.Equal([b.Person("staffA")], Seen(await LedgerAsync(await b.ApiAsync("staffA"), plan)));
        Assert.Equal([b.Person("staffB")], Seen(await LedgerAsync(await b.ApiAsync("headB"), plan)));
        Assert.Equal(3, Seen(await LedgerAsync(await b.ApiAsync("leader"), plan)).Length);

        // The number behind above the groups is counted over the same members as the groups' rows,
        // though staff see only their own hours.
        foreach (var who in new[] { "staffA", "leader" })
        {
            var ledger = await LedgerAsync(await b.ApiAsync(who), plan);
            var rows = ledger.GetProperty("groups").EnumerateArray().Sum(g => g.GetProperty("membersShort").GetInt32());
            Assert.True(rows > 0);
            Assert.Equal(rows, ledger.GetProperty("peopleBehind").GetInt32());
        }
        Assert.Empty((await LedgerAsync(await b.ApiAsync("headC"), plan)).GetProperty("groups").EnumerateArray());
        var otherUnit = await Bureau.CreateAsync(db);
        Assert.Equal(HttpStatusCode.NotFound, (await (await otherUnit.ApiAsync("admin")).GetAsync($"/api/study/ledger?plan={plan}")).StatusCode);
    }
}
