using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text;
using Luoshi.Data;
using Luoshi.Features.Calendar;
using Luoshi.Features.Lights;
using Luoshi.Features.Organisation;
using Luoshi.Features.PublicForms;
using Luoshi.Features.Shared;
using Luoshi.Features.Tasks;
using Luoshi.Features.WorkItems;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Luoshi.Features.Appeals;

internal sealed class AppealOptions
{
    /// <summary>Working days from receipt to the reply deadline (and for a reopened appeal).</summary>
    public int ResponseWorkingDays { get; set; } = 10;
}

internal sealed record AppealInput(
    [property: Required(ErrorMessage = "请填写诉求内容"), StringLength(PublicLimits.Content, ErrorMessage = "诉求内容不能超过2000个字")] string Content,
    [property: Required(ErrorMessage = "请选择诉求类别"), StringLength(50, ErrorMessage = "类别不能超过50个字")] string Category,
    [property: StringLength(PublicLimits.Name, ErrorMessage = "姓名不能超过50个字")] string? SubmitterName,
    [property: StringLength(PublicLimits.Contact, ErrorMessage = "联系方式不能超过100个字")] string? Contact,
    int? LeadSectionId = null,
    int? ResponsiblePersonId = null);

internal sealed record AppealReceipt(int TaskId, string Receipt, string? Code, DateOnly DueDate);

/// <summary>诉求: intake, assignment, reply, follow-up and reopening. An appeal is a work item of
/// kind Appeal whose due date is the reply deadline, so it is lit and escalated like any task.</summary>
internal sealed class AppealDesk(LuoshiDb db, TaskEditor tasks, WorkItemCreator workItems, TaskLights lights, WorkingCalendars calendars, BureauClock clock, IOptions<AppealOptions> options, Notices.PersonNotices notices)
{
    public async Task<Outcome<AppealReceipt>> IntakeAsync(int unitId, Viewer? staff, AppealInput input, CancellationToken ct)
    {
        if (staff is { IsAdmin: false })
        {
            return Outcome<AppealReceipt>.Forbidden("诉求由办公室受理登记");
        }

        if (Check(input) is { Any: true } problems)
        {
            return Outcome<AppealReceipt>.Invalid(problems.ToDictionary());
        }

        // Online appeals are received by the office: the task is created in its name and assigned later.
        var office = staff ?? await db.People.Where(p => p.UnitId == unitId && p.Role == Role.Admin && p.IsActive).OrderBy(p => p.Id)
            .Select(p => new Viewer(p.Id, p.UnitId, p.Name, p.Role, p.SectionId, Array.Empty<int>())).FirstOrDefaultAsync(ct);
        var sectionId = input.LeadSectionId ?? office?.SectionId ?? await db.Sections.Where(s => s.UnitId == unitId).OrderBy(s => s.Id).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct);
        if (office is null || sectionId is null)
        {
            return Outcome<AppealReceipt>.Invalid("", "本单位暂未开通诉求受理");
        }

        var today = clock.Today;
        var calendar = await calendars.ForUnitAsync(db, unitId, ct);
        var due = calendar.AddWorkingDays(today, options.Value.ResponseWorkingDays);
        var receipt = "SQ" + today.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture) + PublicFormGuard.RandomCode(6);
        var code = staff is null ? PublicFormGuard.RandomCode(6) : null;
        var created = await workItems.CreateAsync(office, new WorkItemDraft(WorkKind.Appeal, new TaskInput
        {
            Title = Summary(input.Category, input.Content), Description = input.Content.Trim(),
            LeadSectionId = sectionId.Value, ResponsiblePersonId = input.ResponsiblePersonId, StartDate = today, DueDate = due, Tags = ["诉求", input.Category.Trim()],
        })
        {
            Stage = input.LeadSectionId is null ? "受理" : "办理",
            AddDetails = async (task, token) =>
            {
                db.Appeals.Add(new AppealDetails
                {
                    TaskId = task.Id, UnitId = unitId, Receipt = receipt, SecretHash = code is null ? null : Hash(receipt, code), Category = input.Category.Trim(),
                    Content = input.Content.Trim(), SubmitterName = input.SubmitterName.OrNull(), Contact = input.Contact.OrNull(), Online = staff is null,
                    ReceivedOn = today, FirstDueDate = due,
                });
                if (staff is null)
                {
                    // An appeal from the public waits for the office to assign it: the office is told at once.
                    await notices.AddAsync(unitId, await notices.OfficeAsync(unitId, token), Notices.NoticeKind.AppealReceived, task.Id,
                        $"新诉求：{task.Title}", $"收到网上诉求（{input.Category.Trim()}），回执号 {receipt}，请于{Desk.DeskDates.Formal(due)}前答复。请分办到承办科室。", clock.UtcNow, token);
                }
            },
        }, ct);
        if (created.Value is not { } task)
        {
            return new(created.Kind, null, created.Message, created.Errors);
        }

        return Outcome<AppealReceipt>.Ok(new(task.Id, receipt, code, due));
    }

    /// <summary>Classification and assignment by the office: category, lead section, person.</summary>
    public async Task<Outcome<AppealDetails>> AssignAsync(Viewer viewer, int taskId, string? category, int sectionId, int? personId, CancellationToken ct)
    {
        var (task, appeal) = await FindAsync(viewer, taskId, ct);
        if (task is null || appeal is null)
        {
            return Outcome<AppealDetails>.NotFound();
        }

        if (appeal.RepliedOn is not null || task.Stage == "办结")
        {
            return Outcome<AppealDetails>.Invalid("Stage", "诉求已答复或已办结，不能再分办");
        }

        var input = TaskInput.From(task);
        input.LeadSectionId = sectionId;
        input.ResponsiblePersonId = personId;
        var updated = await tasks.UpdateAsync(viewer, taskId, input, ct);
        if (updated.Kind != OutcomeKind.Ok)
        {
            return new(updated.Kind, null, updated.Message, updated.Errors);
        }

        appeal.Category = category.OrNull() ?? appeal.Category;
        task.Stage = "办理";
        await db.SaveChangesAsync(ct);
        return Outcome<AppealDetails>.Ok(appeal);
    }

    public async Task<Outcome<AppealDetails>> ReplyAsync(Viewer viewer, int taskId, string? text, CancellationToken ct)
    {
        await using var transaction = await TaskRowLock.BeginAsync(db, viewer.UnitId, taskId, ct);
        var (task, appeal) = await FindAsync(viewer, taskId, ct);
        if (task is null || appeal is null)
        {
            return Outcome<AppealDetails>.NotFound();
        }

        if (!(await viewer.RightsOnAsync(db, task, ct)).ReportAsLead)
        {
            return Outcome<AppealDetails>.Forbidden("只有承办科室或办公室可以答复");
        }

        if (task.Stage == "办结")
        {
            return Outcome<AppealDetails>.Invalid("Stage", "诉求已办结，不能再答复");
        }

        if (string.IsNullOrWhiteSpace(text) || text.Length > 4000)
        {
            return Outcome<AppealDetails>.Invalid("Text", "请填写答复内容（不超过4000字）");
        }

        // The same reply twice (sent twice, or by two people at once) is one reply.
        if (appeal.ReplyText == text.Trim() && task.Stage == "答复")
        {
            return Outcome<AppealDetails>.Conflict("同样的答复已经保存过，无需重复提交");
        }

        var today = clock.Today;
        appeal.ReplyText = text.Trim();
        appeal.RepliedOn = today;
        appeal.FirstRepliedOn ??= today;
        task.Stage = "答复";
        await SetDoneAsync(task, today, ct);
        tasks.AddHistory(task, viewer, "appeal", $"答复诉求（{today:yyyy-MM-dd}）");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome<AppealDetails>.Ok(appeal);
    }

    /// <summary>回访: 满意 or 基本满意 closes the appeal (办结); 不满意 reopens it with a new deadline.</summary>
    public async Task<Outcome<AppealFollowUp>> FollowUpAsync(Viewer viewer, int taskId, string? satisfaction, string? note, CancellationToken ct)
    {
        var (task, appeal) = await FindAsync(viewer, taskId, ct);
        if (task is null || appeal is null)
        {
            return Outcome<AppealFollowUp>.NotFound();
        }

        if (!viewer.IsAdmin)
        {
            return Outcome<AppealFollowUp>.Forbidden("回访由办公室进行");
        }

        if (satisfaction is null || !Satisfaction.Scale.Contains(satisfaction))
        {
            return Outcome<AppealFollowUp>.Invalid("Satisfaction", "满意度只能是满意、基本满意或不满意");
        }

        if (note?.Trim().Length > 1000)
        {
            return Outcome<AppealFollowUp>.Invalid("Note", "回访记录不能超过1000个字");
        }

        if (task.Stage == "办结")
        {
            return Outcome<AppealFollowUp>.Invalid("Stage", "诉求已办结，不能再回访");
        }

        if (appeal.RepliedOn is null)
        {
            return Outcome<AppealFollowUp>.Invalid("Stage", "诉求尚未答复，不能回访");
        }

        var today = clock.Today;
        var followUp = new AppealFollowUp { UnitId = viewer.UnitId, TaskId = taskId, On = today, Satisfaction = satisfaction, Note = note.OrNull(), ById = viewer.PersonId };
        db.AppealFollowUps.Add(followUp);
        if (satisfaction == Satisfaction.Dissatisfied)
        {
            var calendar = await calendars.ForUnitAsync(db, viewer.UnitId, ct);
            appeal.ReopenCount++;
            appeal.RepliedOn = null;
            task.Stage = "办理";
            task.CompletedOn = null;
            task.ProgressPercent = 0;
            task.DueDate = calendar.AddWorkingDays(today, options.Value.ResponseWorkingDays);
            task.UpdatedAt = clock.UtcNow;
            await lights.RecomputeAsync(task, ct);
            tasks.AddHistory(task, viewer, "appeal", $"回访不满意，重新办理，答复时限 {task.DueDate:yyyy-MM-dd}");
        }
        else
        {
            task.Stage = "办结";
            tasks.AddHistory(task, viewer, "appeal", $"回访{satisfaction}，办结");
        }

        await db.SaveChangesAsync(ct);
        return Outcome<AppealFollowUp>.Ok(followUp);
    }

    /// <summary>What the public submitter may see of his or her own appeal, given receipt and code;
    /// null for a wrong pair, with no hint which half was wrong.</summary>
    public async Task<(string Stage, DateOnly ReceivedOn, DateOnly DueDate, string? Reply, DateOnly? RepliedOn)?> StatusAsync(int unitId, string? receipt, string? code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(receipt) || string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        receipt = receipt.Trim().ToUpperInvariant();
        var found = await (from a in db.Appeals
                           join t in db.Tasks on a.TaskId equals t.Id
                           where a.UnitId == unitId && a.Receipt == receipt
                           select new { a.SecretHash, t.Stage, a.ReceivedOn, t.DueDate, a.ReplyText, a.RepliedOn }).AsNoTracking().FirstOrDefaultAsync(ct);
        var expected = Encoding.ASCII.GetBytes(found?.SecretHash ?? new string('0', 64));
        var given = Encoding.ASCII.GetBytes(Hash(receipt, code.Trim().ToUpperInvariant()));
        return found?.SecretHash is null || !CryptographicOperations.FixedTimeEquals(expected, given)
            ? null
            : (found.Stage ?? "受理", found.ReceivedOn, found.DueDate, found.RepliedOn is null ? null : found.ReplyText, found.RepliedOn);
    }

    private async Task SetDoneAsync(WorkTask task, DateOnly on, CancellationToken ct)
    {
        task.CompletedOn = on;
        task.ProgressPercent = 100;
        task.UpdatedAt = clock.UtcNow;
        await lights.RecomputeAsync(task, ct);
    }

    private async Task<(WorkTask? Task, AppealDetails? Appeal)> FindAsync(Viewer viewer, int taskId, CancellationToken ct)
    {
        var task = await tasks.FindVisibleAsync(viewer, taskId, ct);
        var appeal = task is { Kind: WorkKind.Appeal } ? await db.Appeals.FirstOrDefaultAsync(a => a.TaskId == taskId, ct) : null;
        return (task, appeal);
    }

    /// <summary>The form's checks, here as well as on the input record: the office's page builds the
    /// record from plain fields, and a refused appeal must say why instead of failing in the database.</summary>
    private static FieldErrors Check(AppealInput input)
    {
        var problems = new FieldErrors();
        if (string.IsNullOrWhiteSpace(input.Content))
        {
            problems.Add(nameof(input.Content), "请填写诉求内容");
        }
        else if (input.Content.Trim().Length > PublicLimits.Content)
        {
            problems.Add(nameof(input.Content), "诉求内容不能超过2000个字");
        }

        if (string.IsNullOrWhiteSpace(input.Category))
        {
            problems.Add(nameof(input.Category), "请选择诉求类别");
        }
        else if (input.Category.Trim().Length > 50)
        {
            problems.Add(nameof(input.Category), "类别不能超过50个字");
        }

        if (input.SubmitterName?.Trim().Length > PublicLimits.Name)
        {
            problems.Add(nameof(input.SubmitterName), "姓名不能超过50个字");
        }

        if (input.Contact?.Trim().Length > PublicLimits.Contact)
        {
            problems.Add(nameof(input.Contact), "联系方式不能超过100个字");
        }

        return problems;
    }

    private static string Summary(string category, string content)
    {
        var text = content.Trim().ReplaceLineEndings(" ");
        return $"【{category.Trim()}】" + (text.Length > 60 ? text[..60] + "…" : text);
    }

    private static string Hash(string receipt, string code) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(receipt + ":" + code)));
}
