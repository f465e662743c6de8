using Luoshi.Data;
using Luoshi.Features.Lights;
using Luoshi.Features.Organisation;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Directives;

/// <summary>One line of the 批示件 ledger.</summary>
internal sealed record DirectiveRow(
    int Id, string DocumentNumber, string SourceTitle, string Leader, DateOnly InstructedOn, string Classification, bool Restricted, string Section,
    DateOnly DueDate, int Round, string Stage, string State, Light Light, LightReason LightReason, bool Closed);

internal sealed record InstructionDto(int Round, string Text, DateOnly GivenOn, DateOnly DueDate);

internal sealed record HandlingReportDto(int Round, string Text, string? Evidence, string SubmittedBy, DateTime SubmittedAt, string? Response, string? Opinion, DateOnly? RespondedOn);

/// <summary>A 批示件 as its page, its print form and the API show it.</summary>
internal sealed record DirectiveDto(
    int Id, string DocumentNumber, string SourceTitle, string Leader, DateOnly InstructedOn, string Classification, bool Restricted, IReadOnlyList<string> Readers,
    string Section, string? ResponsiblePerson, string? LeadLeader, IReadOnlyList<string> CooperatingSections, DateOnly DueDate, int Round, string Stage, string State,
    Light Light, LightReason LightReason, bool Closed, IReadOnlyList<InstructionDto> Instructions, IReadOnlyList<HandlingReportDto> Reports);

internal static class DirectiveList
{
    /// <summary>Where the item stands, in the words of the 批示件 ledger.</summary>
    public static string State(bool closed, int round, bool reported) =>
        closed ? "已办结" : reported ? $"第{round}轮办理情况待呈阅" : round > 1 ? $"再次批示（第{round}轮）办理中" : "办理中";

    public static string Chinese(LeaderResponse? response) => response switch
    {
        LeaderResponse.Agreed => DirectiveDesk.Agree,
        LeaderResponse.Again => DirectiveDesk.Again,
        _ => "待领导阅示",
    };

    /// <summary>The 批示件 the viewer may see (restricted ones only for their readers), newest instruction first.</summary>
    public static async Task<List<DirectiveRow>> LoadAsync(LuoshiDb db, Viewer viewer, bool openOnly, CancellationToken ct)
    {
        var tasks = db.Tasks.AsNoTracking().VisibleTo(viewer, openOnly).Where(t => t.Kind == WorkKind.Directive);

        var rows = await (from t in tasks
                          join d in db.DirectiveDetails on t.Id equals d.TaskId
                          orderby d.InstructedOn descending, t.Id descending
                          select new
                          {
                              t.Id, d.DocumentNumber, d.SourceTitle, d.Leader, d.InstructedOn, d.Classification, t.Restricted, t.LeadSectionId, t.DueDate, t.Stage,
                              t.Light, t.LightReason, Closed = d.ClosedAt != null,
                              Round = db.DirectiveInstructions.Where(i => i.TaskId == t.Id).Max(i => (int?)i.Round) ?? 1,
                              Pending = db.DirectiveReports.Any(r => r.TaskId == t.Id && r.Response == null),
                          }).ToListAsync(ct);
        var sections = await db.Sections.Where(s => s.UnitId == viewer.UnitId).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        return [.. rows.Select(r => new DirectiveRow(
            r.Id, r.DocumentNumber, r.SourceTitle, r.Leader, r.InstructedOn, DirectiveDesk.Chinese(r.Classification), r.Restricted, sections.GetValueOrDefault(r.LeadSectionId, ""),
            r.DueDate, r.Round, r.Stage ?? DirectiveStages.Handling, State(r.Closed, r.Round, r.Pending), r.Light, r.LightReason, r.Closed))];
    }

    /// <summary>One 批示件 with its instructions and reports, or null when the viewer may not see it.</summary>
    public static async Task<DirectiveDto?> FindAsync(LuoshiDb db, Viewer viewer, int id, CancellationToken ct)
    {
        var t = await db.Tasks.AsNoTracking().VisibleTo(viewer).Include(x => x.Cooperations).FirstOrDefaultAsync(x => x.Id == id && x.Kind == WorkKind.Directive, ct);
        var d = t is null ? null : await db.DirectiveDetails.AsNoTracking().FirstOrDefaultAsync(x => x.TaskId == id, ct);
        if (t is null || d is null)
        {
            return null;
        }

        var instructions = await db.DirectiveInstructions.AsNoTracking().Where(i => i.TaskId == id).OrderBy(i => i.Round)
            .Select(i => new InstructionDto(i.Round, i.Text, i.GivenOn, i.DueDate)).ToListAsync(ct);
        var reports = await (from r in db.DirectiveReports.AsNoTracking()
                             join p in db.People on r.SubmittedById equals p.Id
                             where r.TaskId == id
                             orderby r.Round
                             select new { r.Round, r.Text, r.Evidence, p.Name, r.SubmittedAt, r.Response, r.Opinion, r.RespondedOn }).ToListAsync(ct);
        var readers = await (from r in db.TaskReaders
                             join p in db.People on r.PersonId equals p.Id
                             where r.TaskId == id
                             orderby p.Id
                             select p.Name).ToListAsync(ct);
        var names = await db.People.Where(p => p.Id == t.ResponsiblePersonId || p.Id == t.LeadLeaderId).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var sections = await db.Sections.Where(s => s.UnitId == t.UnitId).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var round = instructions.Count == 0 ? 1 : instructions[^1].Round;
        var closed = d.ClosedAt is not null;
        return new DirectiveDto(
            t.Id, d.DocumentNumber, d.SourceTitle, d.Leader, d.InstructedOn, DirectiveDesk.Chinese(d.Classification), t.Restricted, readers,
            sections.GetValueOrDefault(t.LeadSectionId, ""), t.ResponsiblePersonId is { } rp ? names.GetValueOrDefault(rp) : null,
            t.LeadLeaderId is { } ll ? names.GetValueOrDefault(ll) : null, [.. t.Cooperations.Select(c => sections.GetValueOrDefault(c.SectionId, ""))],
            t.DueDate, round, t.Stage ?? DirectiveStages.Handling, State(closed, round, reports.Any(r => r.Response is null)), t.Light, t.LightReason, closed, instructions,
            [.. reports.Select(r => new HandlingReportDto(r.Round, r.Text, r.Evidence, r.Name, r.SubmittedAt, r.Response is null ? null : Chinese(r.Response), r.Opinion, r.RespondedOn))]);
    }
}
