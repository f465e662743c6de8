namespace Luoshi.Features.Ldap;

/// <summary>One rule: people under the OU, or members of the group, with this DN go to the section.</summary>
internal sealed record SectionRule(string Dn, string Section);

/// <summary>
/// How directory people map onto sections: one rule a line, <c>DN =&gt; 科室名</c>, where the DN is
/// an organizational unit (its people and those of the OUs below it) or a group (its members, read
/// from the person's group attribute). Rules are tried in their order and the first that matches
/// wins, so a group rule written above the OU rules takes a person out of the OU's section.
/// </summary>
internal static class SectionRules
{
    /// <summary>The rules, or the problems of the lines that are not rules (in Chinese).</summary>
    public static (List<SectionRule> Rules, List<string> Problems) Parse(string? text)
    {
        var (rules, problems) = Shared.RuleLines.Parse(text, "组织单位或组 => 科室名", dn => dn.Contains('='));
        return ([.. rules.Select(r => new SectionRule(NormalDn(r.Source), r.Section))], problems);
    }

    /// <summary>The section of the first rule the person matches, or null.</summary>
    public static string? SectionOf(IReadOnlyList<SectionRule> rules, DirectoryPerson person)
    {
        var dn = NormalDn(person.Dn);
        var groups = person.Groups.Select(NormalDn).ToHashSet();
        return rules.FirstOrDefault(r => groups.Contains(r.Dn) || dn.EndsWith("," + r.Dn, StringComparison.Ordinal))?.Section;
    }

    /// <summary>DNs compare without case and without the spaces around separators ("OU=A, DC=x" is "ou=a,dc=x").</summary>
    public static string NormalDn(string dn) =>
        string.Join(',', dn.Split(',').Select(part => string.Join('=', part.Split('=').Select(s => s.Trim())))).ToLowerInvariant();
}
