using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Plans;
using Luoshi.Features.Record;
using Luoshi.Features.Reports;
using Luoshi.Features.Requests;
using Luoshi.Features.Tasks;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Luoshi.Tests.Concurrency;

/// <summary>A database that simultaneous requests left with duplicates upgrades cleanly, and its record still verifies.</summary>
public class UpgradeTests
{
    private const string Before = "RecordUnsealedIndex";

    private static LuoshiDb Open(string provider, string connection) => provider == "sqlite"
        ? new SqliteDb(new DbContextOptionsBuilder<SqliteDb>().UseSqlite(connection).Options)
        : new PostgresDb(new DbContextOptionsBuilder<PostgresDb>().UseNpgsql(connection).Options);

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task DuplicatePendingRequestsAreWithdrawnOnUpgradeKeepingTheEarliest(string provider)
    {
        var connection = provider == "sqlite" ? $"Data Source={Path.Combine(Path.GetTempPath(), $"luoshi-upgrade-{Guid.NewGuid():N}.db")}" : Postgres.NewDatabase();
        var now = DateTime.UtcNow;
        int unitId, taskId;
        long reportId;
        await using (var db = Open(provider, connection))
        {
            await db.Database.MigrateAsync();
            var unit = new Unit { Name = "升级测试局", CreatedAt = now };
            db.Units.Add(unit);
            await db.SaveChangesAsync();
            var section = new Section { UnitId = unit.Id, Name = "科室" };
            db.Sections.Add(section);
            await db.SaveChangesAsync();
            var person = new Person { UnitId = unit.Id, Name = "科员", Role = Role.Staff, SectionId = section.Id };
            var plan = new Plan { UnitId = unit.Id, Title = "要点", Year = 2026, CreatedAt = now };
            db.AddRange(person, plan);
            await db.SaveChangesAsync();
            var task = new WorkTask { UnitId = unit.Id, PlanId = plan.Id, Title = "任务", LeadSectionId = section.Id, AssignedSectionId = section.Id, StartDate = TestApp.Today, DueDate = TestApp.Today.AddDays(30), CreatedAt = now, UpdatedAt = now };
            db.Tasks.Add(task);
            await db.SaveChangesAsync();
            var report = new ProgressReport { UnitId = unit.Id, TaskId = task.Id, SectionId = section.Id, AuthorId = person.Id, PeriodStart = TestApp.Today, PeriodEnd = TestApp.Today, SubmittedAt = now, Progress = "完成", ClaimsCompletion = true };
            db.Reports.Add(report);
            await db.SaveChangesAsync();
            (unitId, taskId, reportId) = (unit.Id, task.Id, report.Id);

            // The schema as it was before this upgrade, which let simultaneous requests through.
            await db.GetService<IMigrator>().MigrateAsync(Before);
        }

        await using (var db = Open(provider, connection))
        {
            for (var i = 0; i < 3; i++)
            {
                var extension = new ExtensionRequest { UnitId = unitId, TaskId = taskId, RequestedById = 1, RequestedAt = now.AddSeconds(i), CurrentDueDate = TestApp.Today, NewDueDate = TestApp.Today.AddDays(60), Reason = "重复提交" };
                var completion = new CompletionRequest { UnitId = unitId, TaskId = taskId, ReportId = reportId, RequestedById = 1, RequestedAt = now.AddSeconds(i), ClaimedOn = TestApp.Today };
                db.AddRange(extension, completion);
                RecordChain.Append(db, unitId, "extension-request", extension, 1, extension.RequestedAt);
                RecordChain.Append(db, unitId, "completion-request", completion, 1, completion.RequestedAt);
                await db.SaveChangesAsync();
            }
        }

        await using (var db = Open(provider, connection))
        {
            await db.Database.MigrateAsync();
            var extensions = await db.ExtensionRequests.OrderBy(r => r.Id).Select(r => r.Status).ToListAsync();
            var completions = await db.CompletionRequests.OrderBy(r => r.Id).Select(r => r.Status).ToListAsync();
            Assert.Equal([RequestStatus.Pending, RequestStatus.Withdrawn, RequestStatus.Withdrawn], extensions);
            Assert.Equal([RequestStatus.Pending, RequestStatus.Withdrawn, RequestStatus.Withdrawn], completions);

            // Until start-up records the withdrawals, verify sees rows that differ from the record; after, it agrees.
            await DuplicateRequests.RecordWithdrawalsAsync(db, TimeProvider.System);
            await DuplicateRequests.RecordWithdrawalsAsync(db, TimeProvider.System);
            Assert.Equal(4, await db.RecordEntries.CountAsync(e => e.Kind.EndsWith("-withdrawn")));
            await RecordSealer.SealAllAsync(db);
            var verification = await Verifier.VerifyAsync(db, unitId, CancellationToken.None);
            Assert.True(verification.Intact, verification.FirstBroken?.ToString());

            // And the index now holds: a second pending request cannot be stored.
            db.ExtensionRequests.Add(new ExtensionRequest { UnitId = unitId, TaskId = taskId, RequestedById = 1, RequestedAt = now, CurrentDueDate = TestApp.Today, NewDueDate = TestApp.Today.AddDays(90), Reason = "再来一份" });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
    }
}
