using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Supervision;

/// <summary>What the run reads of an open task: its deadlines and the names a step's text needs.</summary>
internal sealed record EscalationCandidate(
    int Id, int PlanId, string? Number, string Title, int LeadSectionId, int? LeadLeaderId, int? ResponsiblePersonId,
    DateOnly DueBy, DateOnly? NextMilestoneDueBy, DateOnly? ReportMissingFrom, DateOnly? SignDueBy, int ProgressPercent, bool Restricted = false)
{
    public static IQueryable<EscalationCandidate> From(IQueryable<WorkTask> tasks) =>
        tasks.Select(t => new EscalationCandidate(t.Id, t.PlanId, t.Number, t.Title, t.LeadSectionId, t.LeadLeaderId, t.ResponsiblePersonId,
            t.DueBy, t.NextMilestoneDueBy, t.ReportMissingFrom, t.SignedAt == null ? t.SignDueBy : null, t.ProgressPercent, t.Restricted));

    /// <summary>一、建设… keeps its own punctuation; a bare 4 gets a space: 4 建设….</summary>
    public string Name => Number switch
    {
        null => Title,
        var n when char.IsAsciiDigit(n[^1]) => $"{n} {Title}",
        var n => n + Title,
    };
}

/// <summary>The unit's people, looked up in memory during a run.</summary>
internal sealed class EscalationDirectory(List<Person> people, List<LeaderCharge> charges, Dictionary<int, string> sections)
{
    private readonly ILookup<int?, Person> _bySection = people.ToLookup(p => p.SectionId);

    public static async Task<EscalationDirectory> LoadAsync(LuoshiDb db, int unitId, CancellationToken ct) => new(
        await db.People.AsNoTracking().Where(p => p.UnitId == unitId && p.IsActive).ToListAsync(ct),
        await db.LeaderCharges.AsNoTracking().Where(c => c.UnitId == unitId).ToListAsync(ct),
        await db.Sections.AsNoTracking().Where(s => s.UnitId == unitId).ToDictionaryAsync(s => s.Id, s => s.Name, ct));

    public Dictionary<int, Person> ById { get; } = people.ToDictionary(p => p.Id);

    public List<Person> Office { get; } = people.Where(p => p.Role == Role.Admin).ToList();

    public IEnumerable<Person> HeadsOf(int sectionId) => _bySection[sectionId].Where(p => p.Role == Role.SectionHead);

    /// <summary>The task's lead leader, or else the leaders in charge of its lead section.</summary>
    public IEnumerable<Person> LeadersOf(int? leaderId, int sectionId) =>
        leaderId is { } id && ById.ContainsKey(id)
            ? LeaderNamed(leaderId)
            : charges.Where(c => c.SectionId == sectionId).Select(c => ById.GetValueOrDefault(c.LeaderId)).OfType<Person>();

    /// <summary>The task's lead leader alone, when named and active.</summary>
    public IEnumerable<Person> LeaderNamed(int? leaderId) =>
        leaderId is { } id && ById.TryGetValue(id, out var leader) ? [leader] : [];

    public string SectionName(int sectionId) => sections.GetValueOrDefault(sectionId) ?? "未指定";
}
