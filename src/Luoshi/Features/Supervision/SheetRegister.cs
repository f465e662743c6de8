using System.Text.RegularExpressions;
using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Supervision;

/// <summary>The register's filters; every one optional.</summary>
internal sealed record SheetFilter(SheetView? State = null, int? SectionId = null, StepSource? Source = null, DateOnly? From = null, DateOnly? To = null, string? Search = null);

internal sealed record SheetRow(
    long Id, string Number, int TaskId, string TaskName, string Section, string? Responsible, StepSource Source,
    DateOnly RaisedOn, DateOnly? ReplyDueBy, SheetView View, string? Message)
{
    /// <summary>Who the sheet's notice went to and who has read it (消息必达).</summary>
    public IReadOnlyList<SheetReader> Readers { get; init; } = [];
}

/// <summary>One page of the register: <see cref="Next"/> and <see cref="Previous"/> are the sealed
/// cursors of the pages beside it (null at either end).</summary>
internal sealed record SheetPage(IReadOnlyList<SheetRow> Rows, int Total, int Page, int PageSize, string? Next, string? Previous);

/// <summary>
/// 督办台账: the unit's 督办单 that the viewer may see (the office all; a leader those of his sections
/// and tasks; a section those of the tasks it leads), newest first, with today's state of each.
/// Paged by keyset (the id after or before which a page starts), never by offset: page 2,000 reads
/// 51 rows from the index as page 1 does.
/// </summary>
internal sealed partial class SheetRegister(LuoshiDb db, BureauClock clock, RegisterCursors cursors, SheetArrival arrival)
{
    public const int PageSize = 50;

    /// <summary>Rows read per query by the export: bounded memory whatever the register's size.</summary>
    public const int ExportChunk = 2000;

    public const string BadCursor = "翻页标记无效（可能被改动或已失效），已从第一页显示";

    public async Task<Outcome<SheetPage>> PageAsync(Viewer viewer, SheetFilter filter, string? cursorText, CancellationToken ct)
    {
        RegisterCursor? cursor = null;
        if (!string.IsNullOrEmpty(cursorText) && (cursor = cursors.Open(cursorText)) is null)
        {
            return Outcome<SheetPage>.Invalid("cursor", BadCursor);
        }

        var query = Query(viewer, filter);
        var total = viewer.IsAdmin && filter is { State: null, SectionId: null, Search: null or "" }
            // The office sees every sheet and nothing here depends on the task: counted from the sheets' index alone.
            ? await SheetsOnly(viewer.UnitId, filter).CountAsync(ct)
            : await query.CountAsync(ct);
        List<Found> found = [];
        var (number, hasPrevious, hasNext) = (1, false, false);
        if (cursor is { Backward: true } back)
        {
            var before = await query.Where(x => x.Id > back.Id).OrderBy(x => x.Id).Take(PageSize + 1).ToListAsync(ct);
            // A page or less before it: that is the first page, shown whole below.
            if (before.Count > PageSize)
            {
                found = [.. before.Take(PageSize).Reverse()];
                (number, hasPrevious, hasNext) = (Math.Max(2, back.Page), true, true);
            }
        }
        else if (cursor is { } ahead)
        {
            var after = await query.Where(x => x.Id < ahead.Id).OrderByDescending(x => x.Id).Take(PageSize + 1).ToListAsync(ct);
            // Nothing after it (the filters changed under the cursor): the first page.
            if (after.Count > 0)
            {
                found = [.. after.Take(PageSize)];
                (number, hasPrevious, hasNext) = (ahead.Page, true, after.Count > PageSize);
            }
        }

        if (!hasPrevious)
        {
            var first = await query.OrderByDescending(x => x.Id).Take(PageSize + 1).ToListAsync(ct);
            found = [.. first.Take(PageSize)];
            hasNext = first.Count > PageSize;
        }

        var rows = await RowsAsync(viewer, found, ct);
        return Outcome<SheetPage>.Ok(new SheetPage(rows, total, number, PageSize,
            hasNext ? cursors.Seal(new RegisterCursor(false, rows[^1].Id, number + 1)) : null,
            hasPrevious ? cursors.Seal(new RegisterCursor(true, rows[0].Id, number - 1)) : null));
    }

    /// <summary>Every row the filters select, newest first, read in keyset chunks without tracking: the
    /// export of 100,000 sheets holds one chunk at a time.</summary>
    public async IAsyncEnumerable<SheetRow> AllAsync(Viewer viewer, SheetFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var query = Query(viewer, filter);
        for (long? after = null; ;)
        {
            var chunk = await (after is { } a ? query.Where(x => x.Id < a) : query).OrderByDescending(x => x.Id).Take(ExportChunk).ToListAsync(ct);
            foreach (var row in await RowsAsync(viewer, chunk, ct))
            {
                yield return row;
            }

            if (chunk.Count < ExportChunk)
            {
                yield break;
            }

            after = chunk[^1].Id;
        }
    }

    // Properties, not a positional record: EF filters and sorts on a member-initialised projection only.
    private sealed class Found
    {
        public long Id { get; init; }
        public int? Year { get; init; }
        public int? Sequence { get; init; }
        public int TaskId { get; init; }
        public string? TaskNumber { get; init; }
        public string Title { get; init; } = "";
        public int SectionId { get; init; }
        public int? ResponsibleId { get; init; }
        public StepSource Source { get; init; }
        public DateOnly RaisedOn { get; init; }
        public DateOnly? ReplyDueBy { get; init; }
        public SheetState State { get; init; }
        public bool Done { get; init; }
        public string? Message { get; init; }
    }

    /// <summary>The tasks whose sheets the viewer's register lists: all for the office; a leader's own and
    /// his sections'; a section its lead tasks (a sheet goes to the lead section, not to those that
    /// cooperate). Each is a part of what <see cref="TaskAccess.VisibleTo"/> lets the viewer see, and
    /// leaving out the cooperation list keeps the join on the tasks' indexes.</summary>
    private IQueryable<WorkTask> Addressed(Viewer viewer)
    {
        var tasks = db.Tasks.VisibleTo(viewer);
        var sections = viewer.SeenSectionIds;
        var person = viewer.PersonId;
        return viewer.Role switch
        {
            Role.Admin => tasks,
            Role.Leader => db.Tasks.Where(t => t.UnitId == viewer.UnitId && (t.LeadLeaderId == person || sections.Contains(t.LeadSectionId))),
            _ => db.Tasks.Where(t => t.UnitId == viewer.UnitId && sections.Contains(t.LeadSectionId)),
        };
    }

    private IQueryable<EscalationStep> SheetsOnly(int unitId, SheetFilter f)
    {
        var sheets = db.EscalationSteps.Where(s => s.UnitId == unitId && s.Step == StepKind.Supervise);
        if (f.Source is { } source)
        {
            sheets = sheets.Where(s => s.Source == source);
        }

        if (f.From is { } from)
        {
            sheets = sheets.Where(s => s.RaisedOn >= from);
        }

        return f.To is { } to ? sheets.Where(s => s.RaisedOn <= to) : sheets;
    }

    private IQueryable<Found> Query(Viewer viewer, SheetFilter f)
    {
        var today = clock.Today;
        var query = db.EscalationSteps.AsNoTracking().Where(s => s.UnitId == viewer.UnitId && s.Step == StepKind.Supervise)
            .Join(Addressed(viewer), s => s.TaskId, t => t.Id, (s, t) => new Found
            {
                Id = s.Id, Year = s.Year, Sequence = s.Sequence, TaskId = t.Id, TaskNumber = t.Number, Title = t.Title, SectionId = t.LeadSectionId,
                ResponsibleId = t.ResponsiblePersonId, Source = s.Source, RaisedOn = s.RaisedOn, ReplyDueBy = s.ReplyDueBy, State = s.State,
                Done = t.CompletedOn != null, Message = s.Message,
            });
        query = f.State switch
        {
            SheetView.Closed => query.Where(x => x.State == SheetState.Closed || x.Done),
            SheetView.Replied => query.Where(x => x.State == SheetState.Replied && !x.Done),
            SheetView.Overdue => query.Where(x => (x.State == SheetState.Issued || x.State == SheetState.Acknowledged) && !x.Done && x.ReplyDueBy < today),
            SheetView.Issued or SheetView.Acknowledged => query.Where(x => x.State == (SheetState)(int)f.State.Value && !x.Done && (x.ReplyDueBy == null || x.ReplyDueBy >= today)),
            _ => query,
        };
        if (f.SectionId is { } section)
        {
            query = query.Where(x => x.SectionId == section);
        }

        if (f.Source is { } source)
        {
            query = query.Where(x => x.Source == source);
        }

        if (f.From is { } from)
        {
            query = query.Where(x => x.RaisedOn >= from);
        }

        if (f.To is { } to)
        {
            query = query.Where(x => x.RaisedOn <= to);
        }

        if (f.Search?.Trim() is { Length: > 0 } search)
        {
            // "督办〔2026〕12号", "12号" or "12" finds the sheet by its number; other words search task titles.
            var number = SheetNumber().Match(search);
            if (number.Success)
            {
                var sequence = int.Parse(number.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);
                query = query.Where(x => x.Sequence == sequence);
                if (number.Groups["y"].Success)
                {
                    var year = int.Parse(number.Groups["y"].Value, System.Globalization.CultureInfo.InvariantCulture);
                    query = query.Where(x => x.Year == year);
                }
            }
            else
            {
                query = query.Where(x => x.Title.Contains(search));
            }
        }

        return query;
    }

    private async Task<IReadOnlyList<SheetRow>> RowsAsync(Viewer viewer, List<Found> found, CancellationToken ct)
    {
        var sectionIds = found.Select(x => x.SectionId).Distinct().ToList();
        var personIds = found.Select(x => x.ResponsibleId).OfType<int>().Distinct().ToList();
        var sections = await db.Sections.AsNoTracking().Where(s => s.UnitId == viewer.UnitId && sectionIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var people = await db.People.AsNoTracking().Where(p => p.UnitId == viewer.UnitId && personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var today = clock.Today;
        var readers = await arrival.ReadersAsync(viewer.UnitId, [.. found.Select(x => x.Id)], ct);
        return [.. found.Select(x => new SheetRow(
            x.Id, $"督办〔{x.Year}〕{x.Sequence}号", x.TaskId, x.TaskNumber is { Length: > 0 } n && char.IsAsciiDigit(n[^1]) ? $"{n} {x.Title}" : x.TaskNumber + x.Title,
            sections.GetValueOrDefault(x.SectionId, ""), x.ResponsibleId is { } r ? people.GetValueOrDefault(r) : null, x.Source,
            x.RaisedOn, x.ReplyDueBy, SheetStates.View(x.State, x.ReplyDueBy, x.Done, today), x.Message) { Readers = [.. readers[x.Id]] })];
    }

    [GeneratedRegex(@"^(?:督办)?(?:〔(?<y>\d{4})〕)?(?<n>\d{1,7})号?$")]
    private static partial Regex SheetNumber();
}
