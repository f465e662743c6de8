using System.Globalization;
using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Record;
using Luoshi.Features.Shared;
using Luoshi.Features.Supervision;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Reviews;

/// <summary>
/// 印发: the office issues the review of a period as a numbered 督查通报. The number is the next of
/// the unit's year, taken under the unit's bulletin lock inside the transaction that saves the file
/// and its record entry, so two people issuing at once get 1 and 2 and a failed issue takes none; the
/// unique (unit, year, number) index stands behind the lock. A period already issued is issued again
/// only when the office confirms: the first paper has gone round under its number, so a corrected
/// one needs a number of its own, and the first stays on the list and in the record. The sections
/// it speaks of are told in the same transaction (<see cref="BulletinNotices"/>).
/// </summary>
internal sealed class BulletinIssuer(LuoshiDb db, ReviewData data, BulletinNotices notices, BureauClock clock, UnitSigner signer)
{
    public const string AgainField = "Again";

    public async Task<Outcome<IssuedBulletin>> IssueAsync(Viewer viewer, ReviewPeriod period, ReviewChoice choice, bool again, CancellationToken ct)
    {
        if (!viewer.IsAdmin)
        {
            return Outcome<IssuedBulletin>.Forbidden("督查通报由办公室印发，科室和领导可下载不编号的情况汇总");
        }

        var review = await data.LoadAsync(viewer, period, choice, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await UnitLock.TakeAsync(db, viewer.UnitId, "bulletin", ct);
        var earlier = await db.IssuedBulletins.AsNoTracking().Where(b => b.UnitId == viewer.UnitId && b.Period == period.Label)
            .OrderByDescending(b => b.Id).Select(b => new { b.Year, b.Number, b.IssuedAt }).FirstOrDefaultAsync(ct);
        if (earlier is not null && !again)
        {
            return Outcome<IssuedBulletin>.Invalid(AgainField,
                $"{period.Label}的督查通报已于{FormalDate.Of(clock.LocalDate(earlier.IssuedAt))}印发（{IssuedBulletin.Text(earlier.Year, earlier.Number)}）。" +
                "再次印发将另编新号，原通报保留；如确需更正重发，请确认。");
        }

        var (today, now) = (clock.Today, clock.UtcNow);
        var number = (await db.IssuedBulletins.Where(b => b.UnitId == viewer.UnitId && b.Year == today.Year).MaxAsync(b => (int?)b.Number, ct) ?? 0) + 1;
        var issued = new IssuedBulletin
        {
            UnitId = viewer.UnitId, Year = today.Year, Number = number, Period = period.Label,
            Plans = string.Join(",", review.CountedPlans.Select(p => p.ToString(CultureInfo.InvariantCulture))),
            Kinds = string.Join(",", review.Kinds.Select(k => ((int)k).ToString(CultureInfo.InvariantCulture))),
            FileName = $"督查通报{IssuedBulletin.Text(today.Year, number)}-{period.Label}.docx",
            Content = Bulletin.Write(review, IssuedBulletin.Text(today.Year, number), today),
            IssuedById = viewer.PersonId, IssuedAt = now,
        };
        if (signer.Enabled)
        {
            issued.Signature = await signer.SignAsync(db, viewer.UnitId, BulletinSignatures.Message(issued), ct);
        }

        db.IssuedBulletins.Add(issued);
        RecordChain.Append(db, viewer.UnitId, "bulletin", issued, viewer.PersonId, now);
        await notices.AddAsync(viewer.UnitId, review, issued.NumberText, now, ct);
        return await SaveOnce.RunAsync(db, transaction, issued, "通报编号已被同时印发的通报占用，请刷新后重试", ct);
    }
}
