using Luoshi.Features.Calendar;
using Luoshi.Features.Lights;
using Luoshi.Features.Plans;
using Luoshi.Features.Tasks;

namespace Luoshi.Tests.Lights;

/// <summary>The light rules on one task, in memory, with the day set by hand.</summary>
public class LightRulesTests
{
    private static readonly WorkingCalendar China = new(HolidayCsv.Shipped.Select(d => new CalendarDay { Date = d.Date, Kind = d.Kind, Name = d.Name }));
    private static readonly LightOptions Options = new() { MilestoneSoonWorkingDays = 5, BehindMarginPercent = 20 };
    private static readonly Plan Monthly = new() { Title = "计划", Cadence = ReportCadence.Monthly, ReportGraceDays = 3 };
    private static readonly DateOnly Today = new(2026, 5, 11); // a Monday

    private static WorkTask Task(DateOnly start, DateOnly due, int percent = 0, DateOnly? lastReportedPeriodEnd = null, params (DateOnly Due, bool Done)[] milestones)
    {
        var task = new WorkTask
        {
            Title = "任务", StartDate = start, DueDate = due, ProgressPercent = percent, LastReportedPeriodEnd = lastReportedPeriodEnd,
            Milestones = [.. milestones.Select(m => new Milestone { Title = "节点", DueDate = m.Due, CompletedOn = m.Done ? m.Due : null })],
        };
        TaskSchedule.Refresh(task, Monthly, China, Options);
        return task;
    }

    private static LightReason On(WorkTask task, DateOnly today) => LightRules.Evaluate(task, TaskLights.DayFor(today, China, Options));

    private static DateOnly D(int month, int day) => new(2026, month, day);

    [Fact]
    public void ATaskThatHasNotBegunIsNotStarted() =>
        Assert.Equal(LightReason.NotStarted, On(Task(D(6, 1), D(12, 31)), Today));

    [Fact]
    public void ATaskReportedOnTimeAndOnPaceIsGreen() =>
        Assert.Equal(LightReason.OnTrack, On(Task(D(1, 5), D(12, 31), percent: 35, lastReportedPeriodEnd: D(4, 30)), Today));

    [Fact]
    public void ATaskPastItsDueDateIsRed() =>
        Assert.Equal(LightReason.TaskOverdue, On(Task(D(1, 5), D(5, 8), percent: 90, lastReportedPeriodEnd: D(4, 30)), Today));

    [Fact]
    public void AnOpenMilestonePastItsDateIsRed() =>
        Assert.Equal(LightReason.MilestoneOverdue, On(Task(D(1, 5), D(12, 31), 40, D(4, 30), (D(5, 8), false)), Today));

    [Fact]
    public void ACompletedMilestoneNoLongerCounts() =>
        Assert.Equal(LightReason.OnTrack, On(Task(D(1, 5), D(12, 31), 40, D(4, 30), (D(5, 8), true)), Today));

    [Fact]
    public void AMilestoneDueWithinFiveWorkingDaysIsYellow()
    {
        // Mon 11 May + 5 working days = Mon 18 May.
        Assert.Equal(LightReason.MilestoneDueSoon, On(Task(D(1, 5), D(12, 31), 40, D(4, 30), (D(5, 18), false)), Today));
        Assert.Equal(LightReason.OnTrack, On(Task(D(1, 5), D(12, 31), 40, D(4, 30), (D(5, 19), false)), Today));
    }

    [Fact]
    public void DueDateOnAHolidayIsMetOnTheNextWorkingDay()
    {
        // Due Sat 3 Oct, inside the National Day holiday: not overdue until after Thu 8 Oct.
        var task = Task(D(9, 1), D(10, 3), percent: 90, lastReportedPeriodEnd: D(9, 30));
        Assert.Equal(D(10, 8), task.DueBy);
        Assert.NotEqual(LightReason.TaskOverdue, On(task, D(10, 8)));
        Assert.Equal(LightReason.TaskOverdue, On(task, D(10, 9)));
    }

    [Fact]
    public void AMissingReportTurnsYellowOnlyAfterTheGracePeriod()
    {
        // April's report is due Thu 30 Apr; grace of 3 working days skips the May Day holiday: 6, 7, 8 May.
        var task = Task(D(1, 5), D(12, 31), percent: 30, lastReportedPeriodEnd: D(3, 31));
        Assert.Equal(D(5, 9), task.ReportMissingFrom);
        Assert.Equal(LightReason.OnTrack, On(task, D(5, 8)));
        Assert.Equal(LightReason.ReportMissing, On(task, D(5, 9)));
    }

    [Fact]
    public void ProgressBehindElapsedWorkingTimeByMoreThanTheMarginIsYellow()
    {
        // Half the year's working days have passed by early July; 20% reported is 30 points behind.
        var task = Task(D(1, 5), D(12, 31), percent: 20, lastReportedPeriodEnd: D(6, 30));
        Assert.Equal(LightReason.BehindSchedule, On(task, D(7, 6)));
        Assert.Equal(LightReason.OnTrack, On(task, D(2, 2)));
    }

    [Fact]
    public void BehindFromIsTheFirstDayTheElapsedShareExceedsProgressPlusMargin()
    {
        var start = D(3, 2);
        var due = D(3, 27); // 20 working days
        var from = TaskSchedule.BehindFrom(start, due, progressPercent: 30, marginPercent: 20, China)!.Value;
        Assert.Equal(11, China.CountWorkingDays(start, from)); // 11/20 = 55% > 50%
        Assert.Equal(D(3, 16), from);
        Assert.Null(TaskSchedule.BehindFrom(start, due, progressPercent: 85, marginPercent: 20, China));
    }

    [Fact]
    public void ThresholdsAreSettings()
    {
        var task = Task(D(1, 5), D(12, 31), 40, D(4, 30), (D(5, 25), false));
        var wide = new LightOptions { MilestoneSoonWorkingDays = 15, BehindMarginPercent = 20 };
        Assert.Equal(LightReason.OnTrack, On(task, Today));
        Assert.Equal(LightReason.MilestoneDueSoon, LightRules.Evaluate(task, TaskLights.DayFor(Today, China, wide)));
    }

    [Fact]
    public void RedOutranksYellowAndDoneOutranksEverything()
    {
        var late = Task(D(1, 5), D(5, 8), 10, D(1, 31), (D(5, 12), false));
        Assert.Equal(LightReason.TaskOverdue, On(late, Today));
        late.CompletedOn = D(5, 10);
        Assert.Equal(LightReason.Completed, On(late, Today));
        Assert.Equal(Light.Done, LightReason.Completed.Of());
    }
}
