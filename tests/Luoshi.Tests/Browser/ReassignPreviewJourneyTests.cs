using Luoshi.Features.Organisation;
using Luoshi.Features.Plans;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Tests.Browser;

/// <summary>
/// 批量改派 from the task list in the browser: the office ticks two open tasks and a finished one,
/// chooses the new section and previews; the preview names what moves from whom to whom and what is
/// left and why; 确认改派 moves the two. Clean at 1366 px and at 390 px.
/// </summary>
public class ReassignPreviewJourneyTests
{
    [Fact]
    public async Task TheOfficePreviewsABulkReassignmentOfTickedTasksAndConfirmsIt()
    {
        var site = await DemoSite.ForAsync("journey");
        var tag = FormChecks.Unique();
        var (titles, to) = await TasksAsync(site, tag);

        await using (var office = await site.AsAsync("office"))
        {
            await TickAndPreviewAsync(office, tag, titles, to);
            await office.AssertCleanAsync();
            await office.ShotAsync("reassign-preview-desk");
            // Leaving the preview moves nothing.
            await office.Page.ClickAsync("form a.button:text('取消')");
            await office.Page.WaitForURLAsync($"**/Tasks?q={tag}**");
        }

        Assert.Equal(0, await site.QueryAsync(db => db.Reassignments.CountAsync(r => r.Reason.Contains(tag))));

        await using (var phone = await site.AsAsync("office", Screen.Phone))
        {
            await TickAndPreviewAsync(phone, tag, titles, to);
            await phone.AssertCleanAsync();
            await phone.ShotAsync("reassign-preview-phone");
            await phone.SubmitAsync("button:text('确认改派 2 项')");
            Assert.Contains("已改派 2 项任务", await phone.MainTextAsync(), StringComparison.Ordinal);
            await phone.AssertCleanAsync();
        }

        var moved = await site.QueryAsync(db => db.Reassignments.Where(r => r.Reason.Contains(tag)).Select(r => r.ToSectionId).ToListAsync());
        Assert.Equal([to.Id, to.Id], moved);
    }

    private static async Task TickAndPreviewAsync(Journey journey, string tag, string[] titles, (int Id, string Name) to)
    {
        await journey.OpenAsync($"/Tasks?q={tag}");
        foreach (var title in titles)
        {
            await journey.Page.CheckAsync($"input[aria-label='选择 {title}']");
        }

        await journey.Page.ClickAsync("summary:text('批量办理')");
        await journey.Page.SelectOptionAsync("form.bulk select[name=toSectionId]", to.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await journey.Page.FillAsync("form.bulk input[name=reason]", $"机构调整{tag}");
        await journey.SubmitAsync("form.bulk button:text('预览改派')");
        var text = await journey.MainTextAsync();
        Assert.Contains("将改派 2 项任务，1 项不改派", text, StringComparison.Ordinal);
        Assert.Contains($"改派给 {to.Name}", text, StringComparison.Ordinal);
        Assert.Contains("任务已办结，不再改派", text, StringComparison.Ordinal);
    }

    /// <summary>Three tasks in the head's section with the tag in their titles, the last one finished;
    /// and another section to move them to.</summary>
    private static async Task<(string[] Titles, (int Id, string Name) To)> TasksAsync(DemoSite site, string tag)
    {
        var office = await site.PersonAsync("office");
        var head = await site.PersonAsync("head");
        await using var scope = site.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Luoshi.Data.LuoshiDb>();
        var plan = await db.Plans.Where(p => p.UnitId == office.UnitId).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        var to = await db.Sections.Where(s => s.UnitId == office.UnitId && s.IsActive && s.Id != head.SectionId).OrderBy(s => s.Id).Select(s => new { s.Id, s.Name }).FirstAsync();
        var editor = scope.ServiceProvider.GetRequiredService<TaskEditor>();
        var viewer = new Viewer(office.Id, office.UnitId, office.Name, Role.Admin, office.SectionId, []);
        var today = Luoshi.Tests.Infrastructure.TestApp.Today;
        var titles = new[] { $"调整任务甲{tag}", $"调整任务乙{tag}", $"调整任务丙{tag}" };
        var ids = new List<int>();
        foreach (var title in titles)
        {
            var outcome = await editor.CreateAsync(viewer, new TaskInput
            {
                PlanId = plan, Title = title, LeadSectionId = head.SectionId!.Value, ResponsiblePersonId = head.Id, StartDate = today, DueDate = today.AddDays(90),
            }, []);
            Assert.True(outcome.Kind == Luoshi.Features.Shared.OutcomeKind.Ok, outcome.Message);
            ids.Add(outcome.Value!.Id);
        }

        await db.Tasks.Where(t => t.Id == ids[2]).ExecuteUpdateAsync(u => u.SetProperty(t => t.CompletedOn, today));
        return (titles, (to.Id, to.Name));
    }
}
