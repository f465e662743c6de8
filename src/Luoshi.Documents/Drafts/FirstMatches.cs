using System.Text.RegularExpressions;

namespace Luoshi.Documents;

/// <summary>
/// Runs patterns from the most specific to the least and keeps a match only where no earlier one
/// was taken, so "2026年3月31日前" is one deadline, not also "3月31日".
/// </summary>
internal static class FirstMatches
{
    public static List<T> Find<T>(string text, Regex[] patterns, Func<Match, T?> read)
        where T : class
    {
        var found = new List<(int At, T Value)>();
        var taken = new System.Collections.BitArray(text.Length);
        foreach (var pattern in patterns)
        {
            foreach (Match m in pattern.Matches(text))
            {
                if (IsTaken(taken, m) || read(m) is not { } value)
                {
                    continue;
                }

                for (var i = m.Index; i < m.Index + m.Length; i++)
                {
                    taken[i] = true;
                }

                found.Add((m.Index, value));
            }
        }

        return [.. found.OrderBy(f => f.At).Select(f => f.Value)];
    }

    private static bool IsTaken(System.Collections.BitArray taken, Match m)
    {
        for (var i = m.Index; i < m.Index + m.Length; i++)
        {
            if (taken[i])
            {
                return true;
            }
        }

        return false;
    }
}
