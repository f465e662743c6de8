using System.Text.Json;
using Luoshi.Data;
using Luoshi.Features.Calendar;
using Luoshi.Features.Organisation;
using Luoshi.Features.Requests;
using Luoshi.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Assessment;

/// <summary>Reads a scheme's facts from the database and hands them to the pure calculator.</summary>
internal sealed class AssessmentData(LuoshiDb db, WorkingCalendars calendars, BureauClock clock)
{
    // The kinds the escalation run writes to a task's history for each 催办 and 督办.
    public const string UrgeKind = "urge";
    public const string SuperviseKind = "supervise";

    public Task<List<AssessmentScheme>> ListAsync(Viewer viewer, CancellationToken ct) =>
        db.AssessmentSchemes.AsNoTracking().Where(s => s.UnitId == viewer.UnitId).OrderByDescending(s => s.PeriodStart).ThenByDescending(s => s.Id).ToListAsync(ct);

    public Task<AssessmentScheme?> FindAsync(Viewer viewer, int id, CancellationToken ct) =>
        db.AssessmentSchemes.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id && s.UnitId == viewer.UnitId, ct);

    /// <summary>The result: the one frozen at the lock, or else computed from the facts now.</summary>
    public async Task<AssessmentResult> ComputeAsync(AssessmentScheme scheme, CancellationToken ct) =>
        scheme.LockedResult is { } frozen
            ? JsonSerializer.Deserialize<AssessmentResult>(frozen, FrozenJson)!
            : ScoreCalculator.Compute(await InputsAsync(scheme, ct));

    public static readonly JsonSerializerOptions FrozenJson = new(JsonSerializerDefaults.Web);

    /// <summary>What the viewer may see: the office and leaders everything, a section head the own section
    /// and its people, staff their own score.</summary>
    public static AssessmentResult VisibleTo(Viewer viewer, AssessmentResult result, IReadOnlyList<Party> people) => viewer.Role switch
    {
        Role.Admin or Role.Leader => result,
        Role.SectionHead => result with
        {
            Sections = [.. result.Sections.Where(s => s.Id == viewer.SectionId)],
            People = [.. result.People.Where(p => people.Any(x => x.Id == p.Id && x.SectionId == viewer.SectionId))],
        },
        _ => result with { Sections = [], People = [.. result.People.Where(p => p.Id == viewer.PersonId)] },
    };

    /// <summary>The scheme as the viewer may see it, from its result as stored (<see cref="StoredResults"/>).</summary>
    public async Task<AssessmentView> ViewAsync(Viewer viewer, AssessmentScheme scheme, StoredResultState state, CancellationToken ct)
    {
        var sections = await SectionsAsync(scheme.UnitId, ct);
        var people = await PeopleAsync(scheme.UnitId, ct);
        var result = VisibleTo(viewer, state.Result, people);
        string Target(int? section, int? person) => section is { } s ? sections.FirstOrDefault(x => x.Id == s)?.Name ?? "" : people.FirstOrDefault(x => x.Id == person)?.Name ?? "";
        string Name(int person) => people.FirstOrDefault(x => x.Id == person)?.Name ?? "";
        string At(DateTime utc) => clock.ToLocal(utc).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        bool Visible(int? section, int? person) => viewer.Role is Role.Admin or Role.Leader
            || (person is { } p ? result.People.Any(x => x.Id == p) : result.Sections.Any(x => x.Id == section));

        var adjustments = await db.ScoreAdjustments.AsNoTracking().Where(a => a.UnitId == scheme.UnitId && a.SchemeId == scheme.Id).OrderBy(a => a.Id).ToListAsync(ct);
        var awards = await db.AssessmentAwards.AsNoTracking().Where(a => a.UnitId == scheme.UnitId && a.SchemeId == scheme.Id).OrderBy(a => a.Id).ToListAsync(ct);
        return new AssessmentView(
            scheme,
            result,
            [.. adjustments.Where(a => Visible(a.SectionId, a.PersonId)).Select(a => new AdjustmentLine(a.Id, a.SectionId, a.PersonId, Target(a.SectionId, a.PersonId), a.Points, a.Reason, Name(a.GivenById), At(a.GivenAt)))],
            [.. awards.Where(a => Visible(a.SectionId, a.PersonId)).Select(a => new AwardLine(a.Id, a.SectionId, a.PersonId, Target(a.SectionId, a.PersonId), a.Kind, a.Reason, Name(a.GivenById), At(a.GivenAt)))],
            sections,
            people)
        { ComputedAt = At(state.ComputedAt), Recomputing = state.Recomputing };
    }

    /// <summary>The facts of the scheme's period, and no others: its tasks, and of their history only what
    /// <see cref="ScoreCalculator"/> reads: 催办, 督办 and refused completions dated in the period up to the day
    /// scored, extensions approved after that day (to be undone), completions accepted from the period's start
    /// (an acceptance before it is before the day scored too, the same as none for "accepted by then").</summary>
    public async Task<ScoreInputs> InputsAsync(AssessmentScheme scheme, CancellationToken ct)
    {
        var unit = scheme.UnitId;
        var today = clock.Today;
        var asOf = today < scheme.PeriodEnd ? today : scheme.PeriodEnd;
        var from = clock.StartOfDayUtc(scheme.PeriodStart);
        var after = clock.StartOfDayUtc(asOf.AddDays(1));
        var inPeriod = db.Tasks.Where(t => t.UnitId == unit && t.StartDate <= asOf && (t.CompletedOn == null || t.CompletedOn >= scheme.PeriodStart));
        var tasks = await inPeriod.AsNoTracking()
            .Select(t => new { t.Id, t.Title, t.LeadSectionId, Cooperating = t.Cooperations.Select(c => c.SectionId).ToList(), t.ResponsiblePersonId, t.StartDate, t.DueDate, t.ExtensionCount, t.CompletedOn })
            .ToListAsync(ct);
        var escalations = await db.TaskEvents.AsNoTracking()
            .Where(e => e.UnitId == unit && (e.Kind == UrgeKind || e.Kind == SuperviseKind) && e.At >= from && e.At < after && inPeriod.Any(t => t.Id == e.TaskId))
            .Select(e => new { e.TaskId, e.At, e.Kind, e.Summary }).ToListAsync(ct);
        var extensions = await db.ExtensionRequests.AsNoTracking()
            .Where(r => r.UnitId == unit && r.Status == RequestStatus.Approved && r.DecidedAt != null && r.DecidedAt >= after && inPeriod.Any(t => t.Id == r.TaskId))
            .Select(r => new { r.TaskId, r.DecidedAt, r.CurrentDueDate }).ToListAsync(ct);
        var completions = await db.CompletionRequests.AsNoTracking()
            .Where(r => r.UnitId == unit && r.DecidedAt != null && r.DecidedAt >= from && inPeriod.Any(t => t.Id == r.TaskId)
                && (r.Status == RequestStatus.Approved || (r.Status == RequestStatus.Refused && r.DecidedAt < after)))
            .Select(r => new { r.TaskId, r.Status, r.DecidedAt, r.DecisionNote }).ToListAsync(ct);

        var history = escalations.Select(e => (e.TaskId, Fact: new TaskFact(LocalDate(e.At), e.Kind == UrgeKind ? FactKind.Urge : FactKind.Supervise, e.Summary)))
            .Concat(extensions.Select(r => (r.TaskId, Fact: new TaskFact(LocalDate(r.DecidedAt!.Value), FactKind.ApprovedExtension, "批准延期", r.CurrentDueDate))))
            .Concat(completions.Where(r => r.Status == RequestStatus.Refused)
                .Select(r => (r.TaskId, Fact: new TaskFact(LocalDate(r.DecidedAt!.Value), FactKind.RefusedCompletion, r.DecisionNote ?? "未写明理由"))))
            .ToLookup(f => f.TaskId, f => f.Fact);
        var accepted = completions.Where(r => r.Status == RequestStatus.Approved).GroupBy(r => r.TaskId).ToDictionary(g => g.Key, g => LocalDate(g.Max(r => r.DecidedAt!.Value)));

        var grades = await db.QualityGrades.AsNoTracking().Where(g => g.UnitId == unit && g.SchemeId == scheme.Id).OrderBy(g => g.Id)
            .Select(g => new { g.TaskId, g.Grade }).ToListAsync(ct);
        return new ScoreInputs(
            scheme,
            today,
            await calendars.ForUnitAsync(db, unit, ct),
            [.. tasks.Select(t => new TaskFacts(t.Id, t.Title, t.LeadSectionId, t.Cooperating, t.ResponsiblePersonId, t.StartDate, t.DueDate, t.ExtensionCount, t.CompletedOn,
                accepted.TryGetValue(t.Id, out var on) ? on : null, [.. history[t.Id]]))],
            await SectionsAsync(unit, ct),
            await PeopleAsync(unit, ct),
            grades.GroupBy(g => g.TaskId).ToDictionary(g => g.Key, g => g.Last().Grade),
            await db.ScoreAdjustments.AsNoTracking().Where(a => a.UnitId == unit && a.SchemeId == scheme.Id).OrderBy(a => a.Id).ToListAsync(ct));
    }

    public async Task<List<Party>> SectionsAsync(int unit, CancellationToken ct) =>
        await db.Sections.AsNoTracking().Where(s => s.UnitId == unit).OrderBy(s => s.SortOrder).ThenBy(s => s.Id).Select(s => new Party(s.Id, s.Name, s.Id)).ToListAsync(ct);

    public async Task<List<Party>> PeopleAsync(int unit, CancellationToken ct) =>
        await db.People.AsNoTracking().Where(p => p.UnitId == unit).OrderBy(p => p.Id).Select(p => new Party(p.Id, p.Name, p.SectionId)).ToListAsync(ct);

    private DateOnly LocalDate(DateTime utc) => DateOnly.FromDateTime(clock.ToLocal(utc));
}
