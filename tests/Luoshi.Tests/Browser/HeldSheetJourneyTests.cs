using Luoshi.Features.Supervision;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Tests.Browser;

/// <summary>
/// A mass 督办 held for the office, in the browser: the run finds more 督办单 due than the app's
/// threshold (10 here), holds them, and the office meets them on its 待办, opens the confirmation page
/// (desk and phone), sees them by section and sends them with 确认发出; the register then lists them numbered.
/// </summary>
public class HeldSheetJourneyTests
{
    [Fact]
    public async Task TheOfficeConfirmsAHeldMass督办FromItsDeskAndTheSheetsAreNumbered()
    {
        var site = await DemoSite.ForAsync("firstday-browser");
        var office = await site.PersonAsync("office");
        var plan = await site.QueryAsync(db => db.Plans.Where(p => p.UnitId == office.UnitId && p.LedgerKind == null).Select(p => p.Id).FirstAsync());
        var section = await site.QueryAsync(db => db.Sections.Where(s => s.UnitId == office.UnitId).Select(s => s.Id).FirstAsync());
        await using (var scope = site.App.Services.CreateAsyncScope())
        {
            var editor = scope.ServiceProvider.GetRequiredService<TaskEditor>();
            var viewer = new Luoshi.Features.Organisation.Viewer(office.Id, office.UnitId, office.Name, office.Role, office.SectionId, []);
            var today = scope.ServiceProvider.GetRequiredService<Luoshi.Features.Shared.BureauClock>().Today;
            for (var i = 0; i < 11; i++)
            {
                var created = await editor.CreateAsync(viewer, new TaskInput
                {
                    PlanId = plan, Title = $"逾期未办结的任务第{FormChecks.Unique()}项", LeadSectionId = section, StartDate = today.AddDays(-60), DueDate = today.AddDays(-20),
                }, []);
                Assert.Equal(Luoshi.Features.Shared.OutcomeKind.Ok, created.Kind);
            }

            var summary = await scope.ServiceProvider.GetRequiredService<EscalationRun>().RunAsync(office.UnitId);
            Assert.True(summary.Held >= 11 && summary.Supervisions == 0, summary.ToString());
        }

        var held = await site.QueryAsync(db => db.HeldSheets.CountAsync(h => h.UnitId == office.UnitId));
        await using var journey = await site.AsAsync("office");
        await journey.OpenAsync("/Desk");
        var box = journey.Page.Locator("section.desk-box:has(h2:text('待确认督办单'))");
        Assert.Contains($"待确认发出的督办单 {held} 份", await box.InnerTextAsync());
        await journey.SubmitAsync("section.desk-box:has(h2:text('待确认督办单')) a[href='/Supervision/Held']");
        Assert.Equal(journey.BaseUrl + "/Supervision/Held", journey.Page.Url);
        Assert.Equal(held.ToString(System.Globalization.CultureInfo.InvariantCulture), await journey.Page.Locator("#held-total").InnerTextAsync());
        await journey.AssertCleanAsync();
        await using (var phone = await site.AsAsync("office", Screen.Phone))
        {
            await phone.OpenAsync("/Supervision/Held");
            await phone.AssertCleanAsync();
        }

        await journey.SubmitAsync("main form[action*='handler=Confirm'] button");
        Assert.Equal(journey.BaseUrl + "/Supervision/Register", journey.Page.Url);
        Assert.Contains($"已确认发出 {held} 份督办单", await journey.Page.Locator(".notice").InnerTextAsync());
        Assert.Equal(0, await site.QueryAsync(db => db.HeldSheets.CountAsync(h => h.UnitId == office.UnitId)));
        var numbered = await site.QueryAsync(db => db.EscalationSteps.CountAsync(s => s.UnitId == office.UnitId && s.Step == StepKind.Supervise && s.Sequence != null && s.Source == StepSource.Auto));
        Assert.True(numbered >= held, $"{numbered} < {held}");
        journey.AssertNoUnexpectedResponses();
    }
}
