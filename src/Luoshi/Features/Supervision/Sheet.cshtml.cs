using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Tasks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Supervision;

/// <summary>督办单: the numbered sheet of a 督办, with the facts as they stood when it was raised
/// and the 催办 that came before it; printable.</summary>
internal sealed class SheetModel(LuoshiDb db, TaskEditor tasks, CurrentViewer current) : PageModel
{
    public EscalationStep Step { get; private set; } = null!;
    public WorkTask Task { get; private set; } = null!;
    public string UnitName { get; private set; } = "";
    public List<EscalationStep> Before { get; private set; } = [];
    public List<string> Recipients { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var viewer = await current.RequireAsync(ct);
        var step = await db.EscalationSteps.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id && s.UnitId == viewer.UnitId && s.Step == StepKind.Supervise, ct);
        // A sheet is seen by whoever may see its task, and by nobody else.
        if (step is null || await tasks.FindVisibleAsync(viewer, step.TaskId, ct) is not { } task)
        {
            return NotFound();
        }

        (Step, Task) = (step, task);
        UnitName = await db.Units.Where(u => u.Id == viewer.UnitId).Select(u => u.Name).FirstAsync(ct);
        Before = await db.EscalationSteps.AsNoTracking()
            .Where(s => s.TaskId == step.TaskId && s.Deadline == step.Deadline && s.DueOn == step.DueOn && s.Id != step.Id)
            .OrderBy(s => s.Id).ToListAsync(ct);
        Recipients = await db.Notices.AsNoTracking().Where(n => n.StepId == step.Id)
            .Join(db.People, n => n.RecipientId, p => p.Id, (n, p) => p.Name).ToListAsync(ct);
        return Page();
    }
}
