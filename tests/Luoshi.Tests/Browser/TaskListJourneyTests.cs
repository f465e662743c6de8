using Luoshi.Features.Organisation;
using Luoshi.Features.Plans;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Tests.Browser;

/// <summary>
/// The office's task list in the browser: filtered to 未签收 and one section, sorted by due date, two
/// tasks ticked and urged at once with a message; then the plan page as the document's tree, a folded
/// heading opened. Clean at 1366 px and at 390 px.
/// </summary>
public class TaskListJourneyTests
{
    [Fact]
    public async Task TheOfficeFiltersSortsUrgesTwoTasksAndOpensAHeadingOfThePlan()
    {
        var site = await DemoSite.ForAsync("journey");
        var tag = FormChecks.Unique();
        var (planId, sectionId, first, second) = await PlanWithHeadingsAsync(site, tag);

        await using (var office = await site.AsAsync("office"))
        {
            await office.OpenAsync("/Tasks");
            await office.Page.CheckAsync("input[name=unsigned]");
            await office.Page.SelectOptionAsync("select[name=section]", sectionId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await office.SubmitAsync("form.filters button[type=submit]");
            await office.Page.ClickAsync("table.tasks thead a:text('完成时限')");
            await office.Page.WaitForURLAsync("**desc=true**");
            Assert.Contains("unsigned=true", office.Page.Url, StringComparison.Ordinal);
            Assert.Contains($"section={sectionId}", office.Page.Url, StringComparison.Ordinal);
            Assert.Contains("sort=due", office.Page.Url, StringComparison.Ordinal);
            // Latest due first: the second task (due later) above the first.
            var text = await office.MainTextAsync();
            Assert.True(text.IndexOf(second, StringComparison.Ordinal) < text.IndexOf(first, StringComparison.Ordinal), "sorted by due date, latest first");
            await office.AssertCleanAsync();

            await office.Page.CheckAsync($"input[aria-label='选择 {first}']");
            await office.Page.CheckAsync($"input[aria-label='选择 {second}']");
            await office.Page.ClickAsync("summary:text('批量办理')");
            await office.Page.FillAsync("form.bulk textarea[name=message]", $"请于本周内签收并报送进展（{tag}）");
            await office.SubmitAsync("form.bulk button:text('批量催办')");
            Assert.Contains("已催办 2 项任务", await office.Page.Locator(".bulk-result").InnerTextAsync());
            Assert.Contains("unsigned=true", office.Page.Url, StringComparison.Ordinal);
            await office.AssertCleanAsync();
            await office.ShotAsync("task-list-bulk-desk");

            await office.OpenAsync($"/Plans/{planId}");
            var folded = office.Page.Locator("details.plan-heading.level-2", new() { HasText = "建设创新平台" + tag });
            Assert.False(await office.Page.Locator($"a:text('{second}')").IsVisibleAsync());
            await folded.Locator("summary").First.ClickAsync();
            Assert.True(await office.Page.Locator($"a:text('{second}')").IsVisibleAsync());
            Assert.Contains("共2项", await office.Page.Locator("details.plan-heading.level-1 > summary").First.InnerTextAsync());
            await office.AssertCleanAsync();
            await office.ShotAsync("plan-tree-desk");
        }

        var urged = await site.QueryAsync(db => db.EscalationSteps.CountAsync(s => s.Message == $"请于本周内签收并报送进展（{tag}）"));
        Assert.Equal(2, urged);

        await using (var phone = await site.AsAsync("office", Screen.Phone))
        {
            await phone.OpenAsync("/Tasks");
            Assert.False(await phone.Page.Locator("form.filters select[name=section]").IsVisibleAsync());
            await phone.Page.ClickAsync("summary:text('筛选条件')");
            Assert.True(await phone.Page.Locator("form.filters select[name=section]").IsVisibleAsync());
            await phone.AssertCleanAsync();
            await phone.ShotAsync("task-list-phone");
            await phone.OpenAsync($"/Plans/{planId}");
            await phone.Page.Locator("details.plan-heading.level-2 > summary").First.ClickAsync();
            await phone.AssertCleanAsync();
            await phone.ShotAsync("plan-tree-phone");
        }
    }

    /// <summary>A plan with two headings under 一、 and a task under each, in the head's section, not yet signed for.</summary>
    private static async Task<(int PlanId, int SectionId, string First, string Second)> PlanWithHeadingsAsync(DemoSite site, string tag)
    {
        var office = await site.PersonAsync("office");
        var head = await site.PersonAsync("head");
        var section = head.SectionId!.Value;
        await using var scope = site.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Luoshi.Data.LuoshiDb>();
        var plan = new Plan { UnitId = office.UnitId, Title = $"创新工作方案{tag}", Year = TestToday.Year, CreatedAt = DateTime.UtcNow };
        db.Plans.Add(plan);
        await db.SaveChangesAsync();
        db.SourceDocuments.Add(new Luoshi.Features.Imports.SourceDocument
        {
            UnitId = office.UnitId, PlanId = plan.Id, FileName = "方案.txt", Sha256 = tag, UploadedById = office.Id, UploadedAt = DateTime.UtcNow,
            Text = $"一、加强科技创新{tag}\n（一）培育创新主体{tag}\n1.培育科技企业{tag}。\n（二）建设创新平台{tag}\n1.新建实验室{tag}。\n",
        });
        await db.SaveChangesAsync();
        var editor = scope.ServiceProvider.GetRequiredService<TaskEditor>();
        var viewer = new Viewer(office.Id, office.UnitId, office.Name, Role.Admin, office.SectionId, []);
        var today = Luoshi.Tests.Infrastructure.TestApp.Today;
        var titles = new[] { $"培育科技企业{tag}", $"新建实验室{tag}" };
        var numbers = new[] { "一、（一）1.", "一、（二）1." };
        for (var i = 0; i < 2; i++)
        {
            var outcome = await editor.CreateAsync(viewer, new TaskInput
            {
                PlanId = plan.Id, Number = numbers[i], Title = titles[i], LeadSectionId = section, ResponsiblePersonId = head.Id,
                StartDate = today, DueDate = today.AddDays(100 + (i * 30)),
            }, []);
            Assert.True(outcome.Kind == Luoshi.Features.Shared.OutcomeKind.Ok, outcome.Message);
        }

        return (plan.Id, section, titles[0], titles[1]);
    }

    private static readonly DateOnly TestToday = Luoshi.Tests.Infrastructure.TestApp.Today;
}
