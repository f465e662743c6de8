using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Recheck;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Demo;

/// <summary>回头看 through the same code as the pages and the job: a closed task re-checked today and
/// found to hold (通过), and another closed task with a re-check scheduled months ahead.</summary>
internal static class DemoRecheck
{
    public static async Task AddAsync(IServiceProvider services, Viewer office, DateOnly today)
    {
        var db = services.GetRequiredService<LuoshiDb>();
        var rechecks = services.GetRequiredService<Rechecks>();
        var closed = await db.Tasks.AsNoTracking().Where(t => t.UnitId == office.UnitId && t.CompletedOn != null && t.Kind != WorkKind.Recheck)
            .OrderBy(t => t.Id).Select(t => new { t.Id, CompletedOn = t.CompletedOn!.Value }).Take(2).ToListAsync();
        if (closed.Count < 2)
        {
            return;
        }

        var done = (await rechecks.ScheduleAsync(office, new RecheckInput { TaskId = closed[0].Id, On = today, What = "办结事项是否落实到位，有无反弹。" })).Must("schedule a re-check for today");
        await rechecks.StartDueAsync(office.UnitId);
        (await rechecks.ConcludeAsync(office, done.Id, new RecheckConclusionInput { Passed = true })).Must("conclude the demo re-check");

        var months = Enumerable.Range(1, 24).First(m => closed[1].CompletedOn.AddMonths(m) > today);
        (await rechecks.ScheduleAsync(office, new RecheckInput { TaskId = closed[1].Id, Months = months, What = "整改成效是否巩固，长效机制是否建立。" })).Must("schedule a later re-check");
    }
}
