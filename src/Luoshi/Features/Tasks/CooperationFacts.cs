using Luoshi.Data;
using Luoshi.Features.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Tasks;

/// <summary>The tasks on which the viewer's sections cooperate, loaded with the viewer for
/// <see cref="TaskAccess"/> (none for the office, which sees everything anyway).</summary>
internal sealed class CooperationFacts(LuoshiDb db) : IViewerFacts
{
    public async Task<Viewer> AddToAsync(Viewer viewer, CancellationToken ct)
    {
        if (viewer.IsAdmin)
        {
            return viewer;
        }

        var sections = viewer.SeenSectionIds;
        return viewer with
        {
            CooperationTaskIds = await db.TaskCooperations.Where(c => c.UnitId == viewer.UnitId && sections.Contains(c.SectionId)).Select(c => c.TaskId).ToListAsync(ct),
        };
    }
}
