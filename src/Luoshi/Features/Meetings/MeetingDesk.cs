using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Luoshi.Features.Tasks;
using Luoshi.Features.WorkItems;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Meetings;

/// <summary>
/// Registering a meeting with its decisions: the meeting row and one work item of kind MeetingDecision
/// per decision (through the kernel, so each is lit, escalated, reviewed and assessed like any task),
/// all in one transaction: a refused decision leaves nothing, not even the meeting.
/// </summary>
internal sealed class MeetingDesk(LuoshiDb db, WorkItemCreator workItems, BureauClock clock)
{
    public const int MaxDecisions = 100;

    public async Task<Outcome<Meeting>> CreateAsync(Viewer viewer, MeetingInput input, CancellationToken ct = default)
    {
        if (!viewer.IsAdmin)
        {
            return Outcome<Meeting>.Forbidden("只有办公室可以登记会议议定事项");
        }

        var problems = Bounds.Check(input);
        var rows = input.Decisions.Select((d, i) => (d, i)).Where(x => !string.IsNullOrWhiteSpace(x.d.Text)).ToList();
        if (rows.Count == 0)
        {
            problems.Add(nameof(input.Decisions), "请至少填写一项议定事项");
        }
        else if (rows.Count > MaxDecisions)
        {
            problems.Add(nameof(input.Decisions), $"一次最多登记{MaxDecisions}项议定事项");
        }

        if (input.HeldOn is { } held && held > clock.Today)
        {
            problems.Add(nameof(input.HeldOn), "会议日期不能晚于今天");
        }

        foreach (var (d, i) in rows)
        {
            var at = $"{nameof(input.Decisions)}[{i}].";
            if (d.Number <= 0)
            {
                problems.Add(at + nameof(d.Number), "请填写议定事项的序号（第几项）");
            }
            else if (rows.Count(x => x.d.Number == d.Number) > 1)
            {
                problems.Add(at + nameof(d.Number), $"第{d.Number}项重复了");
            }

            if (d.LeadSectionId <= 0)
            {
                problems.Add(at + nameof(d.LeadSectionId), "请选择牵头科室");
            }

            if (d.DueDate is null)
            {
                problems.Add(at + nameof(d.DueDate), "请填写完成时限");
            }
            else if (d.DueDate < clock.Today)
            {
                problems.Add(at + nameof(d.DueDate), "完成时限不能早于今天");
            }
        }

        if (problems.Any)
        {
            return Outcome<Meeting>.Invalid(problems.ToDictionary());
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var meeting = new Meeting
        {
            UnitId = viewer.UnitId, Name = input.Name.Trim(), HeldOn = input.HeldOn!.Value, MinutesNumber = input.MinutesNumber.Trim(),
            RegisteredById = viewer.PersonId, CreatedAt = clock.UtcNow,
        };
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(ct);
        foreach (var (d, i) in rows)
        {
            var text = d.Text!.Trim();
            var created = await workItems.CreateAsync(viewer, new WorkItemDraft(WorkKind.MeetingDecision, new TaskInput
            {
                Number = $"第{d.Number}项", Title = text.Length > 500 ? text[..500] : text, Description = text, LeadSectionId = d.LeadSectionId,
                StartDate = input.HeldOn!.Value, DueDate = d.DueDate, Tags = ["会议议定事项", meeting.Name],
                Cooperations = [.. (d.CooperatingSectionIds ?? []).Where(s => s != d.LeadSectionId).Distinct().Select(s => new CooperationInput { SectionId = s, Part = "配合落实" })],
            })
            {
                AddDetails = (task, _) =>
                {
                    task.SourceLabel = meeting.SourceLabel(d.Number);
                    db.MeetingDecisions.Add(new MeetingDecision { TaskId = task.Id, UnitId = viewer.UnitId, MeetingId = meeting.Id, Number = d.Number });
                    return Task.CompletedTask;
                },
            }, ct);
            if (created.Kind != OutcomeKind.Ok)
            {
                await transaction.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                var prefix = $"{nameof(input.Decisions)}[{i}].";
                return created.Errors is null ? created.As<Meeting>() : Outcome<Meeting>.Invalid(created.Errors.ToDictionary(
                    e => prefix + (e.Key switch { "Title" or "Description" => nameof(DecisionInput.Text), "Cooperations" => nameof(DecisionInput.CooperatingSectionIds), var k => k }),
                    e => e.Value));
            }
        }

        await transaction.CommitAsync(ct);
        return Outcome<Meeting>.Ok(meeting);
    }
}
