using Luoshi.Benchmarking;
using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Benchmarks;

/// <summary>A scoreboard as the benchmarking library sees it: its framework and its data set.</summary>
internal sealed record LoadedScoreboard(Scoreboard Board, Framework Framework, DataSet Data, IReadOnlyList<ScoreboardNode> Nodes)
{
    /// <summary>A unit's name, or its code when it has none.</summary>
    public string UnitName(string code) => Data.Units.FirstOrDefault(u => u.Code == code)?.Name is { Length: > 0 } name ? name : code;

    /// <summary>A node's name, or its code when it has none.</summary>
    public string NodeName(string code) => Nodes.FirstOrDefault(n => n.Code == code) is { Name.Length: > 0 } n ? n.Name : code;
}

/// <summary>
/// Imports a framework and a data file (the project's own layout or COINr's) into a scoreboard, all or
/// nothing, and reads it back for computation.
/// </summary>
internal sealed class ScoreboardStore(LuoshiDb db, BureauClock clock)
{
    public async Task<Outcome<Scoreboard>> ImportAsync(Viewer viewer, string name, string ownCode, string benchmarkCode,
        (Stream Content, string FileName) meta, (Stream Content, string FileName) data, CancellationToken ct)
    {
        if (!viewer.IsAdmin)
        {
            return Outcome<Scoreboard>.Forbidden("只有办公室（管理员）可以导入对标数据");
        }

        var framework = FrameworkImport.Read(meta.Content, meta.FileName);
        if (framework.Value is null)
        {
            return Outcome<Scoreboard>.Invalid(Errors("指标体系", framework.Errors));
        }

        var values = DataImport.Read(data.Content, data.FileName, framework.Value);
        if (values.Value is null)
        {
            return Outcome<Scoreboard>.Invalid(Errors("数据", values.Errors));
        }

        var problems = new FieldErrors();
        if (string.IsNullOrWhiteSpace(name))
        {
            problems.Add("Name", "请填写对标名称");
        }

        foreach (var (field, code, label) in new[] { ("OwnCode", ownCode, "本市"), ("BenchmarkCode", benchmarkCode, "标杆") })
        {
            if (!values.Value.Units.Any(u => u.Code == code?.Trim()))
            {
                problems.Add(field, $"数据中没有代码为“{code}”的单位（{label}），请填写数据文件 uCode 列中的代码");
            }
        }

        if (problems.Any)
        {
            return Outcome<Scoreboard>.Invalid(problems.ToDictionary());
        }

        // Up to 200,000 values are written in short batches (ShortWrites), not one transaction, so that
        // on SQLite logins and reports get the write lock in between. The import stays all or nothing
        // for people: the scoreboard is marked as importing, which hides it (a query filter), until the
        // last batch is in; a failure deletes it, and its rows with it (cascade). Simpler than a staging
        // table, and nothing reads a half-written scoreboard. An import cut short by a crash is removed
        // at the next start-up (RemoveAbandonedAsync).
        var now = clock.UtcNow;
        var board = new Scoreboard
        {
            UnitId = viewer.UnitId, Name = name.Trim(), OwnCode = ownCode.Trim(), BenchmarkCode = benchmarkCode.Trim(), CreatedById = viewer.PersonId, CreatedAt = now,
            Importing = true,
        };
        db.Add(board);
        await db.SaveChangesAsync(ct);
        try
        {
            var f = framework.Value;
            await ShortWrites.InsertInBatchesAsync(db, f.Indicators.Concat(f.Aggregates).Select((n, i) => new ScoreboardNode
            {
                UnitId = viewer.UnitId, ScoreboardId = board.Id, Code = n.Code, Parent = n.Parent, Name = n.Name, Weight = n.Weight, IsIndicator = n.IsIndicator,
                Direction = n.Direction, MeasureUnit = n.Unit, Denominator = n.Denominator, StandardValue = n.StandardValue, SortOrder = i,
            }), ct);
            var set = values.Value;
            await ShortWrites.InsertInBatchesAsync(db, set.Units.Select((u, i) => new ScoreboardUnit
            {
                UnitId = viewer.UnitId, ScoreboardId = board.Id, Code = u.Code, Name = u.Name, SortOrder = i,
                Attributes = u.Attributes.Count == 0 ? null : string.Join("\n", u.Attributes.Select(a => $"{a.Key}={a.Value}")),
            }), ct);
            var source = $"导入自 {data.FileName}";
            var rows = from year in set.Years
                       from unit in set.Units
                       from variable in set.Variables
                       let value = set.Value(unit.Code, variable, year)
                       where !double.IsNaN(value)
                       select new ScoreboardValue
                       {
                           UnitId = viewer.UnitId, ScoreboardId = board.Id, UnitCode = unit.Code, Variable = variable, Year = year, Value = value,
                           Source = source, EnteredById = viewer.PersonId, EnteredAt = now,
                       };
            await ShortWrites.InsertInBatchesAsync(db, rows, ct);
            await db.Scoreboards.IgnoreQueryFilters().Where(b => b.Id == board.Id).ExecuteUpdateAsync(s => s.SetProperty(b => b.Importing, false), ct);
        }
        catch
        {
            db.ChangeTracker.Clear();
            await db.Scoreboards.IgnoreQueryFilters().Where(b => b.Id == board.Id).ExecuteDeleteAsync(CancellationToken.None);
            throw;
        }

        board.Importing = false;
        return Outcome<Scoreboard>.Ok(board);
    }

    /// <summary>Scoreboards whose import was cut short (the process stopped) an hour or more ago; at
    /// start-up. An hour, so an import running in another instance is not taken for one.</summary>
    public static Task<int> RemoveAbandonedAsync(LuoshiDb db, DateTime utcNow) =>
        db.Scoreboards.IgnoreQueryFilters().Where(b => b.Importing && b.CreatedAt < utcNow.AddHours(-1)).ExecuteDeleteAsync();

    public async Task<LoadedScoreboard?> LoadAsync(int unitId, int id, CancellationToken ct)
    {
        var board = await db.Set<Scoreboard>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == id && b.UnitId == unitId, ct);
        if (board is null)
        {
            return null;
        }

        var nodes = await db.Set<ScoreboardNode>().AsNoTracking().Where(n => n.ScoreboardId == id).OrderBy(n => n.SortOrder).ToListAsync(ct);
        var units = await db.Set<ScoreboardUnit>().AsNoTracking().Where(u => u.ScoreboardId == id).OrderBy(u => u.SortOrder).ToListAsync(ct);
        var values = await db.Set<ScoreboardValue>().AsNoTracking().Where(v => v.ScoreboardId == id)
            .Select(v => new { v.UnitCode, v.Variable, v.Year, v.Value }).ToListAsync(ct);
        var framework = Framework.Build(nodes.Select(n => new FrameworkNode(n.Code, n.Parent, n.Weight, n.IsIndicator, n.Name, n.Direction, n.MeasureUnit, n.Denominator, n.StandardValue))).Framework!;
        var variables = nodes.Where(n => n.IsIndicator).Select(n => n.Code).Concat(values.Select(v => v.Variable)).Distinct().ToList();
        var unitIndex = units.Select((u, i) => (u.Code, i)).ToDictionary(p => p.Code, p => p.i);
        var variableIndex = variables.Select((v, i) => (v, i)).ToDictionary(p => p.v, p => p.i);
        var years = values.Select(v => v.Year).DefaultIfEmpty(DataSet.NoYear).Distinct().ToDictionary(y => y, _ => units.Select(_ => Enumerable.Repeat(double.NaN, variables.Count).ToArray()).ToArray());
        foreach (var v in values)
        {
            years[v.Year][unitIndex[v.UnitCode]][variableIndex[v.Variable]] = v.Value;
        }

        var infos = units.Select(u => new UnitInfo(u.Code, u.Name, (u.Attributes ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(a => a.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]))).ToList();
        return new LoadedScoreboard(board, framework, new DataSet(infos, variables, years), nodes);
    }

    private static Dictionary<string, string[]> Errors(string file, IReadOnlyList<ImportError> errors) =>
        new() { [file] = [.. errors.Take(30).Select(e => $"{file}文件第{e.Row}行“{e.Column}”：{e.Message}")] };
}
