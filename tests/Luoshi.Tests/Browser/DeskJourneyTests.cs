using System.Globalization;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Tests.Browser;

/// <summary>
/// The 待办 box in the browser: staff ask for an extension, the leader who decides sees it at once in
/// the header count, the 待办 page and the inbox, decides on the page the 待办 link opens, and the
/// staff member reads the decision in the inbox while the item leaves the leader's desk.
/// </summary>
public class DeskJourneyTests
{
    [Fact]
    public async Task AnExtensionRequestReachesTheLeadersDeskAndTheDecisionReachesTheStaffMember()
    {
        var site = await DemoSite.ForAsync("journey");
        var staffPerson = await site.PersonAsync("staff");
        var leaderPerson = await site.PersonAsync("leader");
        var task = await site.QueryAsync(db => db.Tasks.AsNoTracking()
            .Where(t => t.UnitId == staffPerson.UnitId && t.LeadSectionId == staffPerson.SectionId && t.CompletedOn == null && t.Kind == WorkKind.Task
                && !db.ExtensionRequests.Any(r => r.TaskId == t.Id))
            .OrderBy(t => t.LeadLeaderId == leaderPerson.Id ? 0 : 1).ThenByDescending(t => t.Id).FirstAsync());
        if (task.LeadLeaderId != leaderPerson.Id)
        {
            // The demo's leader decides this one: he leads the task.
            await site.QueryAsync(db => db.Tasks.Where(t => t.Id == task.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LeadLeaderId, leaderPerson.Id)));
        }

        await using var leader = await site.AsAsync("leader");
        await leader.OpenAsync("/");
        var before = await CountAsync(leader);

        // Staff, on a phone, ask for a month more.
        await using var staff = await site.AsAsync("staff", Screen.Phone);
        await staff.OpenAsync($"/Tasks/{task.Id}");
        await staff.Page.ClickAsync("summary:text('申请延期')");
        var reason = "配套资金下月到位，" + FormChecks.Unique();
        await staff.Page.FillAsync("input[name=newDueDate]", task.DueDate.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await staff.Page.FillAsync("textarea[name=reason]", reason);
        await staff.SubmitAsync("form[action*='handler=Extension'] button");
        Assert.Contains("已提交延期申请", await staff.Page.Locator(".notice").InnerTextAsync());

        // The leader's next page counts it; the 待办 page lists it under its heading; the inbox holds it.
        await leader.OpenAsync("/");
        Assert.Equal(before + 1, await CountAsync(leader));
        await leader.SubmitAsync("header a.todo-link");
        Assert.Equal(leader.BaseUrl + "/Desk", leader.Page.Url);
        var box = leader.Page.Locator("section.desk-box:has(h2:text('待审批延期'))");
        Assert.Contains(reason, await box.InnerTextAsync());
        await leader.AssertCleanAsync();
        await leader.ShotAsync("desk-leader-1366");
        await using (var phone = await site.AsAsync("leader", Screen.Phone))
        {
            await phone.OpenAsync("/Desk");
            await phone.AssertCleanAsync();
            await phone.ShotAsync("desk-leader-390");
        }

        await leader.OpenAsync("/Notices");
        Assert.Contains("待审批延期：" + task.Title, await leader.MainTextAsync());
        await leader.ShotAsync("notices-leader-1366");

        // From the 待办 link straight to the decision.
        await leader.OpenAsync("/Desk");
        await leader.SubmitAsync($"section.desk-box a[href='/Tasks/{task.Id}#requests']");
        Assert.StartsWith($"{leader.BaseUrl}/Tasks/{task.Id}", leader.Page.Url);
        await leader.Page.FillAsync("form[action*='handler=DecideExtension'] input[name=note]", "同意，务必按新时限完成");
        await leader.SubmitAsync("form[action*='handler=DecideExtension'] button:text('批准')");
        Assert.Contains("已批准延期", await leader.Page.Locator(".notice").InnerTextAsync());
        Assert.Equal(before, await CountAsync(leader));
        await leader.OpenAsync("/Desk");
        Assert.DoesNotContain(reason, await leader.MainTextAsync());
        await leader.AssertCleanAsync();

        // The staff member reads the answer in the inbox, and it opens the task at its requests.
        await staff.OpenAsync("/Notices");
        var answer = staff.Page.Locator("ul.notices li", new() { HasText = "延期申请已批准：" + task.Title });
        Assert.Contains("同意，务必按新时限完成", await answer.InnerTextAsync());
        Assert.Contains("延期审批", await answer.Locator(".step").InnerTextAsync());
        await staff.AssertCleanAsync();
        await staff.ShotAsync("notices-staff-390");
        await staff.SubmitAsync($"ul.notices li:has-text('延期申请已批准：{task.Title}') button.link");
        Assert.Equal($"{staff.BaseUrl}/Tasks/{task.Id}#requests", staff.Page.Url);
        await staff.OpenAsync("/Desk");
        await staff.AssertCleanAsync();
        await staff.ShotAsync("desk-staff-390");
        await using var wide = await site.AsAsync("staff");
        await wide.OpenAsync("/");
        await wide.ShotAsync("dashboard-staff-1366");
        await wide.OpenAsync("/Desk");
        await wide.AssertCleanAsync();
        await wide.ShotAsync("desk-staff-1366");
    }

    /// <summary>The header's 待办 count (0 when it shows no badge).</summary>
    private static async Task<int> CountAsync(Journey journey)
    {
        var badge = journey.Page.Locator("#todo-count");
        // Above 99 the badge reads 99+ and keeps the number in data-count.
        return await badge.CountAsync() == 0 ? 0 : int.Parse(await badge.GetAttributeAsync("data-count") ?? await badge.InnerTextAsync(), CultureInfo.InvariantCulture);
    }
}
