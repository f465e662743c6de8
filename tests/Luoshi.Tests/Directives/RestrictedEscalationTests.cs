using System.Net.Http.Json;
using Luoshi.Features.Supervision;
using Luoshi.Tests.Infrastructure;
using Luoshi.Tests.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Tests.Directives;

/// <summary>
/// A 批示件 under a 知悉范围 that falls overdue is chased like any item, but its 督办 is told only to people
/// who may read it: the lead section and the lead leader, not the rest of the office and not the leaders
/// in charge of the section; an open item's 督办 still reaches the office.
/// </summary>
public class RestrictedEscalationTests
{
    private static readonly DateOnly Today = TestApp.Today;

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task ARestricted督办ReachesOnlyItsReaders(string db)
    {
        var b = await Bureau.CreateAsync(db);
        await DirectiveTests.OtherOfficeAsync(b);
        var restricted = await DirectiveTests.CreateAsync(b, "内部", readers: [b.Person("staffB")]);
        var open = await DirectiveTests.CreateAsync(b);
        // Both fell due two weeks ago, under plans supervised from the start of the year.
        await b.WithDbAsync(async d =>
        {
            var ids = new[] { restricted, open };
            await d.Tasks.Where(t => t.UnitId == b.UnitId && ids.Contains(t.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.StartDate, Today.AddDays(-60)).SetProperty(t => t.DueDate, Today.AddDays(-14)).SetProperty(t => t.DueBy, Today.AddDays(-14)));
            return await d.Plans.Where(p => p.UnitId == b.UnitId).ExecuteUpdateAsync(s => s.SetProperty(p => p.SupervisedFrom, new DateOnly(Today.Year, 1, 1)));
        });

        await Travel.EscalateAsync(b);

        // Everyone a 督办 of the task reached, by its own notice or as a line of a digest.
        async Task<List<string>> ToldAsync(int task) => await b.WithDbAsync(async d =>
        {
            var steps = await d.EscalationSteps.Where(s => s.UnitId == b.UnitId && s.TaskId == task && s.Step == StepKind.Supervise).Select(s => (long?)s.Id).ToListAsync();
            var digests = await d.NoticeDigestItems.Where(i => i.UnitId == b.UnitId && steps.Contains(i.StepId)).Select(i => i.NoticeId).ToListAsync();
            var people = await d.Notices.Where(n => n.UnitId == b.UnitId && (steps.Contains(n.StepId) || digests.Contains(n.Id))).Select(n => n.RecipientId).ToListAsync();
            return await d.People.Where(p => people.Contains(p.Id)).Select(p => p.Name).ToListAsync();
        });

        var toldOfOpen = await ToldAsync(open);
        var toldOfRestricted = await ToldAsync(restricted);
        Assert.Contains("办公室管理员", toldOfOpen);
        Assert.Contains("办公室另一位同事", toldOfOpen);
        Assert.Contains("分管领导", toldOfRestricted);
        Assert.Contains("A科长", toldOfRestricted);
        Assert.DoesNotContain("办公室另一位同事", toldOfRestricted);
        Assert.DoesNotContain("办公室管理员", toldOfRestricted);

        // The section's answer to each 督办单 goes to the office as far as it may read the item: the whole
        // office for the open one, only the registrar (a reader) for the restricted one.
        var head = await b.ApiAsync("headA");
        async Task<List<string>> ReplyToldAsync(int task)
        {
            var sheet = await b.WithDbAsync(d => d.EscalationSteps.Where(s => s.UnitId == b.UnitId && s.TaskId == task && s.Sequence != null).Select(s => s.Id).FirstAsync());
            Assert.Equal(System.Net.HttpStatusCode.Created, (await head.PostAsJsonAsync($"/api/sheets/{sheet}/replies", new { text = "已召开专题会研究落实" })).StatusCode);
            return await b.WithDbAsync(d => d.Notices.Where(n => n.UnitId == b.UnitId && n.TaskId == task && n.Kind == Luoshi.Features.Notices.NoticeKind.SheetReply)
                .Join(d.People, n => n.RecipientId, p => p.Id, (n, p) => p.Name).ToListAsync());
        }

        Assert.Equal(["办公室另一位同事", "办公室管理员"], (await ReplyToldAsync(open)).Order(StringComparer.Ordinal));
        Assert.Equal(["办公室管理员"], await ReplyToldAsync(restricted));
    }
}
