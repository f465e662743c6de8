using Luoshi.Data;
using Luoshi.Features.Lights;
using Luoshi.Features.Notices;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Tests.Data;

/// <summary>The light tally (Lights) and the record (Record) are written by save interceptors in the
/// save's transaction: they commit and roll back with the rows.</summary>
public class SaveInterceptorTests
{
    private static readonly DateOnly Today = TestApp.Today;

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AFailedSaveKeepsNeitherItsRowsNorTheirTallyAndLeavesNoTransactionOpen(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-10), Today.AddDays(100));
        var before = await TallyAsync(b);

        await using var scope = b.App.Services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<LuoshiDb>();
        var stored = await database.Tasks.SingleAsync(t => t.Id == task.Id);
        var light = stored.Light;
        stored.Light = light == Light.Red ? Light.Green : Light.Red;
        // A notice for nobody: its foreign key fails the save after the tally has been taken.
        database.Notices.Add(new Notice { UnitId = b.UnitId, RecipientId = -1, Kind = NoticeKind.Remind, Title = "无人", Body = "无人", CreatedAt = DateTime.UtcNow });

        await Assert.ThrowsAnyAsync<DbUpdateException>(() => database.SaveChangesAsync());

        Assert.Null(database.Database.CurrentTransaction);
        Assert.Equal(before, await TallyAsync(b));
        Assert.Equal(light, await b.WithDbAsync(d => d.Tasks.Where(t => t.Id == task.Id).Select(t => t.Light).SingleAsync()));
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TheTallyOfASaveInTheCallersTransactionGoesWithThatTransaction(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var task = await b.TaskAsync(b.SectionA, Today.AddDays(-10), Today.AddDays(100));
        var before = await TallyAsync(b);

        await using var scope = b.App.Services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<LuoshiDb>();
        await using var transaction = await database.Database.BeginTransactionAsync();
        var stored = await database.Tasks.SingleAsync(t => t.Id == task.Id);
        stored.Light = stored.Light == Light.Red ? Light.Green : Light.Red;
        await database.SaveChangesAsync();

        // The save neither committed nor replaced the caller's transaction.
        Assert.Same(transaction, database.Database.CurrentTransaction);
        var moved = await database.SectionLightCounts.AsNoTracking().Where(c => c.UnitId == b.UnitId && c.SectionId == b.SectionA && c.Light == stored.Light).Select(c => c.Count).SingleAsync();
        Assert.Equal(before.GetValueOrDefault((b.SectionA, stored.Light)) + 1, moved);

        await transaction.RollbackAsync();
        Assert.Equal(before, await TallyAsync(b));
    }

    private static async Task<Dictionary<(int Section, Light Light), int>> TallyAsync(Bureau b) =>
        (await b.WithDbAsync(d => d.SectionLightCounts.Where(c => c.UnitId == b.UnitId && c.Count != 0).ToListAsync()))
        .ToDictionary(c => (c.SectionId, c.Light), c => c.Count);
}
