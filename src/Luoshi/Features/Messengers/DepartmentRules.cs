using System.Globalization;

namespace Luoshi.Features.Messengers;

/// <summary>One rule: members of the department (by id or by name) and of those below it go to the section.</summary>
internal sealed record DepartmentRule(long? Id, string? Name, string Section);

/// <summary>
/// How address-book members map onto sections, as the LDAP rules do for OUs: one rule a line,
/// <c>部门 =&gt; 科室名</c>, where 部门 is the department's id (digits) or its name; a rule covers the
/// department and every department below it. Rules are tried in their order and the first that
/// matches any of a member's departments wins.
/// </summary>
internal static class DepartmentRules
{
    public static (List<DepartmentRule> Rules, List<string> Problems) Parse(string? text)
    {
        var (rules, problems) = Shared.RuleLines.Parse(text, "部门 => 科室名", _ => true, "（部门写部门名称或部门ID）");
        return ([.. rules.Select(r => long.TryParse(r.Source, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? new DepartmentRule(id, null, r.Section) : new DepartmentRule(null, r.Source, r.Section))], problems);
    }

    /// <summary>The section of the first rule any of the member's departments (or one above it) matches.</summary>
    public static string? SectionOf(IReadOnlyList<DepartmentRule> rules, IReadOnlyList<long> departments, IReadOnlyDictionary<long, MessengerDepartment> tree)
    {
        var chains = departments.Select(d => Chain(d, tree)).ToList();
        return rules.FirstOrDefault(r => chains.Any(chain => chain.Any(d => r.Id is { } id ? d.Id == id : d.Name == r.Name)))?.Section;
    }

    /// <summary>The department and those above it, up to the root (guarded against a cycle).</summary>
    private static List<MessengerDepartment> Chain(long id, IReadOnlyDictionary<long, MessengerDepartment> tree)
    {
        var chain = new List<MessengerDepartment>();
        for (long? at = id; at is { } a && tree.TryGetValue(a, out var d) && chain.Count < 64; at = d.ParentId)
        {
            chain.Add(d);
        }

        return chain;
    }
}
