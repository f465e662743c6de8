using System.Net;
using Luoshi.Features.Research;
using Luoshi.Tests.Infrastructure;
using static Luoshi.Tests.Desk.DeskSources;

namespace Luoshi.Tests.Research;

/// <summary>The research report waits on the desk of whoever must act: the leading leader (and the
/// office) while it is under review, the lead section once it is returned.</summary>
public class ResearchToDoTests
{
    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AReportUnderReviewWaitsForItsLeaderAndAReturnedOneForTheLeadSection(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var id = await ResearchTests.CreateAsync(b);
        var staff = await b.ApiAsync("staffA");
        Assert.Equal(HttpStatusCode.Created, (await ResearchTests.ReportAsync(staff, id, null, text: "报告正文")).StatusCode);

        var (count, items) = await OfAsync<ReportsToReviewSource>(b, "leader");
        Assert.Equal(1, count);
        Assert.Equal($"/Research/{id}#report", Assert.Single(items).Href);
        Assert.Equal(1, (await OfAsync<ReportsToReviewSource>(b, "admin")).Count);
        Assert.Equal(0, (await OfAsync<ReportsToReviewSource>(b, "otherLeader")).Count);
        Assert.Equal(0, (await OfAsync<ReportsToReviseSource>(b, "staffA")).Count);
        Assert.Equal(0, (await OfAsync<ReportsToReviewSource>(b, "staffA")).Count);
        Assert.Equal(0, (await OfAsync<ReportsToReviseSource>(b, "leader")).Count);

        Assert.Equal(HttpStatusCode.OK, (await ResearchTests.DecideAsync(await b.ApiAsync("leader"), id, 1, accept: false, comment: "请补充数据")).StatusCode);
        Assert.Equal(0, (await OfAsync<ReportsToReviewSource>(b, "leader")).Count);
        Assert.Equal(1, (await OfAsync<ReportsToReviseSource>(b, "staffA")).Count);
        Assert.Equal(1, (await OfAsync<ReportsToReviseSource>(b, "headA")).Count);
        Assert.Equal(0, (await OfAsync<ReportsToReviseSource>(b, "staffB")).Count);

        // The next version takes it off the section's desk and back onto the leader's.
        Assert.Equal(HttpStatusCode.Created, (await ResearchTests.ReportAsync(staff, id, null, text: "补充后的报告")).StatusCode);
        Assert.Equal(0, (await OfAsync<ReportsToReviseSource>(b, "staffA")).Count);
        Assert.Equal(1, (await OfAsync<ReportsToReviewSource>(b, "leader")).Count);
    }
}
