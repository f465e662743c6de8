using Luoshi.Features.Calendar;

namespace Luoshi.Features.Assessment;

internal enum FactKind
{
    Urge,
    Supervise,
    RefusedCompletion,
    ApprovedExtension,
}

/// <summary>One dated line of a task's history that scoring reads; <paramref name="PreviousDue"/> is the
/// due date an approved extension replaced.</summary>
internal sealed record TaskFact(DateOnly On, FactKind Kind, string Summary, DateOnly? PreviousDue = null);

/// <summary>A task as it stands today, with the history needed to see it as it stood on any earlier day.</summary>
internal sealed record TaskFacts(
    int Id,
    string Title,
    int LeadSectionId,
    IReadOnlyList<int> CooperatingSectionIds,
    int? ResponsiblePersonId,
    DateOnly StartDate,
    DateOnly DueDate,
    int ExtensionCount,
    DateOnly? CompletedOn,
    DateOnly? CompletionAcceptedOn,
    IReadOnlyList<TaskFact> History);

internal sealed record Party(int Id, string Name, int? SectionId = null);

/// <summary>Everything the calculator reads, loaded beforehand: it touches no database.</summary>
internal sealed record ScoreInputs(
    AssessmentScheme Scheme,
    DateOnly Today,
    WorkingCalendar Calendar,
    IReadOnlyList<TaskFacts> Tasks,
    IReadOnlyList<Party> Sections,
    IReadOnlyList<Party> People,
    IReadOnlyDictionary<int, string> Grades,
    IReadOnlyList<ScoreAdjustment> Adjustments)
{
    /// <summary>The day the period is scored as of: its end, or today while it runs.</summary>
    public DateOnly AsOf => Today < Scheme.PeriodEnd ? Today : Scheme.PeriodEnd;
}
