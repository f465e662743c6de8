using System.Net;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Tests.Study;

/// <summary>The office sets up a study plan on its page; nobody else may.</summary>
public class StudyPlanPageTests
{
    [Fact]
    public async Task TheOfficeSetsUpAPlanWithTheGroupsItNamesAndStaffMayNotOpenThePage()
    {
        var b = await Bureau.CreateAsync("sqlite");
        var office = await b.PagesAsync("admin");
        var page = await office.GetHtmlAsync("/Study/Plan");
        Assert.Contains("党组理论学习中心组", page);

        var posted = await office.PostFormAsync("/Study/Plan", new()
        {
            ["Input.Title"] = "2026年理论学习计划", ["Input.Year"] = "2026",
            ["Input.Groups[0].Name"] = "党组理论学习中心组", ["Input.Groups[0].Kind"] = "CentralGroup", ["Input.Groups[0].SectionId"] = b.SectionC.ToString(),
            ["Input.Groups[0].RequiredSessions"] = "12", ["Input.Groups[0].RequiredHours"] = "40", ["Input.Groups[0].MemberIds"] = b.Person("leader").ToString(),
            ["Input.Groups[1].Name"] = "A科党小组", ["Input.Groups[1].Kind"] = "PartyBranch", ["Input.Groups[1].SectionId"] = b.SectionA.ToString(),
            ["Input.Groups[1].RequiredSessions"] = "6", ["Input.Groups[1].RequiredHours"] = "20", ["Input.Groups[1].MemberIds"] = b.Person("staffA").ToString(),
            ["Input.Groups[2].Name"] = "", ["Input.Groups[2].SectionId"] = b.SectionB.ToString(),
        });

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var groups = await b.WithDbAsync(d => d.StudyGroups.Where(g => g.UnitId == b.UnitId).OrderBy(g => g.Id).Select(g => g.Name).ToListAsync());
        Assert.Equal(["党组理论学习中心组", "A科党小组"], groups);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await b.PagesAsync("staffA")).GetAsync("/Study/Plan")).StatusCode);
    }
}
