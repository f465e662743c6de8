using System.Globalization;
using Luoshi.Benchmarking;
using Luoshi.Features.Organisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Luoshi.Features.Benchmarks;

/// <summary>What-if: the city's values changed by hand, the whole index recomputed for every unit.</summary>
internal sealed class WhatIfModel(ScoreboardStore store, CurrentViewer current) : PageModel
{
    private readonly Dictionary<string, double> _changes = [];

    [FromRoute] public int Id { get; set; }
    public LoadedScoreboard Board { get; private set; } = null!;
    public WhatIfResult? Result { get; private set; }
    public int Year { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await store.LoadAsync((await current.RequireAsync(ct)).UnitId, Id, ct) is not { } board)
        {
            return NotFound();
        }

        Board = board;
        Year = board.Data.LatestYear;
        foreach (var node in board.Nodes.Where(n => n.IsIndicator))
        {
            if (double.TryParse(Request.Query[$"v_{node.Code}"], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
                && value != Current(node.Code))
            {
                _changes[node.Code] = value;
            }
        }

        if (_changes.Count > 0)
        {
            Result = Benchmarking.WhatIf.Run(board.Framework, board.Data, new IndexOptions(), _changes.Select(c => new ValueChange(board.Board.OwnCode, c.Key, c.Value)));
        }

        return Page();
    }

    public double Current(string indicator) => Board.Data.Value(Board.Board.OwnCode, indicator, Year);

    public string Changed(string indicator) =>
        _changes.TryGetValue(indicator, out var v) ? v.ToString("R", CultureInfo.InvariantCulture)
        : double.IsNaN(Current(indicator)) ? "" : Current(indicator).ToString("R", CultureInfo.InvariantCulture);

    public string NameOf(string code) => Board.UnitName(code);
}
