using Luoshi.Data;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Study;

internal static class StudyQueries
{
    /// <summary>The sessions of the given groups, newest first, with the names of those present.</summary>
    public static async Task<List<SessionRow>> SessionsAsync(this LuoshiDb db, int unitId, IReadOnlyCollection<int> groupIds, CancellationToken ct = default)
    {
        var rows = await db.StudySessions.AsNoTracking().Where(s => s.UnitId == unitId && groupIds.Contains(s.GroupId)).OrderByDescending(s => s.Date).ThenByDescending(s => s.Id)
            .Select(s => new
            {
                s.Id, s.GroupId, Group = db.StudyGroups.Where(g => g.Id == s.GroupId).Select(g => g.Name).First(), s.Date, s.Form, s.Topic, s.Materials, s.Effect, s.Minutes, s.Missing,
                Attendees = s.Attendance.Join(db.People, a => a.PersonId, p => p.Id, (a, p) => p.Name).ToList(),
            }).ToListAsync(ct);
        return [.. rows.Select(s => new SessionRow(s.Id, s.GroupId, s.Group, s.Date, s.Form, s.Topic, s.Materials, s.Effect, s.Minutes, s.Missing, s.Attendees))];
    }
}
