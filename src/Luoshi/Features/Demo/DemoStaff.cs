using Microsoft.EntityFrameworkCore;
using Luoshi.Features.Organisation;

namespace Luoshi.Features.Demo;

/// <summary>The demo's people as the feature code sees them when they act: the office, the leaders with
/// their charges, and per section its head (who signs) and its responsible person (who reports).</summary>
internal sealed class DemoStaff(int unitId, List<Person> people, Dictionary<int, List<int>> charges)
{
    public List<Person> People { get; } = people;

    public Viewer Office => As(People.First(p => p.Role == Role.Admin));

    public Viewer Leader(int index) => As(People.Where(p => p.Role == Role.Leader).ElementAt(index));

    public Viewer Head(int sectionId) => As(People.First(p => p.SectionId == sectionId));

    public Viewer Responsible(int sectionId) => As(People.Last(p => p.SectionId == sectionId));

    public Viewer As(int personId) => As(People.Single(p => p.Id == personId));

    /// <summary>A unit's people as the demo made them, for steps taken after the unit was seeded.</summary>
    public static async Task<DemoStaff> LoadAsync(Data.LuoshiDb db, int unitId)
    {
        var people = await db.People.Include(p => p.Charges).Where(p => p.UnitId == unitId).OrderBy(p => p.Id).ToListAsync();
        return new(unitId, people, people.Where(p => p.Charges.Count > 0).ToDictionary(p => p.Id, p => p.Charges.Select(c => c.SectionId).ToList()));
    }

    public Viewer As(Person p) => new(p.Id, unitId, p.Name, p.Role, p.SectionId, charges.GetValueOrDefault(p.Id) ?? []);
}
