using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Luoshi.Data;
using Luoshi.Features.Desk;
using Luoshi.Features.Organisation;
using Luoshi.Features.Requests;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Bench;

/// <summary>
/// The 待办 page in a 100k-task bureau: a staff member responsible for his section's ~200 open tasks,
/// the section head, the leader in charge of 25 sections, and the office; one task in twenty not yet
/// signed, 2 % of open tasks with a pending extension request and 0.5 % with a completion claim.
/// The page is fetched over HTTP with a signed-in cookie and rendered in full (header count included);
/// the header count alone (one COUNT per source) is timed in-process, as every page pays it.
/// </summary>
internal static partial class DeskBench
{
    public static async Task RunAsync(string maintenanceConnection, int seconds)
    {
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        await using var server = await BenchServer.StartAsync(maintenanceConnection);
        var data = await Generator.FillAsync(server, new BenchOptions(maintenanceConnection, 100_000, 500, 1, TimeSpan.FromSeconds(seconds), false));
        var people = await PrepareAsync(server, data);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"data: {data.Tasks:N0} tasks, {data.Sections:N0} sections; {people.Summary}"));

        var results = new List<Result>();
        var counts = new List<string>();
        foreach (var (role, login, viewer) in people.Logins)
        {
            var client = await server.SignInAsync(login);
            var page = await client.GetStringAsync("/Desk");
            var total = Regex.Match(page, "共 (\\d+) 项").Groups[1].Value;
            await Scenarios.Run("warm-up", client, 1, TimeSpan.FromSeconds(2), (_, c) => c.GetAsync("/Desk"));
            results.Add(await Scenarios.Run($"/Desk, {role} ({total} 项待办)", client, 1, TimeSpan.FromSeconds(seconds), (_, c) => c.GetAsync("/Desk")));
            counts.Add(await HeaderCountAsync(server, role, viewer));
        }

        Console.WriteLine();
        Console.WriteLine(Table.Render(results));
        Console.WriteLine("header count (sum of every source's COUNT, in-process, 300 times):");
        counts.ForEach(Console.WriteLine);
    }

    private sealed record People(string Summary, List<(string Role, string Login, Viewer Viewer)> Logins);

    private static async Task<People> PrepareAsync(BenchServer server, BenchData data)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LuoshiDb>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var unit = data.UnitId;
        var section = data.SectionIds[7];
        var now = DateTime.UtcNow;
        // Most tasks signed for long ago; one in twenty still waits for its section.
        await db.Database.ExecuteSqlInterpolatedAsync($"""UPDATE "Tasks" SET "AssignedSectionId" = "LeadSectionId", "SignedAt" = {now}, "SignDueBy" = NULL WHERE "UnitId" = {unit} AND "Id" % 20 <> 0""");
        await db.Database.ExecuteSqlInterpolatedAsync($"""UPDATE "Tasks" SET "AssignedSectionId" = "LeadSectionId", "SignDueBy" = "StartDate" + 3 WHERE "UnitId" = {unit} AND "Id" % 20 = 0""");

        var open = await db.Tasks.Where(t => t.UnitId == unit && t.CompletedOn == null).OrderBy(t => t.Id)
            .Select(t => new { t.Id, t.DueDate, t.ResponsiblePersonId, Report = db.Reports.Where(r => r.TaskId == t.Id).Select(r => r.Id).FirstOrDefault() }).ToListAsync();
        var extensions = open.Where((_, i) => i % 50 == 3).Select(t => new ExtensionRequest
        {
            UnitId = unit, TaskId = t.Id, RequestedById = t.ResponsiblePersonId!.Value, RequestedAt = now, CurrentDueDate = t.DueDate,
            NewDueDate = t.DueDate.AddDays(30), Reason = "配套资金下月到位，申请延期一个月。",
        }).ToList();
        var completions = open.Where((_, i) => i % 200 == 7).Select(t => new CompletionRequest
        {
            UnitId = unit, TaskId = t.Id, ReportId = t.Report, RequestedById = t.ResponsiblePersonId!.Value, RequestedAt = now, ClaimedOn = DateOnly.FromDateTime(now),
        }).ToList();
        db.ExtensionRequests.AddRange(extensions);
        db.CompletionRequests.AddRange(completions);
        await db.SaveChangesAsync();
        await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE");

        var staff = await db.People.Where(p => p.UnitId == unit && p.SectionId == section && p.Role == Role.Staff).SingleAsync();
        var head = await db.People.Where(p => p.UnitId == unit && p.SectionId == section && p.Role == Role.SectionHead).SingleAsync();
        var leaderId = await db.LeaderCharges.Where(c => c.UnitId == unit && c.SectionId == section).Select(c => c.LeaderId).FirstAsync();
        var leader = await db.People.SingleAsync(p => p.Id == leaderId);
        var admin = await db.People.Where(p => p.UnitId == unit && p.Role == Role.Admin).SingleAsync();
        await users.CreateAsync(new AppUser { UserName = "bench-staff", UnitId = unit, PersonId = staff.Id }, data.Password);
        await users.CreateAsync(new AppUser { UserName = "bench-leader", UnitId = unit, PersonId = leader.Id }, data.Password);
        var charges = await db.LeaderCharges.Where(c => c.LeaderId == leader.Id).Select(c => c.SectionId).ToListAsync();
        var staffTasks = await db.Tasks.CountAsync(t => t.UnitId == unit && t.ResponsiblePersonId == staff.Id && t.CompletedOn == null);
        return new People(
            $"the staff member is responsible for {staffTasks} open tasks; {extensions.Count:N0} pending extension requests, {completions.Count:N0} completion claims",
            [
                ("staff", "bench-staff", new Viewer(staff.Id, unit, staff.Name, staff.Role, staff.SectionId, [])),
                ("section head", data.HeadLogin, new Viewer(head.Id, unit, head.Name, head.Role, head.SectionId, [])),
                ("leader", "bench-leader", new Viewer(leader.Id, unit, leader.Name, leader.Role, null, charges)),
                ("office", data.AdminLogin, new Viewer(admin.Id, unit, admin.Name, admin.Role, admin.SectionId, [])),
            ]);
    }

    private static async Task<string> HeaderCountAsync(BenchServer server, string role, Viewer viewer)
    {
        var times = new List<double>();
        var total = 0;
        for (var i = 0; i < 300; i++)
        {
            await using var scope = server.Services.CreateAsyncScope();
            var desk = scope.ServiceProvider.GetRequiredService<DeskCounts>();
            var started = Stopwatch.GetTimestamp();
            total = await desk.TotalAsync(viewer);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        var sorted = times.Skip(20).Order().ToArray();
        return string.Create(CultureInfo.InvariantCulture, $"  {role}: {total} items, median {sorted[sorted.Length / 2]:F2} ms, p99 {sorted[(int)(sorted.Length * 0.99)]:F2} ms");
    }

}
