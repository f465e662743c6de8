using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Luoshi.Tests.Browser;

/// <summary>
/// 交办 in the browser, in the demo city: the 督查室 assigns a 交办 to the science bureau, whose office signs
/// it on the phone and splits it to two sections; a section reports, and the 督查室's dashboard shows the
/// bureau's light and progress moved, its 交办 page the split. A second 交办 is returned
/// by the bureau and reassigned by the 督查室 to the development commission. Each run works on 交办 of its
/// own (titles tagged), so the shared demo stays as others expect it.
/// </summary>
public class DispatchJourneyTests
{
    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static int LastNumber(string url) => int.Parse(new Uri(url).Segments[^1], CultureInfo.InvariantCulture);

    [Fact]
    public async Task TheCityAssignsTheBureauSignsAndSplitsItAndAReturnedOneIsReassigned()
    {
        var site = await DemoSite.ForAsync("journey");
        var tag = FormChecks.Unique();
        var before = await BureauLineAsync(site);
        var first = await AssignAsync(site, "全市科技企业梯度培育" + tag);
        var party = await site.QueryAsync(db => db.DispatchParties.Where(p => p.SourceTaskId == first && p.IsLead).Select(p => p.Id).SingleAsync());

        await using (var office = await site.AsAsync("office", Screen.Phone))
        {
            await office.OpenAsync("/Desk");
            Assert.Contains("全市科技企业梯度培育" + tag, await office.MainTextAsync());
            await office.OpenAsync($"/Dispatch/Received/{party}");
            await office.AssertCleanAsync();
            await office.Page.SelectOptionAsync("#LeadSectionId", new SelectOptionValue { Label = "高新技术科" });
            await office.SubmitAsync("form[action*='handler=Sign'] button");
            Assert.Contains("已签收", await office.Page.Locator(".notice").InnerTextAsync());
            var received = LastNumber(office.Page.Url);

            await office.OpenAsync($"/Dispatch/Received/{party}");
            await office.SubmitAsync("#split");
            await office.Page.SelectOptionAsync("#Input_ParentId", received.ToString(CultureInfo.InvariantCulture));
            await office.Page.FillAsync("#Input_Title", "梯度培育入库辅导" + tag);
            await office.Page.SelectOptionAsync("#Input_LeadSectionId", new SelectOptionValue { Label = "高新技术科" });
            DateOnly today;
            await using (var scope = site.App.Services.CreateAsyncScope())
            {
                today = scope.ServiceProvider.GetRequiredService<Luoshi.Features.Shared.BureauClock>().Today;
            }

            await office.Page.FillAsync("#Input_StartDate", Day(today));
            await office.Page.FillAsync("#Input_DueDate", Day(today.AddDays(60)));
            await office.SubmitAsync("main button.primary");
            Assert.Contains("任务已保存", await office.Page.Locator(".notice").InnerTextAsync());

            // The second part, for another section.
            await office.OpenAsync($"/Dispatch/Received/{party}");
            await office.SubmitAsync("#split");
            await office.Page.SelectOptionAsync("#Input_ParentId", received.ToString(CultureInfo.InvariantCulture));
            await office.Page.FillAsync("#Input_Title", "梯度培育政策宣讲" + tag);
            await office.Page.SelectOptionAsync("#Input_LeadSectionId", new SelectOptionValue { Label = "政策法规科" });
            await office.Page.FillAsync("#Input_StartDate", Day(today));
            await office.Page.FillAsync("#Input_DueDate", Day(today.AddDays(60)));
            await office.SubmitAsync("main button.primary");
            Assert.Contains("任务已保存", await office.Page.Locator(".notice").InnerTextAsync());
        }

        // 高新技术科 reports its part on a phone; the bureau's task and the 督查室's 交办 move with it.
        var part = await site.QueryAsync(db => db.Tasks.Where(t => t.Title == "梯度培育入库辅导" + tag).Select(t => t.Id).SingleAsync());
        await using (var head = await site.AsAsync("head", Screen.Phone))
        {
            await head.OpenAsync($"/Tasks/{part}/Report");
            await head.Page.FillAsync("#Input_Progress", "完成首批32家企业入库辅导，形成培育名单");
            await head.Page.FillAsync("#Input_Percent", "60");
            await head.SubmitAsync("main button[type=submit]");
            Assert.Contains("已报送", await head.Page.Locator(".notice").InnerTextAsync());
            await head.AssertCleanAsync();
        }

        var after = await BureauLineAsync(site);
        Assert.Equal(before.Green + 1, after.Green);
        Assert.NotEqual(before.Progress, after.Progress);
        Assert.Equal(30, await site.QueryAsync(db => db.Tasks.Where(t => t.Id == first).Select(t => t.ProgressPercent).SingleAsync()));

        await using (var city = await site.AsAsync("city"))
        {
            await city.OpenAsync($"/Dispatch/{first}");
            var text = await city.MainTextAsync();
            Assert.Contains("已签收", text);
            Assert.Contains("梯度培育入库辅导" + tag, text);
            await city.AssertCleanAsync();
            await city.ShotAsync("dispatch-signed-1366");
        }

        // The second: returned by the bureau, reassigned by the 督查室.
        var second = await AssignAsync(site, "编制科技园区规划" + tag);
        var secondParty = await site.QueryAsync(db => db.DispatchParties.Where(p => p.SourceTaskId == second && p.IsLead).Select(p => p.Id).SingleAsync());
        await using (var office = await site.AsAsync("office", Screen.Phone))
        {
            await office.OpenAsync($"/Dispatch/Received/{secondParty}");
            await office.Page.FillAsync("#Reason", "园区规划由市发展和改革委员会牵头");
            await office.SubmitAsync("form[action*='handler=Return'] button");
            Assert.Contains("已退办", await office.Page.Locator(".notice").InnerTextAsync());
            await office.AssertCleanAsync();
        }

        await using (var city = await site.AsAsync("city", Screen.Phone))
        {
            await city.OpenAsync($"/Dispatch/{second}");
            Assert.Contains("园区规划由市发展和改革委员会牵头", await city.MainTextAsync());
            await city.AssertCleanAsync();
            await city.Page.SelectOptionAsync("select[name=ReassignTo]", new SelectOptionValue { Label = "示范市发展和改革委员会" });
            await city.SubmitAsync("form[action*='handler=Reassign'] button");
            Assert.Contains("已改派", await city.Page.Locator(".notice").InnerTextAsync());
            var states = await city.Page.Locator("section.party").AllInnerTextsAsync();
            Assert.Contains(states, s => s.Contains("示范市科学技术局", StringComparison.Ordinal) && s.Contains("已改派", StringComparison.Ordinal));
            Assert.Contains(states, s => s.Contains("示范市发展和改革委员会", StringComparison.Ordinal) && s.Contains("待签收", StringComparison.Ordinal));
            await city.AssertCleanAsync();

            // 调整隶属 on a phone: the district's bureau directly under the city, and back under its district.
            await city.OpenAsync("/Admin/Units");
            await MoveAsync(city, "东城区科技和工业信息化局", "（直属）");
            await MoveAsync(city, "东城区科技和工业信息化局", "示范市东城区");
        }
    }

    private static async Task MoveAsync(Journey city, string unit, string under)
    {
        await city.Page.Locator("#move select[name=moveUnitId] option").Filter(new() { HasText = unit }).First.EvaluateAsync("o => o.selected = true");
        var parent = await city.Page.Locator("#move select[name=newParentId] option").Filter(new() { HasText = under }).First.GetAttributeAsync("value");
        await city.Page.SelectOptionAsync("#move select[name=newParentId]", parent!);
        await city.SubmitAsync("#move button[type=submit]");
        Assert.Contains("已将", await city.Page.Locator(".notice").InnerTextAsync());
        await city.AssertCleanAsync();
    }

    /// <summary>The science bureau's line on the 督查室's dashboard (交办事项 · 各单位承办情况): green lights and average progress.</summary>
    private static async Task<(int Green, string Progress)> BureauLineAsync(DemoSite site)
    {
        await using var city = await site.AsAsync("city");
        await city.OpenAsync("/");
        var cells = await city.Page.Locator("#unit-lines tbody tr").Filter(new() { HasText = "示范市科学技术局" }).Locator("td").AllInnerTextsAsync();
        await city.AssertCleanAsync();
        await city.ShotAsync("city-dashboard-1366");
        return (int.Parse(cells[9], CultureInfo.InvariantCulture), cells[11]);
    }

    /// <summary>The 督查室 assigns a 交办 to the science bureau on the create page; returns its id.</summary>
    private static async Task<int> AssignAsync(DemoSite site, string title)
    {
        await using var city = await site.AsAsync("city");
        await city.OpenAsync("/Dispatch/Create");
        await city.Page.FillAsync("#Input_Title", title);
        await city.Page.SelectOptionAsync("#Input_LeadUnitId", new SelectOptionValue { Label = "示范市科学技术局" });
        await city.Page.SelectOptionAsync("#Input_FollowUpSectionId", new SelectOptionValue { Label = "督查一科" });
        await city.AssertCleanAsync();
        await city.SubmitAsync("main button.primary");
        Assert.Contains("已交办", await city.Page.Locator(".notice").InnerTextAsync());
        Assert.Contains("待签收", await city.MainTextAsync());
        return LastNumber(city.Page.Url);
    }
}
