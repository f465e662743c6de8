using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Tasks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Benchmarks;

/// <summary>The framework as a tree, each indicator with the tasks made from its gap and their lights.</summary>
internal sealed class FrameworkModel(ReadDb db, ScoreboardStore store, CurrentViewer current) : PageModel
{
    private ILookup<string, TaskRow> _tasks = Array.Empty<TaskRow>().ToLookup(t => "");

    [FromRoute] public int Id { get; set; }
    public LoadedScoreboard Board { get; private set; } = null!;
    public List<(ScoreboardNode Node, int Depth)> Tree { get; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        if (await store.LoadAsync(viewer.UnitId, Id, ct) is not { } board)
        {
            return NotFound();
        }

        Board = board;
        var children = board.Nodes.ToLookup(n => n.Parent ?? "");
        void Walk(string parent, int depth)
        {
            foreach (var node in children[parent])
            {
                Tree.Add((node, depth));
                Walk(node.Code, depth + 1);
            }
        }

        Walk("", 0);
        _tasks = await IndicatorTaskLinks.LoadAsync(db, viewer, Id, ct);
        return Page();
    }

    public IEnumerable<TaskRow> TasksOf(string code) => _tasks[code];
}
