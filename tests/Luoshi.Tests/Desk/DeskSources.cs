using Luoshi.Data;
using Luoshi.Features.Desk;
using Luoshi.Features.Notices;
using Luoshi.Features.Organisation;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Tests.Desk;

/// <summary>What one source holds for one person of a test bureau, asked as the desk asks it.</summary>
internal static class DeskSources
{
    public static async Task<(int Count, IReadOnlyList<ToDoItem> Items)> OfAsync<TSource>(Bureau b, string key) where TSource : IToDoSource
    {
        await using var scope = b.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LuoshiDb>();
        var person = await db.People.AsNoTracking().Include(p => p.Charges).SingleAsync(p => p.Id == b.Person(key));
        var viewer = new Viewer(person.Id, person.UnitId, person.Name, person.Role, person.SectionId, [.. person.Charges.Select(c => c.SectionId)]);
        var source = scope.ServiceProvider.GetServices<IToDoSource>().OfType<TSource>().Single();
        var count = await source.CountAsync(viewer, default);
        var items = await source.ListAsync(viewer, 50, default);
        Assert.Equal(count, items.Count);
        return (count, items);
    }

    /// <summary>Whether the source lists the task for the person (and counts it).</summary>
    public static async Task<bool> HoldsAsync<TSource>(Bureau b, string key, int taskId) where TSource : IToDoSource
    {
        var (_, items) = await OfAsync<TSource>(b, key);
        return items.Any(i => i.Href.StartsWith($"/Tasks/{taskId}", StringComparison.Ordinal) || i.Href == $"/Appeals/{taskId}");
    }

    /// <summary>The notices of one kind a person holds about one task.</summary>
    public static Task<List<Notice>> NoticesAsync(Bureau b, string key, NoticeKind kind, int taskId) =>
        b.WithDbAsync(d => d.Notices.AsNoTracking().Where(n => n.RecipientId == b.Person(key) && n.Kind == kind && n.TaskId == taskId).ToListAsync());
}
