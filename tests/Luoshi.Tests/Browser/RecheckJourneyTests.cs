using System.Globalization;
using Luoshi.Features.Lights;
using Luoshi.Features.Organisation;
using Luoshi.Features.Recheck;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Tests.Browser;

/// <summary>
/// 回头看 in the browser: the office schedules a re-check of a closed task for today, the daily job
/// starts it, the office concludes 未通过 with its findings and finds the original task reopened. The
/// journey works on a task of its own, so the shared demo stays as others expect it.
/// </summary>
public class RecheckJourneyTests
{
    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A task of the head's section, closed (销号) today through the product's own light code.</summary>
    private static async Task<(WorkTask Task, DateOnly Today)> ClosedTaskAsync(DemoSite site, string title)
    {
        var office = await site.PersonAsync("office");
        var staff = await site.PersonAsync("staff");
        await using var scope = site.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Luoshi.Data.LuoshiDb>();
        var today = scope.ServiceProvider.GetRequiredService<Luoshi.Features.Shared.BureauClock>().Today;
        var plan = await db.Plans.Where(p => p.UnitId == office.UnitId && !p.IsArchived && p.LedgerKind == null).OrderBy(p => p.Id).FirstAsync();
        var viewer = new Viewer(office.Id, office.UnitId, office.Name, Role.Admin, office.SectionId, []);
        var input = new TaskInput { PlanId = plan.Id, Title = title, LeadSectionId = staff.SectionId!.Value, StartDate = today.AddDays(-90), DueDate = today.AddDays(30) };
        var outcome = await scope.ServiceProvider.GetRequiredService<TaskEditor>().CreateAsync(viewer, input, null);
        Assert.True(outcome.Kind == Luoshi.Features.Shared.OutcomeKind.Ok, outcome.Message);
        var task = await db.Tasks.Include(t => t.Milestones).SingleAsync(t => t.Id == outcome.Value!.Id);
        task.CompletedOn = today;
        task.ProgressPercent = 100;
        await scope.ServiceProvider.GetRequiredService<TaskLights>().RecomputeAsync(task);
        await db.SaveChangesAsync();
        return (task, today);
    }

    [Fact]
    public async Task TheOfficeSchedulesARecheckConcludesItFailedAndTheTaskIsOpenAgain()
    {
        var site = await DemoSite.ForAsync("journey");
        var (task, today) = await ClosedTaskAsync(site, "清理科技计划项目结余资金" + FormChecks.Unique());

        await using (var office = await site.AsAsync("office"))
        {
            await office.OpenAsync($"/Tasks/{task.Id}");
            await office.Page.ClickAsync("summary:text('安排回头看')");
            await office.Page.FillAsync("input[name='Schedule.On']", Day(today));
            await office.Page.FillAsync("textarea[name='Schedule.What']", "结余资金是否按规定收回，有无新的结余");
            await office.SubmitAsync("form[action*='handler=Schedule'] button");
            Assert.Contains("已安排回头看", await office.Page.Locator(".notice").InnerTextAsync());
            Assert.Contains("到期后自动生成回头看任务", await office.MainTextAsync());
            await office.AssertCleanAsync();
        }

        // The scheduler's daily run, by hand.
        await site.App.Services.GetRequiredService<RecheckJob>().RunAsync(CancellationToken.None);
        var recheckTaskId = await site.QueryAsync(db => db.Rechecks.Where(r => r.OriginalTaskId == task.Id).Select(r => r.RecheckTaskId).SingleAsync());
        Assert.NotNull(recheckTaskId);

        await using (var head = await site.AsAsync("head", Screen.Phone))
        {
            await head.OpenAsync($"/Tasks/{recheckTaskId}");
            Assert.Contains("的回头看", await head.MainTextAsync());
            Assert.Equal(0, await head.Page.Locator("form[action*='handler=Conclude']").CountAsync());
            await head.AssertCleanAsync();
        }

        await using (var office = await site.AsAsync("office"))
        {
            await office.OpenAsync($"/Tasks/{recheckTaskId}");
            Assert.Contains("结余资金是否按规定收回", await office.MainTextAsync());
            await office.AssertCleanAsync();
            await office.TurnOffBrowserChecksAsync();
            await office.SubmitAsync("button:text('未通过')");
            Assert.Contains("未通过时请写明发现的问题", await office.MainTextAsync());
            await office.Page.FillAsync("textarea[name='Conclusion.Findings']", "仍有两个项目结余资金未收回");
            await office.Page.FillAsync("input[name='Conclusion.NewDueDate']", Day(today.AddDays(30)));
            await office.SubmitAsync("button:text('未通过')");
            Assert.Contains("原任务已重新打开", await office.Page.Locator(".notice").InnerTextAsync());
            await office.AssertCleanAsync();

            await office.OpenAsync($"/Tasks/{task.Id}");
            var text = await office.MainTextAsync();
            Assert.Contains("回头看未通过，重新打开", text);
            Assert.Contains("未通过", text);
            await office.AssertCleanAsync();

            await office.OpenAsync("/Recheck");
            Assert.Contains("仍有两个项目结余资金未收回", await office.MainTextAsync());
            await office.AssertCleanAsync();
        }

        var reopened = await site.QueryAsync(db => db.Tasks.AsNoTracking().SingleAsync(t => t.Id == task.Id));
        Assert.Null(reopened.CompletedOn);
        Assert.Equal(today.AddDays(30), reopened.DueDate);
    }
}
