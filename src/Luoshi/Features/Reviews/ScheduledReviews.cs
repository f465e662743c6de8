using System.Globalization;
using Luoshi.Data;
using Luoshi.Features.Calendar;
using Luoshi.Features.Notices;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Luoshi.Features.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Reviews;

/// <summary>
/// The month's review, and the quarter's after a quarter, generated once the period is over: from
/// the first working day of the next month, the workbook and the bulletin are written, kept, and
/// announced to the office. A period already generated is left alone, so the run can repeat.
/// </summary>
internal sealed class ScheduledReviews(LuoshiDb db, ReviewData data, WorkingCalendars calendars, NoticeOutbox outbox, BureauClock clock)
{
    /// <summary>The periods due on <paramref name="today"/>: last month, and last quarter when a quarter has just ended.</summary>
    public static IEnumerable<string> DuePeriods(DateOnly today, WorkingCalendar calendar)
    {
        var firstOfMonth = new DateOnly(today.Year, today.Month, 1);
        if (today < calendar.OnOrAfter(firstOfMonth))
        {
            yield break;
        }

        var last = firstOfMonth.AddMonths(-1);
        yield return last.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        if (today.Month % 3 == 1)
        {
            yield return $"{last.Year}-Q{(last.Month + 2) / 3}";
        }
    }

    public async Task<List<string>> RunAsync(int unitId, CancellationToken ct = default)
    {
        var calendar = await calendars.ForUnitAsync(db, unitId, ct);
        var made = new List<string>();
        foreach (var text in DuePeriods(clock.Today, calendar))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await UnitLock.TakeAsync(db, unitId, "review", ct);
            if (await db.ReviewFiles.AnyAsync(f => f.UnitId == unitId && f.Period == text, ct))
            {
                continue;
            }

            var period = ReviewPeriod.Parse(text)!;
            var office = new Viewer(0, unitId, "系统", Role.Admin, null, []);
            var review = await data.LoadAsync(office, period, ReviewChoice.Default, ct);
            var now = clock.UtcNow;
            foreach (var file in new[]
            {
                new ReviewFile { UnitId = unitId, Period = text, Kind = ReviewFileKind.Workbook, FileName = $"对照盘点-{period.Label}.xlsx", Content = ReviewWorkbook.Write(review), CreatedAt = now },
                new ReviewFile { UnitId = unitId, Period = text, Kind = ReviewFileKind.Bulletin, FileName = $"督查通报（送审稿）-{period.Label}.docx", Content = Bulletin.WriteDraft(review, clock.Today), CreatedAt = now },
            })
            {
                db.ReviewFiles.Add(file);
                Record.RecordChain.Append(db, unitId, "review", file, null, now);
            }

            var officePeople = await db.People.Where(p => p.UnitId == unitId && p.IsActive && p.Role == Role.Admin).ToListAsync(ct);
            var red = review.Sections.Sum(s => s.Red);
            var batch = new NoticeBatch();
            NoticeOutbox.Add(batch, await outbox.RoutesAsync(unitId, ct), officePeople, new Notice
            {
                UnitId = unitId, Kind = NoticeKind.Review, Title = $"【盘点】{period.Label}对照盘点已生成",
                Body = $"{period.Label}的任务分解表和督查通报已生成：共 {review.Sections.Sum(s => s.Tasks)} 项任务，完成 {review.Sections.Sum(s => s.Done)} 项，亮红灯 {red} 项。请在“对照盘点”页下载。",
            }, now);
            batch.AddTo(db);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            made.Add(text);
        }

        return made;
    }
}
