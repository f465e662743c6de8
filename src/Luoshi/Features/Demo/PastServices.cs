using Luoshi.Data;
using Luoshi.Features.Assessment;
using Luoshi.Features.Lights;
using Luoshi.Features.Plans;
using Luoshi.Features.Reports;
using Luoshi.Features.Requests;
using Luoshi.Features.Shared;
using Luoshi.Features.Supervision;
using Luoshi.Features.Tasks;
using Microsoft.Extensions.Options;

namespace Luoshi.Features.Demo;

/// <summary>
/// The feature code the pages and API call (the same classes on the same database) built on a
/// <see cref="SteppedTime"/> instead of the system clock, so the demo's past is written through the
/// real rules: the report submitter, the request review, signing, the escalation run.
/// </summary>
internal sealed class PastServices
{
    public PastServices(IServiceProvider services, DateTimeOffset start)
    {
        Time = new SteppedTime(start);
        Clock = new BureauClock(Time, services.GetRequiredService<IOptions<ClockOptions>>());
        Db = services.GetRequiredService<LuoshiDb>();
        var lights = Make<TaskLights>(Clock);
        Tasks = Make<TaskEditor>(lights, Clock);
        Plans = Make<PlanEditor>(lights, Clock);
        Reports = Make<ReportSubmitter>(Tasks, lights, Clock);
        Evidence = Make<EvidenceFiles>(Clock);
        Requests = Make<TaskRequests>(Tasks, lights, Clock);
        Signing = Make<TaskSigning>(Tasks, Clock);
        Escalation = Make<EscalationRun>(Clock);
        Assessment = Make<AssessmentEditor>(Make<AssessmentData>(Clock), Clock);

        // Every dependency that reads the time is passed in; the rest come from the scope as usual.
        T Make<T>(params object[] given) => ActivatorUtilities.CreateInstance<T>(services, given);
    }

    public SteppedTime Time { get; }
    public BureauClock Clock { get; }
    public LuoshiDb Db { get; }
    public TaskEditor Tasks { get; }
    public PlanEditor Plans { get; }
    public ReportSubmitter Reports { get; }
    public EvidenceFiles Evidence { get; }
    public TaskRequests Requests { get; }
    public TaskSigning Signing { get; }
    public EscalationRun Escalation { get; }
    public AssessmentEditor Assessment { get; }

    /// <summary>A moment of a bureau day, in UTC, for <see cref="SteppedTime.MoveTo"/>.</summary>
    public DateTimeOffset At(DateOnly day, int hour, int minute = 0) =>
        new(Clock.StartOfDayUtc(day).AddHours(hour).AddMinutes(minute), TimeSpan.Zero);
}
