using System.Net;
using Luoshi.Data;
using Luoshi.Features.Desk;
using Luoshi.Features.Directives;
using Luoshi.Features.Meetings;
using Luoshi.Features.Organisation;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Tests.Directives;

/// <summary>The 批示件 waits on the desk of whoever must act: the lead section until it reports (only
/// those of it who may read a restricted item), the office while the report waits to be presented.</summary>
public class DirectiveToDoTests
{
    /// <summary>What one source holds for one person, the viewer loaded with its facts as a request loads it.</summary>
    internal static async Task<(int Count, IReadOnlyList<ToDoItem> Items)> OfAsync<TSource>(Bureau b, string key) where TSource : IToDoSource
    {
        await using var scope = b.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LuoshiDb>();
        var person = await db.People.AsNoTracking().Include(p => p.Charges).SingleAsync(p => p.Id == b.Person(key));
        var viewer = new Viewer(person.Id, person.UnitId, person.Name, person.Role, person.SectionId, [.. person.Charges.Select(c => c.SectionId)]);
        foreach (var fact in scope.ServiceProvider.GetServices<IViewerFacts>())
        {
            viewer = await fact.AddToAsync(viewer, default);
        }

        var source = scope.ServiceProvider.GetServices<IToDoSource>().OfType<TSource>().Single();
        var count = await source.CountAsync(viewer, default);
        var items = await source.ListAsync(viewer, 50, default);
        Assert.Equal(count, items.Count);
        return (count, items);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TheLeadSectionOwesTheReportAndTheOfficePresentsIt(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var open = await DirectiveTests.CreateAsync(b);
        var restricted = await DirectiveTests.CreateAsync(b, "内部");

        var (count, items) = await OfAsync<DirectivesToReportSource>(b, "headA");
        Assert.Equal(2, count);
        Assert.Contains(items, i => i.Href == $"/Directives/{restricted}#report");
        // The lead section's staff owes the open one only: the restricted one is not theirs to read.
        Assert.Equal([$"/Directives/{open}#report"], (await OfAsync<DirectivesToReportSource>(b, "staffA")).Items.Select(i => i.Href));
        Assert.Equal(0, (await OfAsync<DirectivesToReportSource>(b, "staffB")).Count);
        // The section's other desks (待签收) do not name it to her either, and do to the head.
        Assert.DoesNotContain((await OfAsync<Luoshi.Features.Supervision.SignToDo>(b, "staffA")).Items, i => i.Href.StartsWith($"/Tasks/{restricted}", StringComparison.Ordinal));
        Assert.Contains((await OfAsync<Luoshi.Features.Supervision.SignToDo>(b, "staffA")).Items, i => i.Href.StartsWith($"/Tasks/{open}", StringComparison.Ordinal));
        Assert.Contains((await OfAsync<Luoshi.Features.Supervision.SignToDo>(b, "headA")).Items, i => i.Href.StartsWith($"/Tasks/{restricted}", StringComparison.Ordinal));
        Assert.Equal(0, (await OfAsync<DirectivesToReportSource>(b, "admin")).Count);
        Assert.Equal(0, (await OfAsync<DirectivesToPresentSource>(b, "admin")).Count);

        var head = await b.ApiAsync("headA");
        Assert.Equal(HttpStatusCode.Created, (await DirectiveTests.ReportAsync(head, restricted, 1)).StatusCode);
        Assert.Equal(1, (await OfAsync<DirectivesToReportSource>(b, "headA")).Count);
        var present = await OfAsync<DirectivesToPresentSource>(b, "admin");
        Assert.Equal([$"/Directives/{restricted}#response"], present.Items.Select(i => i.Href));
        Assert.Equal(0, (await OfAsync<DirectivesToPresentSource>(b, "headA")).Count);
        Assert.Equal(0, (await OfAsync<DirectivesToPresentSource>(b, "leader")).Count);

        // 再次批示 puts it back on the section's desk for round 2 and off the office's.
        var admin = await b.ApiAsync("admin");
        Assert.Equal(HttpStatusCode.OK, (await DirectiveTests.RespondAsync(admin, restricted, 1, "再次批示", "再研究", DirectiveTests.Day(20))).StatusCode);
        Assert.Equal(0, (await OfAsync<DirectivesToPresentSource>(b, "admin")).Count);
        Assert.Contains((await OfAsync<DirectivesToReportSource>(b, "headA")).Items, i => i.Href == $"/Directives/{restricted}#report" && i.Detail!.Contains("第2轮", StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task ADecisionDueWithinAWeekWaitsForItsLeadSection(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var admin = await b.ApiAsync("admin");
        await Meetings.MeetingTests.CreateAsync(admin, b, soonDays: 3, laterDays: 40);
        var (count, items) = await OfAsync<DecisionsDueSource>(b, "headA");
        Assert.Equal(1, count);
        Assert.EndsWith("第1项", Assert.Single(items).Detail, StringComparison.Ordinal);
        Assert.Equal(0, (await OfAsync<DecisionsDueSource>(b, "headB")).Count);
        Assert.Equal(0, (await OfAsync<DecisionsDueSource>(b, "admin")).Count);
    }
}
