using System.Globalization;
using Luoshi.Bench;

// Generates a large bureau into PostgreSQL, runs the app on Kestrel, and measures it over HTTP.
if (args.Length > 0 && args[0] == "outline")
{
    OutlineBench.Run(args.Length > 2 && args[1] == "--mb" ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1);
    return 0;
}

if (args.Length > 0 && args[0] == "index")
{
    IndexBench.Run(units: 300, indicators: 60, replications: 10_000);
    return 0;
}

if (args.Length > 2 && args[0] == "study" && args[1] == "--postgres")
{
    await StudyBench.RunAsync(args[2]);
    return 0;
}

if (args.Length > 2 && args[0] == "sheets" && args[1] == "--postgres")
{
    // sheets --postgres CONN [--size N]: the register of a unit with N 督办单 (default 10,000).
    await SheetsBench.RunAsync(args[2], args.Length > 4 && args[3] == "--size" ? int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture) : 10_000);
    return 0;
}

if (args.Length > 2 && args[0] == "bounded" && args[1] == "--postgres")
{
    // bounded --postgres CONN [--tasks 10000] [--scales 1,10] [--only record|visibility]: the record check and a holiday edit,
    // and a section staff member's lists against the history of his section's cooperations, at the base size and at multiples of it.
    var bounded = args.Skip(3).Chunk(2).Where(p => p.Length == 2).ToDictionary(p => p[0].TrimStart('-'), p => p[1]);
    var (boundedTasks, boundedScales) = (int.Parse(bounded.GetValueOrDefault("tasks", "10000"), CultureInfo.InvariantCulture),
        bounded.GetValueOrDefault("scales", "1,10").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray());
    var only = bounded.GetValueOrDefault("only");
    if (only is null or "record")
    {
        await BoundedBench.RunAsync(args[2], boundedTasks, boundedScales);
    }

    if (only is null or "visibility")
    {
        await BoundedBench.RunVisibilityAsync(args[2], boundedTasks, boundedScales);
    }

    return 0;
}

if (args.Length > 2 && args[0] == "filter" && args[1] == "--postgres")
{
    await FilterBench.RunAsync(args[2]);
    return 0;
}

if (args.Length > 2 && args[0] == "funnel" && args[1] == "--postgres")
{
    await FunnelBench.RunAsync(args[2]);
    return 0;
}

if (args.Length > 2 && args[0] == "desk" && args[1] == "--postgres")
{
    await DeskBench.RunAsync(args[2], args.Length > 4 && args[3] == "--seconds" ? int.Parse(args[4], CultureInfo.InvariantCulture) : 10);
    return 0;
}

if (args.Length > 2 && args[0] == "city" && args[1] == "--postgres")
{
    // city --postgres CONN [--units 500] [--tasks-per-unit 2000] [--reports-per-task 10] [--seconds 10]
    var city = args.Skip(3).Chunk(2).Where(p => p.Length == 2).ToDictionary(p => p[0].TrimStart('-'), p => int.Parse(p[1], CultureInfo.InvariantCulture));
    await CityBench.RunAsync(args[2], city.GetValueOrDefault("units", 500), city.GetValueOrDefault("tasks-per-unit", 2000),
        city.GetValueOrDefault("reports-per-task", 10), city.GetValueOrDefault("seconds", 10));
    return 0;
}

if (args.Length > 2 && args[0] == "assessment" && args[1] == "--postgres")
{
    // assessment --postgres CONN [--scale 1|10] [--tasks-per-year 2000] [--seconds 5]
    var assess = args.Skip(3).Chunk(2).Where(p => p.Length == 2).ToDictionary(p => p[0].TrimStart('-'), p => int.Parse(p[1], CultureInfo.InvariantCulture));
    await AssessmentBench.RunAsync(args[2], assess.GetValueOrDefault("scale", 1), assess.GetValueOrDefault("tasks-per-year", 2000), assess.GetValueOrDefault("seconds", 5));
    return 0;
}

if (args.Length > 2 && args[0] == "backlog" && args[1] == "--postgres")
{
    // backlog --postgres CONN [--tasks 10000] [--scales 1,10] [--batch 2000] [--seconds 5] [--one-transaction yes]: the first escalation run
    // over a backlog at the base size and at multiples of it, a client asking for task pages meanwhile.
    var backlog = args.Skip(3).Chunk(2).Where(p => p.Length == 2).ToDictionary(p => p[0].TrimStart('-'), p => p[1]);
    int Of(string key, int fallback) => backlog.TryGetValue(key, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
    await BacklogBench.RunAsync(args[2], Of("tasks", 10_000), [.. backlog.GetValueOrDefault("scales", "1,10").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))],
        Of("batch", 2000), Of("seconds", 5), backlog.GetValueOrDefault("one-transaction") is "yes" or "true" or "1");
    return 0;
}

if (args.Length > 2 && args[0] == "inbox" && args[1] == "--postgres")
{
    await InboxBench.RunAsync(args[2]);
    return 0;
}

if (args.Length > 0 && args[0] == "pages")
{
    return await PagesBench.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "sidebyside")
{
    return await SideBySideBench.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "firstrun")
{
    // firstrun --postgres "…" [--tasks 100000] [--sections 500] [--reports-per-task 10]
    if (BenchOptions.Parse(args[1..]) is not { } first)
    {
        Console.WriteLine(BenchOptions.Usage);
        return 2;
    }

    await FirstRunBench.RunAsync(first);
    return 0;
}

var options = BenchOptions.Parse(args);
if (options is null)
{
    Console.WriteLine(BenchOptions.Usage);
    return 2;
}

Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
await using var server = await BenchServer.StartAsync(options.ConnectionString);
var data = await Generator.FillAsync(server, options);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"data: {data.Tasks:N0} tasks, {data.Sections:N0} sections, {data.Reports:N0} progress reports, {data.Milestones:N0} milestones (generated in {data.Elapsed.TotalSeconds:F0} s); daily light refresh of the unit: {data.LightRefresh.TotalMilliseconds:F0} ms"));

var results = options.SupervisionOnly ? [] : await Scenarios.RunAsync(server, data, options);
Console.WriteLine();
Console.WriteLine(Table.Render(results));
Console.WriteLine(await SupervisionBench.RunAsync(server, data));
return 0;
