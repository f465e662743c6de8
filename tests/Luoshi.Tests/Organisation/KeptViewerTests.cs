using System.Net;
using System.Net.Http.Json;
using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Tests.Organisation;

/// <summary>
/// The viewer and the 待办 counts are kept for a few seconds between requests (see
/// <see cref="WriteGeneration"/>): every change that decides who sees what must still show on the very
/// next request, with the same cookie or token, well within the keeping time.
/// </summary>
public class KeptViewerTests
{
    private static readonly DateOnly Today = TestApp.Today;

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task ASectionMoveIsSeenOnTheVeryNextRequest(string provider)
    {
        var b = await Bureau.CreateAsync(provider);
        var ofA = await b.TaskAsync(b.SectionA, Today.AddDays(-10), Today.AddDays(30));
        var ofB = await b.TaskAsync(b.SectionB, Today.AddDays(-10), Today.AddDays(30));
        var staff = await b.ApiAsync("staffA");
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/api/tasks/{ofA.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/api/tasks/{ofB.Id}")).StatusCode);

        await ChangePersonAsync(b, "staffA", ("Input.SectionId", b.SectionB.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/api/tasks/{ofA.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/api/tasks/{ofB.Id}")).StatusCode);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task ALeadersNewChargeIsSeenOnTheVeryNextPage(string provider)
    {
        var b = await Bureau.CreateAsync(provider);
        var ofB = await b.TaskAsync(b.SectionB, Today.AddDays(-10), Today.AddDays(30));
        var leader = await b.PagesAsync("leader");
        Assert.Equal(HttpStatusCode.NotFound, (await leader.GetAsync($"/Tasks/{ofB.Id}")).StatusCode);

        await ChangePersonAsync(b, "leader", ("Input.ChargedSectionIds", b.SectionB.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync($"/Tasks/{ofB.Id}")).StatusCode);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task ANewCooperatingSectionSeesTheTaskOnItsVeryNextRequest(string provider)
    {
        var b = await Bureau.CreateAsync(provider);
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-10), Today.AddDays(30));
        var staffB = await b.ApiAsync("staffB");
        Assert.Equal(HttpStatusCode.NotFound, (await staffB.GetAsync($"/api/tasks/{task.Id}")).StatusCode);

        var admin = await b.ApiAsync("admin");
        var update = new
        {
            planId = b.PlanId, title = task.Title, leadSectionId = b.SectionA, startDate = task.StartDate, dueDate = task.DueDate,
            cooperations = new[] { new { sectionId = b.SectionB, part = "配合调研" } },
        };
        var saved = await admin.PutAsJsonAsync($"/api/tasks/{task.Id}", update);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await staffB.GetAsync($"/api/tasks/{task.Id}")).StatusCode);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task ADeactivationOutsideTheFormsIsSeenOnTheVeryNextRequestToo(string provider)
    {
        // A bulk update (ExecuteUpdate) does not go through SaveChanges; the command itself moves the generation.
        var b = await Bureau.CreateAsync(provider);
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-10), Today.AddDays(30));
        var staff = await b.ApiAsync("staffA");
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/api/tasks/{task.Id}")).StatusCode);
        var moved = b.SectionC;

        await b.WithDbAsync(db => db.People.Where(p => p.Id == b.Person("staffA")).ExecuteUpdateAsync(s => s.SetProperty(p => p.SectionId, moved)));
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/api/tasks/{task.Id}")).StatusCode);

        await b.WithDbAsync(db => db.People.Where(p => p.Id == b.Person("staffA")).ExecuteUpdateAsync(s => s.SetProperty(p => p.IsActive, false)));
        Assert.NotEqual(HttpStatusCode.OK, (await staff.GetAsync($"/api/tasks/{task.Id}")).StatusCode);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task ARequestShowsInTheDecidersBadgeOnHisVeryNextPage(string provider)
    {
        var b = await Bureau.CreateAsync(provider);
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-30), Today.AddDays(5), change: t => t.LeadLeaderId = b.Person("leader"));
        var leader = await b.PagesAsync("leader");
        Assert.DoesNotContain("id=\"todo-count\"", await leader.GetHtmlAsync("/"));
        Assert.DoesNotContain("id=\"todo-count\"", await leader.GetHtmlAsync("/Tasks"));

        var asked = await (await b.ApiAsync("staffA")).PostAsJsonAsync($"/api/tasks/{task.Id}/extensions", new { newDueDate = Today.AddDays(40), reason = "等待省里批复" });
        Assert.Equal(HttpStatusCode.Created, asked.StatusCode);

        Assert.Contains("id=\"todo-count\">1<", await leader.GetHtmlAsync("/Tasks"));
    }

    [Theory]
    [InlineData("SELECT t.\"Id\" FROM \"Tasks\" AS t", false)]
    [InlineData("  select count(*) from \"People\"", false)]
    [InlineData("UPDATE \"People\" SET \"SectionId\" = @p WHERE \"Id\" = @id", true)]
    [InlineData("INSERT INTO \"TaskCooperations\" (\"TaskId\") VALUES (@p0) RETURNING \"Id\"", true)]
    [InlineData("DELETE FROM \"LeaderCharges\" WHERE \"LeaderId\" = @p", true)]
    [InlineData("WITH moved AS (UPDATE \"People\" SET \"Role\" = 1 RETURNING 1) SELECT count(*) FROM moved", true)]
    [InlineData("SELECT t.\"UpdatedAt\", t.\"Inserted\" FROM \"Tasks\" AS t", false)]
    public void OnlyAPlainReadLeavesTheGenerationAlone(string sql, bool write) =>
        Assert.Equal(write, WriteGeneration.IsWrite(sql));

    /// <summary>A poll that finds nothing to do (the outbox's claim of no row, a sweep of nothing) keeps the
    /// kept pages kept: only a write that changed a row, or whose count is unknown, moves the generation.</summary>
    [Theory]
    [InlineData("UPDATE \"NoticeDeliveries\" SET \"ClaimedBy\" = @p WHERE FALSE", 0, false)]
    [InlineData("UPDATE \"NoticeDeliveries\" SET \"ClaimedBy\" = @p WHERE \"Id\" = 1", 1, true)]
    [InlineData("DELETE FROM \"HeldSheets\" WHERE \"UnitId\" = 1", null, true)]
    [InlineData("CREATE INDEX x ON y (z)", -1, true)]
    [InlineData("SELECT 1", 1, false)]
    public void AWriteThatChangedNoRowLeavesTheGenerationAlone(string sql, int? rows, bool moves) =>
        Assert.Equal(moves, WriteGeneration.Moves(sql, rows));

    /// <summary>The viewer and the session check are kept by the access generation, which only the writes
    /// that can change who someone is or what he or she sees move: a report's save (its row, its task's
    /// progress and light, the history line, the record) does not; a person, a charge, a session, a
    /// reader, a new task or a task's lead, leader, responsible person or restriction does.</summary>
    [Theory]
    [InlineData("INSERT INTO \"Reports\" (\"AuthorId\", \"TaskId\") VALUES (@p0, @p1) RETURNING \"Id\";\nUPDATE \"Tasks\" SET \"LastReportedAt\" = @p2, \"Light\" = @p3, \"Version\" = @p4\nWHERE \"Id\" = @p5 AND \"Version\" = @p6;\nINSERT INTO \"TaskEvents\" (\"TaskId\") VALUES (@p7) RETURNING \"Id\";", false)]
    [InlineData("INSERT INTO \"RecordEntries\" (\"Content\") VALUES (@p0) RETURNING \"Id\";", false)]
    [InlineData("UPDATE \"Tasks\" SET \"Version\" = \"Version\" WHERE \"UnitId\" = @p0 AND \"ResponsiblePersonId\" = @p1", false)]
    [InlineData("UPDATE \"Tasks\" AS t\nSET \"Light\" = @p\nFROM (SELECT 1 FROM \"Plans\") AS p\nWHERE t.\"LeadSectionId\" = 3", false)]
    [InlineData("INSERT INTO \"Reports\" (\"TaskId\") SELECT \"Id\" FROM \"Tasks\" WHERE \"Id\" = 1", false)]
    [InlineData("UPDATE \"Tasks\" SET \"ResponsiblePersonId\" = @p0, \"Version\" = @p1 WHERE \"Id\" = @p2", true)]
    [InlineData("UPDATE \"Tasks\" AS t\nSET \"Restricted\" = TRUE\nWHERE t.\"Id\" = 1", true)]
    [InlineData("UPDATE \"Reports\" SET \"Percent\" = 1;\nUPDATE \"Tasks\" SET \"LeadSectionId\" = @p0 WHERE \"Id\" = @p1;", true)]
    [InlineData("INSERT INTO \"Tasks\" (\"Title\") VALUES (@p0) RETURNING \"Id\"", true)]
    [InlineData("DELETE FROM \"Tasks\" WHERE \"Id\" = 1", true)]
    [InlineData("UPDATE \"People\" SET \"SectionId\" = @p WHERE \"Id\" = @id", true)]
    [InlineData("DELETE FROM \"AspNetUserTokens\" WHERE \"UserId\" = @p0", true)]
    [InlineData("UPDATE \"AspNetUsers\" SET \"SecurityStamp\" = @p0 WHERE \"Id\" = @p1", true)]
    [InlineData("INSERT INTO \"TaskReaders\" (\"TaskId\", \"PersonId\") VALUES (@p0, @p1)", true)]
    [InlineData("DELETE FROM \"TaskCooperations\" WHERE \"TaskId\" = @p0", false)]
    public void OnlyWritesThatDecideWhoSeesWhatMoveTheAccessGeneration(string sql, bool access) =>
        Assert.Equal(access, WriteGeneration.TouchesAccess(sql));

    private static async Task ChangePersonAsync(Bureau b, string key, params (string Field, string Value)[] changes)
    {
        var (admin, _) = await Luoshi.Tests.Account.Logins.SignInAsync(b.App, b.People["admin"].Login);
        var url = $"/Admin/Person/{b.Person(key)}";
        var fields = PageClient.FormFields(await admin.GetHtmlAsync(url));
        fields["Input.IsActive"] = "true";
        foreach (var (field, value) in changes)
        {
            fields[field] = value;
        }

        var saved = await admin.PostFormAsync(url, fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }
}
