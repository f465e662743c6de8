using Luoshi.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Luoshi.Features.Notices.Arrival;

/// <summary>A unit's email choices as loaded once for a batch of notices: what each person chose, and
/// what the unit and 消息必达 require at once whatever was chosen.</summary>
internal sealed class EmailChoices(IReadOnlyDictionary<(int PersonId, NoticeKind Kind), EmailMode> chosen, IReadOnlySet<NoticeKind> required)
{
    public static EmailChoices None { get; } = new(new Dictionary<(int, NoticeKind), EmailMode>(), new HashSet<NoticeKind>());

    public bool IsRequired(NoticeKind kind) => required.Contains(kind);

    public EmailMode For(int personId, NoticeKind kind) =>
        required.Contains(kind) ? EmailMode.Immediate : chosen.GetValueOrDefault((personId, kind), EmailMode.Immediate);

    /// <summary>Whether the notice's email goes out with it (not held for the digest, not turned off).</summary>
    public bool Immediate(int personId, NoticeKind kind) => For(personId, kind) == EmailMode.Immediate;
}

/// <summary>Reads and writes the choices; the settings page and the admin's rules page call this.</summary>
internal sealed class NoticeChoices(LuoshiDb db, IOptions<MustArriveOptions> mustArrive)
{
    /// <summary>Kinds nobody chooses about: the daily digest itself and the head's 未读督办告知 go as they are.</summary>
    private static readonly NoticeKind[] Fixed = [NoticeKind.DailyDigest, NoticeKind.UnreadEscalated];

    /// <summary>The categories a person may choose for, with the kinds each holds.</summary>
    public static IEnumerable<NoticeCategory> Choosable => NoticeCategories.All.Where(c => !c.Kinds.Any(Fixed.Contains));

    public async Task<HashSet<NoticeKind>> RequiredAsync(int unitId, CancellationToken ct)
    {
        var kinds = await db.NoticeRequirements.AsNoTracking().Where(r => r.UnitId == unitId).Select(r => r.Kind).ToListAsync(ct);
        return [.. kinds, .. mustArrive.Value.MustArriveKinds, .. Fixed];
    }

    /// <summary>Only the unit's own requirements (what the admin may take back).</summary>
    public Task<List<NoticeKind>> UnitRequiredAsync(int unitId, CancellationToken ct) =>
        db.NoticeRequirements.AsNoTracking().Where(r => r.UnitId == unitId).Select(r => r.Kind).ToListAsync(ct);

    public async Task<EmailChoices> ForUnitAsync(int unitId, IReadOnlyCollection<int>? people, CancellationToken ct)
    {
        var query = db.NoticeChoices.AsNoTracking().Where(c => c.UnitId == unitId && c.Email != EmailMode.Immediate);
        if (people is not null)
        {
            var ids = people.ToList();
            query = query.Where(c => ids.Contains(c.PersonId));
        }

        var rows = await query.ToListAsync(ct);
        return new(rows.ToDictionary(r => (r.PersonId, r.Kind), r => r.Email), await RequiredAsync(unitId, ct));
    }

    /// <summary>Saves a person's choice per category (by its first kind); required categories are left as they must be.</summary>
    public async Task<int> SaveAsync(int unitId, int personId, IReadOnlyDictionary<NoticeKind, EmailMode> byCategory, CancellationToken ct)
    {
        var required = await RequiredAsync(unitId, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.NoticeChoices.Where(c => c.UnitId == unitId && c.PersonId == personId).ExecuteDeleteAsync(ct);
        var saved = 0;
        foreach (var category in Choosable)
        {
            // Posted under any kind of the category (the page posts its first).
            var mode = category.Kinds.Select(k => byCategory.TryGetValue(k, out var m) ? m : EmailMode.Immediate).Max();
            if (mode == EmailMode.Immediate || !Enum.IsDefined(mode) || category.Kinds.Any(required.Contains))
            {
                continue;
            }

            db.NoticeChoices.AddRange(category.Kinds.Select(k => new NoticeChoice { UnitId = unitId, PersonId = personId, Kind = k, Email = mode }));
            saved++;
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return saved;
    }

    public async Task SaveRequiredAsync(int unitId, IReadOnlyCollection<NoticeKind> categoryKeys, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.NoticeRequirements.Where(r => r.UnitId == unitId).ExecuteDeleteAsync(ct);
        var kinds = Choosable.Where(c => categoryKeys.Contains(c.Key)).SelectMany(c => c.Kinds).Distinct();
        db.NoticeRequirements.AddRange(kinds.Select(k => new NoticeRequirement { UnitId = unitId, Kind = k }));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
