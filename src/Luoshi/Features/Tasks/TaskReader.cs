using Luoshi.Data;
using Luoshi.Features.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Luoshi.Features.Tasks;

/// <summary>
/// A person allowed to read a restricted task (<see cref="WorkTask.Restricted"/>, e.g. a 批示件 with a
/// 知悉范围): the people named in the 知悉范围 and the person who registered it. The lead section's head,
/// the responsible person and the lead leader read it by their place on the task, not by a row here, so
/// a change of lead section or leader carries the right with it (see <see cref="RestrictedFacts"/>).
/// </summary>
internal sealed class TaskReader
{
    public int UnitId { get; set; }
    public int TaskId { get; set; }
    public int PersonId { get; set; }
}

internal sealed class TaskReaderConfiguration : IEntityTypeConfiguration<TaskReader>
{
    public void Configure(EntityTypeBuilder<TaskReader> e)
    {
        e.HasKey(r => new { r.UnitId, r.TaskId, r.PersonId });
        e.HasIndex(r => new { r.UnitId, r.PersonId });
        e.HasOne<WorkTask>().WithMany().HasForeignKey(r => r.TaskId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>The restricted tasks the viewer may read, loaded with the viewer for <see cref="TaskAccess"/>:
/// those naming the viewer as reader, those the viewer leads as leader or responsible person, and, for a
/// section head, those of the head's section. Everyone else, the office included, does not see them.</summary>
internal sealed class RestrictedFacts(LuoshiDb db) : IViewerFacts
{
    public async Task<Viewer> AddToAsync(Viewer viewer, CancellationToken ct)
    {
        var me = viewer.PersonId;
        var headOf = viewer.Role == Role.SectionHead ? viewer.SectionId ?? 0 : 0;
        var ids = await db.Tasks.Where(t => t.UnitId == viewer.UnitId && t.Restricted
                && (t.LeadLeaderId == me || t.ResponsiblePersonId == me || t.LeadSectionId == headOf
                    || db.TaskReaders.Any(r => r.TaskId == t.Id && r.PersonId == me)))
            .Select(t => t.Id).ToListAsync(ct);
        return viewer with { ReadableRestrictedTaskIds = ids };
    }
}
