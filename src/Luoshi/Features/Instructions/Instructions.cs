using Luoshi.Data;
using Luoshi.Features.Notices;
using Luoshi.Features.Organisation;
using Luoshi.Features.Record;
using Luoshi.Features.Shared;
using Luoshi.Features.Supervision;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Instructions;

/// <summary>
/// 领导批示: written by the leader himself (nobody writes in a leader's name) on a task he can see,
/// recorded, sent to the lead section, and acknowledged (签阅) once by its head or the responsible person.
/// </summary>
internal sealed class Instructions(LuoshiDb db, TaskEditor tasks, SheetNotices notices, BureauClock clock)
{
    public static bool MayWrite(Viewer viewer) => viewer.Role == Role.Leader;

    public static bool MayAcknowledge(Viewer viewer, WorkTask task) => SheetReplies.MayReply(viewer, task);

    public async Task<Outcome<Instruction>> WriteAsync(Viewer viewer, int taskId, long? sheetId, string? text, CancellationToken ct)
    {
        await using var transaction = await TaskRowLock.BeginAsync(db, viewer.UnitId, taskId, ct);
        var task = await tasks.FindVisibleAsync(viewer, taskId, ct);
        if (task is null)
        {
            return Outcome<Instruction>.NotFound();
        }

        if (!MayWrite(viewer))
        {
            return Outcome<Instruction>.Forbidden("批示由局领导本人填写");
        }

        var problems = new FieldErrors();
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length > SupervisionOptions.MaxText)
        {
            problems.Add("Text", $"请填写批示内容（不超过{SupervisionOptions.MaxText}字）");
        }

        string? sheetNumber = null;
        if (sheetId is { } s)
        {
            var sheet = await db.EscalationSteps.AsNoTracking().FirstOrDefaultAsync(x => x.Id == s && x.TaskId == taskId && x.UnitId == viewer.UnitId && x.Step == StepKind.Supervise, ct);
            if (sheet is null)
            {
                problems.Add("SheetId", "该任务没有这份督办单");
            }

            sheetNumber = sheet?.SheetNumber;
        }

        if (problems.Any)
        {
            return Outcome<Instruction>.Invalid(problems.ToDictionary());
        }

        var now = clock.UtcNow;
        var instruction = new Instruction { UnitId = viewer.UnitId, TaskId = taskId, StepId = sheetId, LeaderId = viewer.PersonId, Text = text!.Trim(), WrittenAt = now };
        db.Instructions.Add(instruction);
        var on = sheetNumber is null ? "" : $"（就{sheetNumber}）";
        tasks.AddHistory(task, viewer, "instruction", $"{viewer.Name}批示{on}：{instruction.Text}");
        RecordChain.Append(db, viewer.UnitId, "instruction", instruction, viewer.PersonId, now);
        await notices.AddAsync(await notices.SectionAsync(task, ct), new Notice
        {
            UnitId = viewer.UnitId, Kind = NoticeKind.Instruction, TaskId = taskId,
            Title = $"【领导批示】{TaskNames.Of(task)}", Body = $"{viewer.Name}批示{on}：{instruction.Text}（请签阅）",
        }, robots: false, now, ct);
        return await SaveOnce.RunAsync(db, transaction, instruction, "批示未能保存，请重试", ct);
    }

    public async Task<Outcome<Instruction>> AcknowledgeAsync(Viewer viewer, long instructionId, CancellationToken ct)
    {
        var taskId = await db.Instructions.Where(i => i.Id == instructionId && i.UnitId == viewer.UnitId).Select(i => (int?)i.TaskId).FirstOrDefaultAsync(ct);
        await using var transaction = await TaskRowLock.BeginAsync(db, viewer.UnitId, taskId ?? 0, ct);
        var instruction = await db.Instructions.FirstOrDefaultAsync(i => i.Id == instructionId && i.UnitId == viewer.UnitId, ct);
        var task = instruction is null ? null : await tasks.FindVisibleAsync(viewer, instruction.TaskId, ct);
        if (instruction is null || task is null)
        {
            return Outcome<Instruction>.NotFound();
        }

        if (instruction.AcknowledgedAt is { } at)
        {
            return Outcome<Instruction>.Conflict($"该批示已于 {clock.ToLocal(at):yyyy-MM-dd HH:mm} 签阅");
        }

        if (!MayAcknowledge(viewer, task))
        {
            return Outcome<Instruction>.Forbidden("批示由牵头科室的科长或责任人签阅");
        }

        var now = clock.UtcNow;
        instruction.AcknowledgedAt = now;
        instruction.AcknowledgedById = viewer.PersonId;
        tasks.AddHistory(task, viewer, "instruction", $"{viewer.Name}签阅领导批示");
        RecordChain.Append(db, viewer.UnitId, "instruction-ack", instruction, viewer.PersonId, now);
        await notices.AddAsync([instruction.LeaderId], new Notice
        {
            UnitId = viewer.UnitId, Kind = NoticeKind.InstructionAcknowledged, TaskId = task.Id,
            Title = $"【批示已签阅】{TaskNames.Of(task)}", Body = $"{viewer.Name}已签阅您的批示：{instruction.Text}",
        }, robots: false, now, ct);
        return await SaveOnce.RunAsync(db, transaction, instruction, "该批示刚由他人签阅", ct);
    }
}
