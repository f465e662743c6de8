using Luoshi.Data;
using Luoshi.Features.Calendar;
using Luoshi.Features.Organisation;
using Luoshi.Features.Requests;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Luoshi.Features.Assessment;

/// <summary>
/// Every save that changes what a scheme is computed from marks the schemes it touches
/// (<see cref="AssessmentInputs"/>), after the rows and inside the save's transaction: a task's assessed
/// fields, a cooperating section, a 催办 or 督办 line, a decided extension or completion, a grade, an
/// adjustment, a scheme's settings, a section's or person's name, a calendar day. Dates are read in UTC and
/// widened by a day each way, so the bureau's time zone never leaves a touched period unmarked.
/// Writes that bypass EF Core mark for themselves: the escalation run's COPY through
/// <see cref="StepsChangeAssessment"/>, a calendar import through <see cref="CalendarChangesAssessment"/>.
/// </summary>
internal sealed class AssessmentInputsInterceptor : BesideSaveInterceptor<List<InputsChange>>
{
    public static readonly AssessmentInputsInterceptor Instance = new();

    private static readonly string[] Assessed =
    [
        nameof(WorkTask.Title), nameof(WorkTask.LeadSectionId), nameof(WorkTask.ResponsiblePersonId), nameof(WorkTask.StartDate),
        nameof(WorkTask.DueDate), nameof(WorkTask.ExtensionCount), nameof(WorkTask.CompletedOn),
    ];

    protected override List<InputsChange>? Take(LuoshiDb db)
    {
        var changes = new List<InputsChange>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if ((entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted) && Change(entry) is { } change)
            {
                changes.Add(change);
            }
        }

        return changes.Count > 0 ? changes : null;
    }

    protected override Task WriteAsync(LuoshiDb db, List<InputsChange> taken, CancellationToken ct) => AssessmentInputs.MarkAsync(db, taken, ct);

    private static InputsChange? Change(EntityEntry entry) => entry.Entity switch
    {
        // A task counts in every period from its start (the earlier start when it moved).
        WorkTask t when entry.State != EntityState.Modified || Assessed.Any(p => entry.Property(p).IsModified) =>
            InputsChange.From(t.UnitId, Min(t.StartDate, entry.OriginalValues.GetValue<DateOnly>(nameof(WorkTask.StartDate)))),
        TaskCooperation c => InputsChange.AllOf(c.UnitId),
        TaskEvent { Kind: AssessmentData.UrgeKind or AssessmentData.SuperviseKind } e => new InputsChange(e.UnitId, null, Day(e.At).AddDays(-1), Day(e.At).AddDays(1)),
        ExtensionRequest { DecidedAt: { } at } r when Decided(entry) => InputsChange.From(r.UnitId, Day(at).AddDays(-1)),
        CompletionRequest { DecidedAt: { } at } r when Decided(entry) => InputsChange.From(r.UnitId, Day(at).AddDays(-1)),
        QualityGrade g => InputsChange.Scheme(g.UnitId, g.SchemeId),
        ScoreAdjustment a => InputsChange.Scheme(a.UnitId, a.SchemeId),
        AssessmentScheme { Id: > 0 } s when entry.State == EntityState.Modified => InputsChange.Scheme(s.UnitId, s.Id),
        // The results carry the names; a section or person added has no task yet, and one with tasks cannot be deleted.
        Section s when entry.State == EntityState.Modified && entry.Property(nameof(Section.Name)).IsModified => InputsChange.AllOf(s.UnitId),
        Person p when entry.State == EntityState.Modified && entry.Property(nameof(Person.Name)).IsModified => InputsChange.AllOf(p.UnitId),
        CalendarDay d => InputsChange.From(d.UnitId, d.Date.AddDays(-1)),
        _ => null,
    };

    private static bool Decided(EntityEntry entry) => entry.State == EntityState.Deleted || entry.Property("DecidedAt").IsModified || entry.State == EntityState.Added;

    private static DateOnly Day(DateTime utc) => DateOnly.FromDateTime(utc);

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
