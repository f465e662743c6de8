using Luoshi.Features.Calendar;
using Luoshi.Features.Lights;
using Luoshi.Features.Plans;
using Luoshi.Features.Tasks;

namespace Luoshi.Tests.Lights;

/// <summary>The roll-up of a task's parts (分解任务) into the task, in memory, with the day set by hand.</summary>
public class SubTaskRollUpTests
{
    private static readonly WorkingCalendar China = new(HolidayCsv.Shipped.Select(d => new CalendarDay { Date = d.Date, Kind = d.Kind, Name = d.Name }));
    private static readonly LightOptions Options = new() { MilestoneSoonWorkingDays = 5, BehindMarginPercent = 20 };
    private static readonly Plan Monthly = new() { Title = "计划", Cadence = ReportCadence.Monthly, ReportGraceDays = 3 };
    private static readonly DateOnly Today = new(2026, 5, 11); // a Monday

    private static DateOnly D(int month, int day) => new(2026, month, day);

    /// <summary>A part reported on time and on pace unless told otherwise.</summary>
    private static WorkTask Part(int percent = 35, int weight = 1, DateOnly? due = null, DateOnly? lastReported = null, DateOnly? done = null, DateOnly? start = null, params DateOnly[] milestones)
    {
        var task = new WorkTask
        {
            Title = "分解任务", StartDate = start ?? D(1, 5), DueDate = due ?? D(12, 31), ProgressPercent = percent, Weight = weight,
            LastReportedPeriodEnd = lastReported ?? D(4, 30), CompletedOn = done,
            Milestones = [.. milestones.Select(m => new Milestone { Title = "节点", DueDate = m })],
        };
        TaskSchedule.Refresh(task, Monthly, China, Options);
        return task;
    }

    /// <summary>A task over the parts, recomputed as TaskLights does: roll-up, then its own dated facts.</summary>
    private static WorkTask Over(params WorkTask[] parts) => Over(D(1, 5), null, parts);

    private static WorkTask Over(DateOnly start, DateOnly? done, params WorkTask[] parts)
    {
        var task = new WorkTask { Title = "任务", StartDate = start, DueDate = D(12, 31), LastReportedPeriodEnd = D(4, 30), CompletedOn = done, ProgressPercent = done is null ? 0 : 100 };
        PartsRollUp.Apply(task, parts);
        TaskSchedule.Refresh(task, Monthly, China, Options);
        return task;
    }

    private static LightReason On(WorkTask task, DateOnly day) => LightRules.Evaluate(task, TaskLights.DayFor(day, China, Options));

    [Fact]
    public void ATasksProgressIsTheWeightedMeanOfItsPartsProgress() =>
        Assert.Equal(55, Over(Part(percent: 40, weight: 3), Part(percent: 100, weight: 1)).ProgressPercent);

    [Fact]
    public void ADonePartCountsAHundredWhateverItLastReported() =>
        Assert.Equal(70, Over(Part(percent: 40), Part(percent: 60, done: D(5, 6))).ProgressPercent);

    [Fact]
    public void TheRollUpReadsAHundredOnlyWhenEveryPartIsDone()
    {
        Assert.Equal(99, Over(Part(percent: 99), Part(percent: 100, done: D(5, 6))).ProgressPercent);
        Assert.Equal(100, Over(Part(done: D(5, 6)), Part(done: D(5, 8))).ProgressPercent);
    }

    [Fact]
    public void ATaskWithoutPartsKeepsItsReportedProgress()
    {
        var task = new WorkTask { Title = "任务", StartDate = D(1, 5), DueDate = D(12, 31), ProgressPercent = 42 };
        PartsRollUp.Apply(task, []);
        Assert.Equal(42, task.ProgressPercent);
        Assert.Null(task.PartsDueBy);
    }

    [Fact]
    public void ADoneTaskKeepsItsProgressAndStaysDoneWhatever()
    {
        var task = Over(D(1, 5), D(5, 8), Part(percent: 10, due: D(5, 4)));
        Assert.Equal(100, task.ProgressPercent);
        Assert.Equal(LightReason.Completed, On(task, Today));
    }

    [Fact]
    public void WithEveryPartOnTrackTheTaskIsGreen() =>
        Assert.Equal(LightReason.OnTrack, On(Over(Part(), Part()), Today));

    [Fact]
    public void ATaskIsRedWhenAPartIsPastItsDueDate()
    {
        var late = Part(percent: 90, due: D(5, 8));
        Assert.Equal(LightReason.TaskOverdue, On(late, Today));
        Assert.Equal(LightReason.PartOverdue, On(Over(late, Part()), Today));
        Assert.Equal(Light.Red, LightReason.PartOverdue.Of());
    }

    [Fact]
    public void ATaskIsRedWhenAPartHasAnOpenMilestonePastItsDate() =>
        Assert.Equal(LightReason.PartOverdue, On(Over(Part(percent: 40, milestones: D(5, 8)), Part()), Today));

    [Fact]
    public void ATaskTurnsRedTheDayAfterAPartsDueDateWithoutAnyWrite()
    {
        // The part is due Thu 21 May: the task is green up to that day and red the day after, on the same stored facts.
        var task = Over(Part(percent: 90, due: D(5, 21)));
        Assert.NotEqual(Light.Red, On(task, D(5, 21)).Of());
        Assert.Equal(LightReason.PartOverdue, On(task, D(5, 22)));
    }

    [Fact]
    public void ATaskIsYellowWhenAPartIsYellow()
    {
        var unreported = Part(lastReported: D(3, 31));
        Assert.Equal(LightReason.ReportMissing, On(unreported, Today));
        Assert.Equal(LightReason.PartAtRisk, On(Over(unreported, Part()), Today));
        Assert.Equal(Light.Yellow, LightReason.PartAtRisk.Of());
    }

    [Fact]
    public void ATaskIsYellowWhenAPartsMilestoneFallsDueSoon() =>
        Assert.Equal(LightReason.PartAtRisk, On(Over(Part(percent: 40, milestones: D(5, 18)), Part()), Today));

    [Fact]
    public void ARedPartOutweighsYellowOnes() =>
        Assert.Equal(LightReason.PartOverdue, On(Over(Part(lastReported: D(3, 31)), Part(percent: 90, due: D(5, 8))), Today));

    [Fact]
    public void ADonePartNoLongerCountsForTheLight() =>
        Assert.Equal(LightReason.OnTrack, On(Over(Part(percent: 90, due: D(5, 8), done: D(5, 8)), Part()), Today));

    [Fact]
    public void APartRedTwoLevelsDownTurnsTheTopRed()
    {
        var middle = Over(Part(percent: 90, due: D(5, 8)));
        Assert.Equal(LightReason.PartOverdue, On(middle, Today));
        Assert.Equal(LightReason.PartOverdue, On(Over(middle, Part()), Today));
    }

    [Fact]
    public void ATasksOwnRedComesBeforeItsParts()
    {
        var task = Over(Part(percent: 90, due: D(5, 8)));
        task.DueDate = D(5, 7);
        TaskSchedule.Refresh(task, Monthly, China, Options);
        Assert.Equal(LightReason.TaskOverdue, On(task, Today));
    }

    [Fact]
    public void ATaskNotStartedYetIsStillRedOrYellowForItsParts()
    {
        Assert.Equal(LightReason.PartOverdue, On(Over(D(6, 1), null, Part(percent: 90, due: D(5, 8))), Today));
        Assert.Equal(LightReason.PartAtRisk, On(Over(D(6, 1), null, Part(lastReported: D(3, 31))), Today));
        Assert.Equal(LightReason.NotStarted, On(Over(D(6, 1), null, Part()), Today));
    }

    [Fact]
    public void ATasksOwnYellowKeepsItsOwnReason()
    {
        var task = Over(Part(lastReported: D(3, 31)));
        task.LastReportedPeriodEnd = D(3, 31);
        TaskSchedule.Refresh(task, Monthly, China, Options);
        Assert.Equal(LightReason.ReportMissing, On(task, Today));
    }

    [Fact]
    public void TheReasonsHaveChineseWords()
    {
        Assert.Equal("分解任务逾期", LightReason.PartOverdue.Chinese());
        Assert.Equal("分解任务亮黄灯或时间节点临近", LightReason.PartAtRisk.Chinese());
    }
}
