using Luoshi.Data;
using Luoshi.Features.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Directives;

internal static class DirectiveAccess
{
    /// <summary>Whether the viewer belongs to the item's lead section (who reports how it was handled).</summary>
    public static Task<bool> IsLeadSectionAsync(LuoshiDb db, Viewer viewer, int taskId, CancellationToken ct)
    {
        var section = viewer.SectionId ?? 0;
        return db.Tasks.AnyAsync(t => t.Id == taskId && t.UnitId == viewer.UnitId && t.LeadSectionId == section, ct);
    }
}
