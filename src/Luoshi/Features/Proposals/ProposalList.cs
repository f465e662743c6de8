using Luoshi.Data;
using Luoshi.Features.Lights;
using Luoshi.Features.Organisation;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Proposals;

/// <summary>The ledger's filters: type, state (stage), lead section, result class of the latest reply, last satisfaction.</summary>
internal sealed record ProposalFilter(string? Type = null, string? State = null, int? Section = null, string? Result = null, string? Satisfaction = null);

/// <summary>One proposal in the yearly ledger (建议提案办理台账). <see cref="OnTime"/> is null while the
/// first reply is not yet due.</summary>
internal sealed record ProposalRow(
    int Id, string Type, string Number, string Title, string Proposer, string Section, string CoHandlers, string? Stage, DateOnly AssignedOn, DateOnly ReplyDue,
    DateOnly DueDate, DateOnly? FirstRepliedOn, bool? OnTime, string? ResultClass, string? Satisfaction, bool ReHandled, int ExtensionMonths, Light Light);

internal static class ProposalList
{
    public static async Task<List<ProposalRow>> LoadAsync(LuoshiDb db, Viewer viewer, int year, ProposalFilter filter, DateOnly today, CancellationToken ct)
    {
        var query = from p in db.Proposals
                    join t in db.Tasks.VisibleTo(viewer) on p.TaskId equals t.Id
                    join s in db.Sections on t.LeadSectionId equals s.Id
                    where p.UnitId == viewer.UnitId && p.Year == year
                    select new { p, t.Title, Section = s.Name, t.LeadSectionId, t.Stage, t.DueDate, t.Light };
        if (ProposalTypes.Parse(filter.Type) is { } type)
        {
            query = query.Where(x => x.p.Type == type);
        }

        if (!string.IsNullOrWhiteSpace(filter.State))
        {
            query = query.Where(x => x.Stage == filter.State);
        }

        if (filter.Section is { } section)
        {
            query = query.Where(x => x.LeadSectionId == section);
        }

        var found = await query.OrderBy(x => x.p.Type).ThenBy(x => x.p.Number).AsNoTracking().ToListAsync(ct);
        var ids = found.Select(x => x.p.TaskId).ToList();
        var replies = (await db.ProposalReplies.AsNoTracking().Where(r => r.UnitId == viewer.UnitId && ids.Contains(r.TaskId))
                .Select(r => new { r.TaskId, r.Round, r.ResultClass, r.Satisfaction }).ToListAsync(ct))
            .GroupBy(r => r.TaskId).ToDictionary(g => g.Key, g => g.OrderBy(r => r.Round).ToList());
        var coHandlers = (await db.ProposalCoHandlers.AsNoTracking().Where(c => c.UnitId == viewer.UnitId && ids.Contains(c.TaskId))
                .OrderBy(c => c.Id).Select(c => new { c.TaskId, c.CoUnitName }).ToListAsync(ct))
            .GroupBy(c => c.TaskId).ToDictionary(g => g.Key, g => string.Join("、", g.Select(c => c.CoUnitName)));
        var rows = found.Select(x =>
        {
            var mine = replies.GetValueOrDefault(x.p.TaskId) ?? [];
            var onTime = x.p.FirstRepliedOn is { } first ? first <= x.p.ReplyDue : today > x.p.ReplyDue ? false : (bool?)null;
            return new ProposalRow(x.p.TaskId, x.p.Type.Chinese(), x.p.Number, x.Title, x.p.ProposerName, x.Section, coHandlers.GetValueOrDefault(x.p.TaskId, ""), x.Stage,
                x.p.AssignedOn, x.p.ReplyDue, x.DueDate, x.p.FirstRepliedOn, onTime, mine.LastOrDefault()?.ResultClass,
                mine.LastOrDefault(r => r.Satisfaction is not null)?.Satisfaction, x.p.ReopenedOn is not null, x.p.ExtensionMonths, x.Light);
        });
        return [.. rows.Where(r => string.IsNullOrWhiteSpace(filter.Result) || string.Equals(r.ResultClass, filter.Result.Trim(), StringComparison.OrdinalIgnoreCase))
            .Where(r => string.IsNullOrWhiteSpace(filter.Satisfaction) || r.Satisfaction == filter.Satisfaction.Trim())];
    }
}

/// <summary>
/// The ledger's figures (统计): total; replied on time among those due (replied, or unreplied past the
/// reply deadline); the latest reply's result class; 满意率 = (满意 + 基本满意) / proposals with a
/// recorded satisfaction, by the last one recorded; how many were handled again.
/// </summary>
internal sealed record ProposalFigures(int Total, int Replied, int Due, int OnTime, double? OnTimeRate, int ClassA, int ClassB, int ClassC,
    int Feedback, int Satisfied, int Basically, int Dissatisfied, double? SatisfactionRate, int ReHandled, int Closed)
{
    public static ProposalFigures Of(IReadOnlyList<ProposalRow> rows)
    {
        var due = rows.Count(r => r.OnTime is not null);
        var onTime = rows.Count(r => r.OnTime == true);
        var feedback = rows.Count(r => r.Satisfaction is not null);
        var satisfied = rows.Count(r => r.Satisfaction == Appeals.Satisfaction.Satisfied);
        var basically = rows.Count(r => r.Satisfaction == Appeals.Satisfaction.Basically);
        return new(rows.Count, rows.Count(r => r.FirstRepliedOn is not null), due, onTime, Rate(onTime, due),
            rows.Count(r => r.ResultClass == "A"), rows.Count(r => r.ResultClass == "B"), rows.Count(r => r.ResultClass == "C"),
            feedback, satisfied, basically, rows.Count(r => r.Satisfaction == Appeals.Satisfaction.Dissatisfied), Rate(satisfied + basically, feedback),
            rows.Count(r => r.ReHandled), rows.Count(r => r.Stage == ProposalStages.Closed));
    }

    private static double? Rate(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);
}
