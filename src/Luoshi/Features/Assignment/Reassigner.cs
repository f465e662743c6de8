using Luoshi.Data;
using Luoshi.Features.Calendar;
using Luoshi.Features.Lights;
using Luoshi.Features.Notices;
using Luoshi.Features.Organisation;
using Luoshi.Features.Plans;
using Luoshi.Features.Record;
using Luoshi.Features.Shared;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Assignment;

/// <summary>Where a task goes in an 改派: a lead section and the responsible person in it (or none).</summary>
internal sealed record Destination(int SectionId, int? PersonId);

/// <summary>The unit's sections and people by id, read once for a move of many tasks.</summary>
internal sealed record Roster(Dictionary<int, string> Sections, Dictionary<int, Person> People)
{
    public static async Task<Roster> LoadAsync(LuoshiDb db, int unitId, CancellationToken ct) => new(
        await db.Sections.AsNoTracking().Where(s => s.UnitId == unitId).ToDictionaryAsync(s => s.Id, s => s.Name, ct),
        await db.People.AsNoTracking().Where(p => p.UnitId == unitId).ToDictionaryAsync(p => p.Id, ct));

    public string Section(int id) => Sections.GetValueOrDefault(id, "未指定");

    public string Person(int? id) => id is { } p && People.TryGetValue(p, out var person) ? person.Name : "未指定";

    public IEnumerable<Person> HeadsOf(int sectionId) => People.Values.Where(p => p.IsActive && p.SectionId == sectionId && p.Role == Role.SectionHead);

    /// <summary>Why the destination cannot take tasks, or null when it can.</summary>
    public string? Refuse(Destination to) =>
        !Sections.ContainsKey(to.SectionId) ? "请选择本单位的牵头科室"
        : to.PersonId is { } p && (!People.TryGetValue(p, out var person) || !person.IsActive) ? "请选择本单位在岗的责任人"
        : to.PersonId is { } q && People[q].SectionId != to.SectionId ? "责任人应为新牵头科室的人员"
        : null;
}

/// <summary>
/// 改派 of one task that the caller holds (tracked, in its transaction): the new lead section and
/// responsible person, a fresh 交办 (the 签收 clock starts again even when only the person changes),
/// the light, the history line, the record entry and the notices to those who now answer for it and
/// to those who no longer do.
/// </summary>
internal sealed class Reassigner(LuoshiDb db, TaskEditor tasks, TaskLights lights, PersonNotices notices, BureauClock clock)
{
    public async Task<Reassignment> MoveAsync(
        Viewer viewer, WorkTask task, Plan plan, WorkingCalendar calendar, Roster directory, Destination to, string reason, int? returnId, Guid? batchKey, CancellationToken ct)
    {
        var row = new Reassignment
        {
            UnitId = task.UnitId, TaskId = task.Id, At = clock.UtcNow, ById = viewer.PersonId,
            FromSectionId = task.LeadSectionId, FromPersonId = task.ResponsiblePersonId, ToSectionId = to.SectionId, ToPersonId = to.PersonId,
            Reason = reason, TaskReturnId = returnId, BatchKey = batchKey,
        };
        task.LeadSectionId = to.SectionId;
        task.ResponsiblePersonId = to.PersonId;
        task.UpdatedAt = row.At;
        SignClock.Restart(task, plan, clock.Today, calendar);
        await lights.RecomputeAsync(task, plan, ct);
        db.Reassignments.Add(row);
        RecordChain.Append(db, task.UnitId, "reassignment", row, viewer.PersonId, row.At);

        var moves = new List<string>();
        if (row.FromSectionId != row.ToSectionId)
        {
            moves.Add($"牵头科室由{directory.Section(row.FromSectionId)}改为{directory.Section(row.ToSectionId)}");
        }

        if (row.FromPersonId != row.ToPersonId)
        {
            moves.Add($"责任人由{directory.Person(row.FromPersonId)}改为{directory.Person(row.ToPersonId)}");
        }

        var what = moves.Count == 0 ? "重新交办" : string.Join("，", moves);
        tasks.AddHistory(task, viewer, "reassign", $"改派：{what}，重新交办，签收时限 {Ui.Date(task.SignDueBy)}。理由：{reason}");

        var told = directory.HeadsOf(row.ToSectionId).Concat(directory.HeadsOf(row.FromSectionId))
            .Concat(new[] { row.ToPersonId, row.FromPersonId }.OfType<int>().Select(id => directory.People.GetValueOrDefault(id)).OfType<Person>().Where(p => p.IsActive))
            .Where(p => p.Id != viewer.PersonId);
        await notices.AddAsync(task.UnitId, told, new Notice
        {
            UnitId = task.UnitId, Kind = NoticeKind.Reassigned, TaskId = task.Id,
            Title = $"【改派】{task.Title}",
            Body = $"办公室改派了任务“{task.Title}”：{what}。请新的牵头科室于 {Ui.Date(task.SignDueBy)} 前签收。理由：{reason}",
        }, ct);
        return row;
    }
}
