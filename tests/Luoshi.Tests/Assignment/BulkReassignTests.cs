using System.Net;
using System.Net.Http.Json;
using Luoshi.Tests.Infrastructure;
using Luoshi.Tests.Record;
using Luoshi.Tests.Requests;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Tests.Assignment;

/// <summary>批量改派: every open task of a person or a section moves at once, counted first, once per confirm.</summary>
public class BulkReassignTests
{
    private static readonly DateOnly Today = TestApp.Today;

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task APersonsOpenTasksMoveOnceWithAHistoryLineEachAndTheirSigningStartsAgain(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var tasks = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            tasks.Add((await b.TaskAsync(b.SectionA, Today.AddDays(-30), Today.AddDays(60 + i), change: t => t.ResponsiblePersonId = b.Person("staffA"))).Id);
        }

        var done = await b.TaskAsync(b.SectionA, Today.AddDays(-30), Today.AddDays(60), change: t => t.ResponsiblePersonId = b.Person("staffA"));
        await RequestsTests.CompleteAsync(b, done.Id);
        var other = await b.TaskAsync(b.SectionA, Today.AddDays(-30), Today.AddDays(60), change: t => t.ResponsiblePersonId = b.Person("headA"));
        var head = await b.ApiAsync("headA");
        foreach (var id in tasks)
        {
            Assert.Equal(HttpStatusCode.OK, (await head.PostAsync($"/api/tasks/{id}/sign", null)).StatusCode);
        }

        var move = new { fromPersonId = b.Person("staffA"), toPersonId = b.Person("headA"), reason = "A科员调离，工作由A科长接手" };
        await (await head.PostAsJsonAsync("/api/reassignments/preview", move)).AssertProblemAsync(HttpStatusCode.Forbidden);
        var admin = await b.ApiAsync("admin");
        var preview = await (await admin.PostAsJsonAsync("/api/reassignments/preview", move)).ReadJsonAsync();
        Assert.Equal(3, preview.GetProperty("count").GetInt32());
        Assert.Equal(tasks.Order(), preview.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("id").GetInt32()).Order());
        Assert.Equal(0, await b.WithDbAsync(d => d.Reassignments.CountAsync(r => r.UnitId == b.UnitId)));

        Assert.NotEmpty((await (await admin.PostAsJsonAsync("/api/reassignments", move)).AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorsOf("BatchKey"));
        var key = Guid.NewGuid();
        var confirm = new { move.fromPersonId, move.toPersonId, move.reason, batchKey = key, expectedCount = 3 };
        var confirmed = await admin.PostAsJsonAsync("/api/reassignments", confirm);
        Assert.True(confirmed.IsSuccessStatusCode, await confirmed.Content.ReadAsStringAsync());
        var first = await confirmed.ReadJsonAsync();
        Assert.Equal((3, true, false), (first.GetProperty("count").GetInt32(), first.GetProperty("done").GetBoolean(), first.GetProperty("repeated").GetBoolean()));
        // The same confirm again (a double click, a retry): nothing moves twice.
        var again = await (await admin.PostAsJsonAsync("/api/reassignments", confirm)).ReadJsonAsync();
        Assert.Equal((3, true), (again.GetProperty("count").GetInt32(), again.GetProperty("repeated").GetBoolean()));

        var stored = await b.WithDbAsync(d => d.Tasks.AsNoTracking().Where(t => tasks.Contains(t.Id)).ToListAsync());
        Assert.All(stored, t => Assert.Equal((b.Person("headA"), b.SectionA, Today, (DateTime?)null), (t.ResponsiblePersonId, t.LeadSectionId, t.AssignedOn, t.SignedAt)));
        Assert.All(stored, t => Assert.NotNull(t.SignDueBy));
        Assert.Equal(b.Person("staffA"), await b.WithDbAsync(d => d.Tasks.Where(t => t.Id == done.Id).Select(t => t.ResponsiblePersonId).SingleAsync()));
        Assert.Equal(3, await b.WithDbAsync(d => d.Reassignments.CountAsync(r => r.UnitId == b.UnitId && r.BatchKey == key)));
        foreach (var id in tasks)
        {
            Assert.Equal(1, await b.WithDbAsync(d => d.TaskEvents.CountAsync(e => e.TaskId == id && e.Kind == "reassign" && e.Summary.Contains("责任人由A科员改为A科长"))));
        }

        // The section as a whole to C, without a person yet; the preview count must still hold at the confirm.
        var section = new { fromSectionId = b.SectionA, toSectionId = b.SectionC, reason = "机构调整，A科并入C科" };
        Assert.Equal(4, (await (await admin.PostAsJsonAsync("/api/reassignments/preview", section)).ReadJsonAsync()).GetProperty("count").GetInt32());
        var stale = await admin.PostAsJsonAsync("/api/reassignments", new { section.fromSectionId, section.toSectionId, section.reason, batchKey = Guid.NewGuid(), expectedCount = 3 });
        Assert.Contains("请重新预览", (await stale.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        var sectionKey = Guid.NewGuid();
        var body = new { section.fromSectionId, section.toSectionId, section.reason, batchKey = sectionKey, expectedCount = 4 };
        var both = await Task.WhenAll(admin.PostAsJsonAsync("/api/reassignments", body), admin.PostAsJsonAsync("/api/reassignments", body));
        Assert.All(both, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(4, await b.WithDbAsync(d => d.Reassignments.CountAsync(r => r.BatchKey == sectionKey)));
        var inC = await b.WithDbAsync(d => d.Tasks.AsNoTracking().Where(t => t.UnitId == b.UnitId && t.CompletedOn == null).ToListAsync());
        Assert.All(inC, t => Assert.Equal((b.SectionC, (int?)null), (t.LeadSectionId, t.ResponsiblePersonId)));
        Assert.Contains(inC, t => t.Id == other.Id);

        await RecordTests.SealAsync(b);
        Assert.True((await RecordTests.VerifyAsync(b)).Intact);
        Assert.Equal(7, await b.WithDbAsync(d => d.RecordEntries.CountAsync(e => e.UnitId == b.UnitId && e.Kind == "reassignment")));
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task ABulk改派NeedsOneSourceAndATargetInTheRightSection(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var admin = await b.ApiAsync("admin");
        var neither = await (await admin.PostAsJsonAsync("/api/reassignments/preview", new { toSectionId = b.SectionB })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(neither.ErrorsOf("FromPersonId"));
        var wrong = await (await admin.PostAsJsonAsync("/api/reassignments/preview", new { fromSectionId = b.SectionA, toSectionId = b.SectionB, toPersonId = b.Person("staffC") })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("责任人应为新牵头科室的人员", wrong.ErrorsOf("ToPersonId"));
        var same = await (await admin.PostAsJsonAsync("/api/reassignments/preview", new { fromSectionId = b.SectionA, toSectionId = b.SectionA })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(same.ErrorsOf("ToSectionId"));
    }
}
