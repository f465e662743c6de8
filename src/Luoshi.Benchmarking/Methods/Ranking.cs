namespace Luoshi.Benchmarking;

/// <summary>Ranks: 1 = highest score; ties share the lower (better) rank, as R's rank(-x, ties.method = "min"); missing scores get no rank.</summary>
public static class Ranking
{
    public static int?[] Ranks(IReadOnlyList<double> scores)
    {
        // Sorting rather than counting keeps Monte Carlo over hundreds of units at n log n per replication.
        var order = Enumerable.Range(0, scores.Count).Where(i => !double.IsNaN(scores[i])).ToArray();
        Array.Sort(order, (a, b) => scores[b].CompareTo(scores[a]));
        var ranks = new int?[scores.Count];
        for (var k = 0; k < order.Length; k++)
        {
            ranks[order[k]] = k > 0 && scores[order[k]] == scores[order[k - 1]] ? ranks[order[k - 1]] : k + 1;
        }

        return ranks;
    }

    /// <summary>The rank of one unit without ranking everyone: what the rank-k search asks many times.</summary>
    internal static int RankOf(IReadOnlyList<double> scores, int unit)
    {
        var better = 0;
        for (var j = 0; j < scores.Count; j++)
        {
            if (scores[j] > scores[unit])
            {
                better++;
            }
        }

        return better + 1;
    }
}
