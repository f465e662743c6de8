using Luoshi.Features.Audit;
using Luoshi.Features.Organisation;

namespace Luoshi.Features.Account;

/// <summary>The audit entries of a change to a person on the People page, staged before the change is
/// applied (they compare old with new) so the change's SaveChanges writes them.</summary>
internal static class AuditPersonChanges
{
    internal sealed record Staged(AuditEntry? Created);

    public static Staged Stage(AuditLog audit, Viewer viewer, Person person, PersonInput input, IReadOnlyDictionary<int, string> sections)
    {
        string Named(int? id) => id is { } i ? sections.GetValueOrDefault(i, "科室" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)) : "无";
        var name = input.Name.Trim();
        if (person.Id == 0)
        {
            return new(audit.Add(AuditKind.PersonCreated, viewer, null, name, input.Role.Chinese()));
        }

        if (person.Role != input.Role)
        {
            audit.Add(AuditKind.RoleChanged, viewer, person.Id, name, $"{person.Role.Chinese()} → {input.Role.Chinese()}");
        }

        if (person.SectionId != input.SectionId)
        {
            audit.Add(AuditKind.SectionChanged, viewer, person.Id, name, $"{Named(person.SectionId)} → {Named(input.SectionId)}");
        }

        var before = person.Charges.Select(c => c.SectionId).Order().ToList();
        var after = input.Role == Role.Leader ? input.ChargedSectionIds.Distinct().Order().ToList() : [];
        if (!before.SequenceEqual(after))
        {
            audit.Add(AuditKind.ChargesChanged, viewer, person.Id, name, $"{string.Join("、", before.Select(c => Named(c)))} → {string.Join("、", after.Select(c => Named(c)))}");
        }

        if (person.IsActive != input.IsActive)
        {
            audit.Add(input.IsActive ? AuditKind.Reactivated : AuditKind.Deactivated, viewer, person.Id, name);
        }

        return new(null);
    }
}
