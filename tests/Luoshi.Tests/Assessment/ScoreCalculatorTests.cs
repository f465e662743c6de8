using Luoshi.Features.Assessment;
using Luoshi.Features.Calendar;

namespace Luoshi.Tests.Assessment;

/// <summary>The scoring rules, on plain inputs: a first-quarter scheme scored on 11 May 2026.</summary>
public class ScoreCalculatorTests
{
    private const int A = 1, B = 2, C = 3, Zhang = 10, Li = 11;
    private static readonly DateOnly Today = new(2026, 5, 11);

    private static AssessmentScheme Scheme() => new() { Id = 1, Name = "2026年第一季度考核", PeriodStart = new(2026, 1, 1), PeriodEnd = new(2026, 3, 31) };

    private static TaskFacts Task(int id, int lead, DateOnly due, DateOnly? done = null, int[]? cooperating = null, int? person = null, int extensions = 0, params TaskFact[] history) =>
        new(id, $"任务{id}", lead, cooperating ?? [], person, new(2026, 1, 5), due, extensions, done, done, history);

    private static AssessmentResult Score(IReadOnlyList<TaskFacts> tasks, AssessmentScheme? scheme = null, Dictionary<int, string>? grades = null, ScoreAdjustment[]? adjustments = null) =>
        ScoreCalculator.Compute(new ScoreInputs(scheme ?? Scheme(), Today, WorkingCalendar.Plain, tasks,
            [new(A, "科室A"), new(B, "科室B"), new(C, "科室C")], [new(Zhang, "张三", A), new(Li, "李四", B)],
            grades ?? [], adjustments ?? []));

    private static Score Section(AssessmentResult result, int id) => result.Sections.Single(s => s.Id == id);

    [Fact]
    public void ATaskDoneOnTimeAndGradedTopEarnsTheFullHundred()
    {
        var result = Score([Task(1, A, new(2026, 3, 20), done: new(2026, 3, 18), person: Zhang)], grades: new() { [1] = "优" });
        var a = Section(result, A);
        Assert.Equal((1m, 1m, 1m, 100m, 100m), (a.CompletionRate, a.TimelinessRate, a.QualityRate, a.Base, a.Total));
        Assert.Equal(100m, result.People.Single().Total);
    }

    [Fact]
    public void TheLeadSectionCarriesItsShareOfADeductionAndTheCooperatingSectionsSplitTheRest()
    {
        var result = Score([Task(1, A, new(2026, 3, 20), done: new(2026, 3, 18), cooperating: [B, C], person: Zhang,
            history: new TaskFact(new(2026, 2, 10), FactKind.Supervise, "进度滞后"))]);
        Assert.Equal(0.7m, Section(result, A).Deducted);
        Assert.Equal(0.15m, Section(result, B).Deducted);
        Assert.Equal(0.15m, Section(result, C).Deducted);
        // The responsible person answers for the whole task.
        Assert.Equal(1m, result.People.Single(p => p.Id == Zhang).Deducted);
        Assert.Equal([true], Section(result, A).TaskScores.Select(t => t.IsLead));
        Assert.Equal([false], Section(result, B).TaskScores.Select(t => t.IsLead));
    }

    [Fact]
    public void EveryAutomaticDeductionIsListedWithItsTaskCauseDayAndPoints()
    {
        var result = Score([Task(7, A, new(2026, 3, 27), history:
        [
            new(new(2026, 2, 2), FactKind.Urge, "请于本周报送进展"),
            new(new(2026, 2, 20), FactKind.Supervise, "督办单第3号"),
            new(new(2026, 3, 5), FactKind.RefusedCompletion, "佐证材料不全"),
        ])]);
        var lines = Section(result, A).Deductions.Select(d => (d.TaskId, d.Cause, d.On, d.Points)).ToList();
        Assert.Equal(
        [
            (7, "催办：请于本周报送进展", new DateOnly(2026, 2, 2), 0.5m),
            (7, "督办：督办单第3号", new DateOnly(2026, 2, 20), 1m),
            (7, "办结申请被退回：佐证材料不全", new DateOnly(2026, 3, 5), 1m),
            // Open past its due date (Friday 27 March) until the period's end: 30 and 31 March.
            (7, "逾期2个工作日（完成时限 2026-03-27）", new DateOnly(2026, 3, 31), 0.2m),
        ], lines);
        Assert.Equal(2.7m, Section(result, A).Deducted);
        Assert.Equal(Timeliness.Overdue, Section(result, A).TaskScores.Single().Timeliness);
    }

    [Fact]
    public void OverdueDaysAreCappedPerTask()
    {
        var result = Score([Task(1, A, new(2026, 1, 9))]);
        var overdue = Section(result, A).Deductions.Single();
        Assert.Equal(3m, overdue.Points);
        Assert.Equal("逾期57个工作日（完成时限 2026-01-09，封顶3分）", overdue.Cause);
    }

    [Fact]
    public void AnExtendedTaskCountsAsExtendedNotAsOnTime()
    {
        var result = Score([Task(1, A, new(2026, 3, 20), done: new(2026, 3, 19), extensions: 1)]);
        var a = Section(result, A);
        Assert.Equal(Timeliness.Extended, a.TaskScores.Single().Timeliness);
        Assert.Equal(0.8m, a.TimelinessRate);
        Assert.Equal(40 + (30 * 0.8m) + (30 * 0.8m), a.Base);
    }

    [Fact]
    public void SectionsWithEqualTotalsShareARankAndTheNextRankSkips()
    {
        var result = Score(
        [
            Task(1, A, new(2026, 3, 20), done: new(2026, 3, 18)),
            Task(2, B, new(2026, 3, 20), done: new(2026, 3, 18)),
            Task(3, C, new(2026, 3, 20)),
        ]);
        Assert.Equal([("科室A", 1), ("科室B", 1), ("科室C", 3)], result.Sections.Select(s => (s.Name, s.Rank)));
    }

    [Fact]
    public void BonusAndPenaltyEntriesMoveTheTotal()
    {
        var result = Score([Task(1, A, new(2026, 3, 20), done: new(2026, 3, 18))],
            adjustments: [new() { SectionId = A, Points = 2, Reason = "获省级表彰" }, new() { SectionId = A, Points = -0.5m, Reason = "信息报送差错" }]);
        var a = Section(result, A);
        // Ungraded, the task counts as 良 (0.8 of the 30 quality points): 94 base points.
        Assert.Equal((2m, 0.5m, 94m + 2m - 0.5m), (a.Bonus, a.Penalty, a.Total));
    }

    [Fact]
    public void DeductionsStopAtTheSchemesFloorAndThePointsBeyondItStayTraced()
    {
        // Open since 9 January: base 24 (良 quality only), 30 督办 and the capped overdue days take 33.
        var supervised = Enumerable.Range(1, 30).Select(d => new TaskFact(new DateOnly(2026, 1, 10).AddDays(d), FactKind.Supervise, $"督办单第{d}号")).ToArray();
        var result = Score([Task(1, A, new(2026, 1, 9), history: supervised)], adjustments: [new() { SectionId = A, Points = 2, Reason = "获省级表彰" }]);
        var a = Section(result, A);

        Assert.Equal((24m, 33m), (a.Base, a.Deducted));
        Assert.Equal(31, a.Deductions.Count);
        // 扣完为止 at 0, then the bonus counts on top.
        Assert.Equal((9m, 2m), (a.BeyondFloor, a.Total));
    }

    [Fact]
    public void ASchemeMayStopDeductionsAtAHigherFloorButAFloorNeverRaisesAScore()
    {
        var scheme = Scheme();
        scheme.ScoreFloor = 20;
        var supervised = Enumerable.Range(1, 5).Select(d => new TaskFact(new DateOnly(2026, 1, 10).AddDays(d), FactKind.Supervise, $"督办单第{d}号")).ToArray();
        var a = Section(Score([Task(1, A, new(2026, 1, 9), history: supervised)], scheme), A);
        Assert.Equal((24m, 8m, 20m, 4m), (a.Base, a.Deducted, a.Total, a.BeyondFloor));

        scheme.ScoreFloor = 60;
        var b = Section(Score([Task(1, A, new(2026, 1, 9), history: supervised)], scheme), A);
        Assert.Equal((24m, 8m), (b.Total, b.BeyondFloor));
    }

    [Fact]
    public void ATaskDueAfterThePeriodAndNotDoneIsNotAssessed()
    {
        var result = Score([Task(1, A, new(2026, 6, 30)), Task(2, B, new(2026, 3, 20), done: new(2026, 3, 1))]);
        Assert.Equal([B], result.Sections.Select(s => s.Id));
    }

    [Fact]
    public void RecomputingAPastPeriodAfterLaterEventsGivesTheSameNumbers()
    {
        var tasks = new List<TaskFacts>
        {
            Task(1, A, new(2026, 3, 20), cooperating: [B], person: Zhang, history: new TaskFact(new(2026, 3, 25), FactKind.Urge, "尽快完成")),
            Task(2, B, new(2026, 2, 27), done: new(2026, 2, 26), person: Li),
        };
        var before = Score(tasks);

        // In April: another 催办, the task extended to June, and a completion accepted with a March date.
        tasks[0] = tasks[0] with
        {
            DueDate = new(2026, 6, 30), ExtensionCount = 1, CompletedOn = new(2026, 3, 30), CompletionAcceptedOn = new(2026, 4, 20),
            History = [.. tasks[0].History, new(new(2026, 4, 2), FactKind.Urge, "再次催办"), new(new(2026, 4, 8), FactKind.ApprovedExtension, "批准延期", new(2026, 3, 20))],
        };
        tasks[1] = tasks[1] with { History = [new(new(2026, 4, 15), FactKind.Supervise, "督办")] };
        var after = Score(tasks);

        Assert.Equal(Numbers(before), Numbers(after));
        Assert.Equal(Timeliness.Overdue, Section(after, A).TaskScores.Single().Timeliness);
    }

    private static List<string> Numbers(AssessmentResult r) =>
        [.. r.Sections.Concat(r.People).Select(s => $"{s.Name} {s.Base} {s.Deducted} {s.Total} {s.Rank} {string.Join("|", s.Deductions.Select(d => $"{d.Cause}{d.Points}"))}")];
}
