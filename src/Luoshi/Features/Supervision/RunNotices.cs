using Luoshi.Data;
using Luoshi.Features.Notices;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Luoshi.Features.Supervision;

/// <summary>
/// The notices of one run, grouped so that nobody is flooded: a person gets one notice per kind per
/// run: the step's own when there is one, else a digest (【催办】3 项任务…) whose body lists them and
/// whose <see cref="NoticeDigestItem"/> rows link each task and step. A group robot hears once per
/// run: of the step itself when there is only one, else a summary of the run.
/// </summary>
internal sealed class RunNotices(int unitId, NoticeRoutes routes, DateTime now, bool digest = true)
{
    /// <summary>Room left in a notice's body (4,000) for the list; the rest is in the digest's rows.</summary>
    private const int BodyRoom = 3600;

    private sealed record Item(Person Person, NoticeKind Kind, int TaskId, string TaskName, EscalationStep Step, string Title, string Body, string Line, string? Note, bool Quiet);

    private readonly List<Item> _items = [];
    private readonly List<(Notice Notice, Item Item)> _links = [];
    private readonly List<Notice> _summaries = [];
    private readonly List<NoticeDelivery> _summaryDeliveries = [];

    /// <summary>Inbox notices written (each digest counts once).</summary>
    public int Written { get; private set; }

    public int Digests { get; private set; }

    /// <summary>What the earlier batches of the same run raised and held: the robots' one message counts them too.</summary>
    public (int Urges, int Sheets, int Held) Earlier { get; set; }

    /// <param name="quiet">The group robots never hear this step by name (an item under a 知悉范围); it is counted in their summary.</param>
    public void Add(IEnumerable<Person> recipients, NoticeKind kind, int taskId, EscalationStep step, string title, string body, string line, string? note = null, bool quiet = false)
    {
        var name = title[(title.IndexOf('】', StringComparison.Ordinal) + 1)..];
        _items.AddRange(recipients.DistinctBy(p => p.Id).Select(p => new Item(p, kind, taskId, name, step, title, body, line, note, quiet)));
    }

    public void WriteTo(NoticeBatch batch, IReadOnlyList<Person> office, int held)
    {
        var personal = routes with { Groups = [] };
        foreach (var group in digest ? _items.GroupBy(i => (i.Person.Id, i.Kind, Step: (EscalationStep?)null)) : _items.GroupBy(i => (i.Person.Id, i.Kind, Step: (EscalationStep?)i.Step)))
        {
            var items = group.ToList();
            var first = items[0];
            if (items.Count == 1)
            {
                first.Step.Notices.AddRange(NoticeOutbox.Add(batch, personal, [first.Person], new Notice
                {
                    UnitId = unitId, Kind = first.Kind, TaskId = first.TaskId, Title = first.Title, Body = first.Body,
                }, now));
            }
            else
            {
                var digest = NoticeOutbox.Add(batch, personal, [first.Person], new Notice
                {
                    UnitId = unitId, Kind = first.Kind, Title = $"【{first.Kind.Chinese()}】{items.Count} 项任务：{first.TaskName}等", Body = DigestBody(items),
                }, now)[0];
                _links.AddRange(items.Select(i => (digest, i)));
                Digests++;
            }

            Written++;
        }

        AddRobotMessage(batch, office, held);
    }

    /// <summary>The digests' rows, once the notices and steps have their ids; and the robots' summary.</summary>
    public async Task SaveLinksAsync(LuoshiDb db, CancellationToken ct)
    {
        var rows = _links.Select(l => new NoticeDigestItem
        {
            UnitId = unitId, NoticeId = l.Notice.Id, TaskId = l.Item.TaskId, StepId = l.Item.Step.Id, Line = l.Item.Line,
        }).ToList();
        if (db.Database.IsNpgsql() && rows.Count > 0)
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await BatchCopy.CopyAsync(connection, """COPY "NoticeDigestItems" ("UnitId", "NoticeId", "TaskId", "StepId", "Line") FROM STDIN (FORMAT BINARY)""", rows, async (w, r) =>
            {
                await w.WriteAsync(r.UnitId, ct); await w.WriteAsync(r.NoticeId, ct); await w.WriteAsync(r.TaskId, ct);
                await BatchCopy.WriteNullableAsync(w, r.StepId, ct); await w.WriteAsync(r.Line, ct);
            }, ct);
        }
        else
        {
            db.NoticeDigestItems.AddRange(rows);
        }

        db.Notices.AddRange(_summaries);
        db.NoticeDeliveries.AddRange(_summaryDeliveries);
        await db.SaveChangesAsync(ct);
    }

    private static string DigestBody(List<Item> items)
    {
        var text = new System.Text.StringBuilder(string.Concat(items.Select(i => i.Note).OfType<string>().Distinct()));
        text.Append($"本次共 {items.Count} 项：");
        for (var i = 0; i < items.Count; i++)
        {
            var line = $"{i + 1}. {items[i].Line}；";
            if (text.Length + line.Length > BodyRoom)
            {
                text.Append($"……其余 {items.Count - i} 项见各任务页面。");
                break;
            }

            text.Append(line);
        }

        return text.ToString();
    }

    /// <summary>Reminders stay personal, as before; a run with one 催办/督办 sends the robots that step,
    /// a bigger run one summary, kept (already read) in the first office member's inbox because an
    /// outbox row needs a notice.</summary>
    private void AddRobotMessage(NoticeBatch batch, IReadOnlyList<Person> office, int held)
    {
        var loud = _items.Where(i => i.Kind != NoticeKind.Remind).ToList();
        var steps = loud.Select(i => i.Step).Distinct().ToList();
        var (urgesBefore, sheetsBefore, heldBefore) = Earlier;
        held += heldBefore;
        if (routes.Groups.Count == 0 || (steps.Count == 0 && held == 0 && urgesBefore == 0 && sheetsBefore == 0))
        {
            return;
        }

        Notice carrier;
        if (steps.Count == 1 && held == 0 && urgesBefore == 0 && sheetsBefore == 0 && !loud.Any(i => i.Quiet))
        {
            carrier = steps[0].Notices.FirstOrDefault() ?? _links.First(l => l.Item.Step == steps[0]).Notice;
        }
        else if (office.Count > 0)
        {
            var urges = urgesBefore + steps.Count(s => s.Step == StepKind.Urge);
            var sheets = sheetsBefore + steps.Count(s => s.Step == StepKind.Supervise);
            carrier = new Notice
            {
                UnitId = unitId, RecipientId = office[0].Id, Kind = sheets > 0 || held > 0 ? NoticeKind.Supervise : NoticeKind.Urge, CreatedAt = now, ReadAt = now,
                Title = $"【催办督办】本次催办 {urges} 项、督办 {sheets} 项",
                Body = $"本次催办 {urges} 项、发出督办单 {sheets} 份{(held > 0 ? $"，另有 {held} 份督办单待办公室确认后发出" : "")}。详情见各任务页面和督办台账。",
            };
            _summaries.Add(carrier);
        }
        else
        {
            return;
        }

        foreach (var (channel, target) in routes.Groups)
        {
            var delivery = new NoticeDelivery { UnitId = unitId, Channel = channel, Target = target, NextAttemptAt = now, CreatedAt = now, Notice = carrier };
            (_summaries.Contains(carrier) ? _summaryDeliveries : batch.Deliveries).Add(delivery);
        }
    }
}
