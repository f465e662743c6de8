using System.Diagnostics;
using System.Globalization;
using Luoshi.Data;
using Luoshi.Features.Dashboard;
using Luoshi.Features.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Bench;

/// <summary>
/// What the unit query filter costs: the dashboard query of a 100k-task bureau run in-process, once
/// with the context knowing its unit (the filter on, as in a signed-in request) and once without (the
/// filter folded away), interleaved in rounds so that a busy machine weighs on both alike.
/// </summary>
internal static class FilterBench
{
    public static async Task RunAsync(string maintenanceConnection)
    {
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        await using var server = await BenchServer.StartAsync(maintenanceConnection);
        var data = await Generator.FillAsync(server, new BenchOptions(maintenanceConnection, 100_000, 500, 1, TimeSpan.FromSeconds(1), false));
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LuoshiDb>();
        var admin = await db.People.SingleAsync(p => p.UnitId == data.UnitId && p.Role == Role.Admin);
        var head = await db.People.FirstAsync(p => p.UnitId == data.UnitId && p.Role == Role.SectionHead);
        var viewers = new[]
        {
            ("office", new Viewer(admin.Id, data.UnitId, admin.Name, admin.Role, admin.SectionId, [])),
            ("section head", new Viewer(head.Id, data.UnitId, head.Name, head.Role, head.SectionId, [])),
        };
        var today = DateOnly.FromDateTime(DateTime.Today);
        Console.WriteLine("| dashboard query, in-process | filter | runs | median ms | p90 ms |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: |");
        foreach (var (role, viewer) in viewers)
        {
            var on = new List<double>();
            var off = new List<double>();
            for (var round = 0; round < 6; round++)
            {
                await TimeAsync(server, viewer, today, CurrentUnit.Of(data.UnitId), round == 0 ? null : on);
                await TimeAsync(server, viewer, today, null, round == 0 ? null : off);
            }

            Console.WriteLine(Row(role, "on (unit known)", on));
            Console.WriteLine(Row(role, "off (no unit)", off));
        }
    }

    private static async Task TimeAsync(BenchServer server, Viewer viewer, DateOnly today, CurrentUnit? unit, List<double>? times)
    {
        for (var i = 0; i < 200; i++)
        {
            await using var scope = server.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LuoshiDb>();
            db.CurrentUnit = unit;
            var started = Stopwatch.GetTimestamp();
            await DashboardQuery.LoadAsync(db, viewer, today, default);
            times?.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    private static string Row(string role, string filter, List<double> times)
    {
        times.Sort();
        return string.Create(CultureInfo.InvariantCulture, $"| {role} | {filter} | {times.Count} | {times[times.Count / 2]:F2} | {times[times.Count * 9 / 10]:F2} |");
    }
}
