using Luoshi.Benchmarking;
using Luoshi.Features.Organisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Luoshi.Features.Benchmarks;

/// <summary>Uncertainty analysis: each unit's median rank and 5th–95th percentile interval.</summary>
internal sealed class UncertaintyModel(ScoreboardStore store, CurrentViewer current) : PageModel
{
    [FromRoute] public int Id { get; set; }
    [FromQuery] public int Replications { get; set; } = 1000;
    [FromQuery] public int Variation { get; set; } = 25;
    [FromQuery] public int Seed { get; set; } = 20261123;
    [FromQuery] public bool Methods { get; set; }

    public LoadedScoreboard Board { get; private set; } = null!;
    public IReadOnlyList<UnitUncertainty> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await store.LoadAsync((await current.RequireAsync(ct)).UnitId, Id, ct) is not { } board)
        {
            return NotFound();
        }

        Board = board;
        // Bounded so one request cannot hold the server for long.
        Replications = Math.Clamp(Replications, 100, 20_000);
        Variation = Math.Clamp(Variation, 0, 90);
        var settings = new UncertaintyOptions(Replications, Seed, Variation / 100d,
            Methods ? [Normalisation.MinMax(1, 100), Normalisation.Rank] : null,
            Methods ? [AggregationMethod.ArithmeticMean, AggregationMethod.GeometricMean] : null);
        Rows = [.. Uncertainty.Run(board.Framework, board.Data, new IndexOptions(), settings).OrderBy(r => r.MedianRank)];
        return Page();
    }

    public string NameOf(string code) => Board.UnitName(code);
}
