using System.ComponentModel.DataAnnotations;
using Luoshi.Benchmarking;
using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Luoshi.Features.Tasks;

namespace Luoshi.Features.Benchmarks;

/// <summary>The office's choices for turning gaps into tasks.</summary>
internal sealed class GapTaskInput
{
    [Display(Name = "所属计划")] public int PlanId { get; set; }
    [Display(Name = "牵头科室")] public int LeadSectionId { get; set; }
    [Display(Name = "牵头领导")] public int? LeadLeaderId { get; set; }
    [Display(Name = "完成时限")] public DateOnly? DueDate { get; set; }
    [Display(Name = "指标")] public List<string> Indicators { get; set; } = [];
}

/// <summary>
/// From a gap to a task (达标): the task's quantitative target is the benchmark's value on the
/// indicator, in the indicator's unit, and the task is linked back to the indicator.
/// </summary>
internal sealed class GapTasks(LuoshiDb db, TaskEditor tasks, BureauClock clock)
{
    public async Task<Outcome<List<WorkTask>>> CreateAsync(Viewer viewer, LoadedScoreboard board, GapTaskInput input, CancellationToken ct)
    {
        if (input.Indicators.Count == 0)
        {
            return Outcome<List<WorkTask>>.Invalid("Indicators", "请勾选要转为任务的指标");
        }

        var result = CompositeIndex.Compute(board.Framework, board.Data);
        var gaps = GapAnalysis.Compute(result, board.Board.OwnCode, board.Board.BenchmarkCode).ToDictionary(g => g.Indicator);
        var benchmarkName = board.Data.Units.First(u => u.Code == board.Board.BenchmarkCode).Name;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var created = new List<WorkTask>();
        foreach (var code in input.Indicators.Distinct())
        {
            var node = board.Nodes.FirstOrDefault(n => n.Code == code && n.IsIndicator);
            if (node is null || !gaps.TryGetValue(code, out var gap))
            {
                return Outcome<List<WorkTask>>.Invalid("Indicators", $"指标“{code}”不存在");
            }

            var name = node.Name.Length > 0 ? node.Name : node.Code;
            var task = new TaskInput
            {
                PlanId = input.PlanId, LeadSectionId = input.LeadSectionId, LeadLeaderId = input.LeadLeaderId,
                Title = $"对标{benchmarkName}：{name}由{Format(gap.Value)}提升到{Format(gap.BenchmarkValue)}{node.MeasureUnit}",
                Description = $"对标数据“{board.Board.Name}”，{result.Year}年。本市 {Format(gap.Value)}，{benchmarkName} {Format(gap.BenchmarkValue)}，领先者 {gap.Leader} {Format(gap.LeaderValue)}；差距 {Format(gap.GapToBenchmark)}{node.MeasureUnit}（指数分 {Format(gap.PointsToBenchmark)} 分）。",
                TargetValue = double.IsFinite(gap.BenchmarkValue) ? (decimal)Math.Round(gap.BenchmarkValue, 4) : null,
                TargetUnit = string.IsNullOrWhiteSpace(node.MeasureUnit) ? "（指标值）" : node.MeasureUnit.Length > 20 ? node.MeasureUnit[..20] : node.MeasureUnit,
                StartDate = clock.Today, DueDate = input.DueDate, Tags = ["对标"],
            };
            var outcome = await tasks.CreateAsync(viewer, task, null, ct);
            if (outcome.Kind != OutcomeKind.Ok)
            {
                return outcome.Kind == OutcomeKind.Invalid ? Outcome<List<WorkTask>>.Invalid(outcome.Errors!) : Outcome<List<WorkTask>>.Forbidden(outcome.Message ?? "");
            }

            db.IndicatorTasks.Add(new IndicatorTask { UnitId = viewer.UnitId, ScoreboardId = board.Board.Id, Indicator = code, TaskId = outcome.Value!.Id });
            created.Add(outcome.Value);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome<List<WorkTask>>.Ok(created);
    }

    public static string Format(double value) =>
        double.IsNaN(value) ? "—" : value.ToString(Math.Abs(value) >= 100 ? "0.#" : "0.###", System.Globalization.CultureInfo.InvariantCulture);
}
