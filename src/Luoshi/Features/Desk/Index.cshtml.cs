using System.ComponentModel.DataAnnotations;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Luoshi.Features.Desk;

/// <summary>One heading of the 待办 page: a source, how many it holds, and the first of them.</summary>
internal sealed record DeskBox(IToDoSource Source, int Count, IReadOnlyList<ToDoItem> Items)
{
    /// <summary>The heading's anchor on the page (the dashboard's cards link to it).</summary>
    public string Anchor => $"todo-{Source.Order}";
}

internal sealed class IndexModel(DeskCounts desk, CurrentViewer current, BureauClock clock) : PageModel
{
    /// <summary>Items shown under a heading before "show all".</summary>
    public const int Shown = 8;

    /// <summary>A heading shown in full is still bounded: the page stays small.</summary>
    public const int ShownInFull = 200;

    /// <summary>The heading (its order) whose items are all shown.</summary>
    [FromQuery(Name = "all"), Range(0, 100_000, ErrorMessage = "参数不正确")]
    public int? All { get; set; }

    public List<DeskBox> Boxes { get; } = [];
    public DateOnly Today => clock.Today;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        foreach (var (source, count) in await desk.ForAsync(viewer, ct))
        {
            if (count > 0)
            {
                Boxes.Add(new(source, count, await source.ListAsync(viewer, All == source.Order ? ShownInFull : Shown, ct)));
            }
        }
    }

    public int Total => Boxes.Sum(b => b.Count);

    public string Due(DateOnly due) => DeskDates.Short(due, Today);
}
