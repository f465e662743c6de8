using System.ComponentModel.DataAnnotations;
using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Audit;

/// <summary>The filters of the audit page and API. Dates are the bureau's calendar days, both ends included.</summary>
internal sealed record AuditFilter
{
    [Display(Name = "起始日期")] public DateOnly? From { get; init; }
    [Display(Name = "截止日期")] public DateOnly? To { get; init; }
    [Display(Name = "事件类型")] public AuditKind? Kind { get; init; }

    /// <summary>Part of a login name or of the name of the person who acted or was acted on.</summary>
    [Display(Name = "人员或登录名"), StringLength(50, ErrorMessage = "人员或登录名不能超过50个字")]
    public string? Who { get; init; }

    [Display(Name = "地址"), StringLength(64, ErrorMessage = "地址不能超过64个字")]
    public string? Address { get; init; }

    /// <summary>From 1; left out, the first page.</summary>
    [Display(Name = "页码"), Range(1, 100000, ErrorMessage = "页码须在1到100000之间")]
    public int? Page { get; init; }

    public int PageOrFirst => Page ?? 1;
}

/// <summary>One entry as shown; <c>At</c> is UTC.</summary>
internal sealed record AuditRow(long Id, DateTime At, AuditKind Kind, string KindName, string? UserName, string? Actor, string? Target, string? Address, string? Detail);

internal sealed record AuditPage(IReadOnlyList<AuditRow> Rows, int Total, int Page, int PageSize);

internal static class AuditQuery
{
    public const int PageSize = 50;

    /// <summary>An export holds at most this many entries (the newest); a longer period is exported in parts.</summary>
    public const int MaxExport = 50_000;

    public static IQueryable<AuditEntry> Filter(LuoshiDb db, Viewer viewer, AuditFilter f, BureauClock clock)
    {
        var q = db.AuditEntries.AsNoTracking().Where(a => a.UnitId == viewer.UnitId || a.UnitId == AuditLog.NoUnit);
        if (f.From is { } from)
        {
            var start = clock.StartOfDayUtc(from);
            q = q.Where(a => a.At >= start);
        }

        if (f.To is { } to)
        {
            var end = clock.StartOfDayUtc(to.AddDays(1));
            q = q.Where(a => a.At < end);
        }

        if (f.Kind is { } kind)
        {
            q = q.Where(a => a.Kind == kind);
        }

        if (f.Who.OrNull() is { } who)
        {
            q = q.Where(a => (a.UserName != null && a.UserName.Contains(who)) || (a.Target != null && a.Target.Contains(who))
                || db.People.Any(p => (p.Id == a.ActorPersonId || p.Id == a.TargetPersonId) && p.Name.Contains(who)));
        }

        if (f.Address.OrNull() is { } address)
        {
            q = q.Where(a => a.Address != null && a.Address.Contains(address));
        }

        return q;
    }

    public static async Task<AuditPage> PageAsync(LuoshiDb db, Viewer viewer, AuditFilter f, BureauClock clock, CancellationToken ct)
    {
        var q = Filter(db, viewer, f, clock);
        var total = await q.CountAsync(ct);
        var rows = await RowsAsync(db, q.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Skip((f.PageOrFirst - 1) * PageSize).Take(PageSize), ct);
        return new(rows, total, f.PageOrFirst, PageSize);
    }

    public static Task<List<AuditRow>> ExportRowsAsync(LuoshiDb db, Viewer viewer, AuditFilter f, BureauClock clock, CancellationToken ct) =>
        RowsAsync(db, Filter(db, viewer, f, clock).OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(MaxExport), ct);

    private static async Task<List<AuditRow>> RowsAsync(LuoshiDb db, IQueryable<AuditEntry> q, CancellationToken ct)
    {
        var rows = await q.Select(a => new
        {
            a.Id, a.At, a.Kind, a.UserName, Actor = db.People.Where(p => p.Id == a.ActorPersonId).Select(p => p.Name).FirstOrDefault(), a.Target, a.Address, a.Detail,
        }).ToListAsync(ct);
        return [.. rows.Select(r => new AuditRow(r.Id, DateTime.SpecifyKind(r.At, DateTimeKind.Utc), r.Kind, r.Kind.Chinese(), r.UserName, r.Actor, r.Target, r.Address, r.Detail))];
    }
}
