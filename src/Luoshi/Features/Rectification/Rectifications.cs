using Luoshi.Features.PublicForms;
using System.ComponentModel.DataAnnotations;
using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Luoshi.Features.Tasks;
using Luoshi.Features.WorkItems;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Rectification;

internal sealed record OpinionInput(
    [property: Required(ErrorMessage = "请填写意见建议"), StringLength(PublicLimits.Content, ErrorMessage = "意见建议不能超过2000个字")] string Content,
    [property: StringLength(PublicLimits.Name, ErrorMessage = "姓名不能超过50个字")] string? SubmitterName,
    [property: StringLength(PublicLimits.Contact, ErrorMessage = "联系方式不能超过100个字")] string? Contact,
    OpinionSource Source = OpinionSource.Meeting);

internal sealed record ProblemInput(
    [property: Required(ErrorMessage = "请填写问题"), StringLength(500, ErrorMessage = "问题不能超过500个字")] string Title,
    [property: Required(ErrorMessage = "请填写问题类别"), StringLength(50, ErrorMessage = "类别不能超过50个字")] string Category,
    int LeaderId,
    IReadOnlyList<int>? OpinionIds);

internal sealed record MeasureInput(
    [property: Required(ErrorMessage = "请填写整改措施"), StringLength(500, ErrorMessage = "整改措施不能超过500个字")] string Title,
    int LeadSectionId,
    int? ResponsiblePersonId,
    DateOnly? DueDate);

/// <summary>Opinions in, problems merged from them, measures for each problem: the rules pages and API share.</summary>
internal sealed class Rectifications(LuoshiDb db, WorkItemCreator workItems, BureauClock clock)
{
    /// <summary>Opinions and problems are the office's and the leaders' to see; sections see the
    /// measures they carry out (as tasks).</summary>
    public static bool SeesLists(Viewer viewer) => viewer.IsAdmin || viewer.Role == Role.Leader;

    public async Task<Opinion> AddOpinionAsync(int unitId, OpinionInput input, int? enteredById, CancellationToken ct)
    {
        var opinion = new Opinion
        {
            UnitId = unitId, Receipt = "YJ" + clock.Today.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture) + PublicFormGuard.RandomCode(6),
            Source = input.Source, Content = input.Content.Trim(), SubmitterName = input.SubmitterName.OrNull(), Contact = input.Contact.OrNull(),
            ReceivedAt = clock.UtcNow, EnteredById = enteredById,
        };
        db.Opinions.Add(opinion);
        await db.SaveChangesAsync(ct);
        return opinion;
    }

    public async Task<Outcome<Opinion>> EnterOpinionAsync(Viewer viewer, OpinionInput input, CancellationToken ct) =>
        !viewer.IsAdmin ? Outcome<Opinion>.Forbidden("意见建议由办公室录入")
        : string.IsNullOrWhiteSpace(input.Content) ? Outcome<Opinion>.Invalid(nameof(input.Content), "请填写意见建议")
        : input.Content.Trim().Length > PublicLimits.Content ? Outcome<Opinion>.Invalid(nameof(input.Content), "意见建议不能超过2000个字")
        : input.SubmitterName?.Trim().Length > PublicLimits.Name ? Outcome<Opinion>.Invalid(nameof(input.SubmitterName), "姓名不能超过50个字")
        : Outcome<Opinion>.Ok(await AddOpinionAsync(viewer.UnitId, input, viewer.PersonId, ct));

    /// <summary>The office merges opinions (not yet merged) into a new problem.</summary>
    public async Task<Outcome<Problem>> CreateProblemAsync(Viewer viewer, ProblemInput input, CancellationToken ct)
    {
        if (!viewer.IsAdmin)
        {
            return Outcome<Problem>.Forbidden("问题清单由办公室整理");
        }

        var problems = new FieldErrors();
        if (string.IsNullOrWhiteSpace(input.Title))
        {
            problems.Add(nameof(input.Title), "请填写问题");
        }
        else if (input.Title.Trim().Length > 500)
        {
            problems.Add(nameof(input.Title), "问题不能超过500个字");
        }

        if (string.IsNullOrWhiteSpace(input.Category))
        {
            problems.Add(nameof(input.Category), "请填写问题类别");
        }
        else if (input.Category.Trim().Length > 50)
        {
            problems.Add(nameof(input.Category), "类别不能超过50个字");
        }

        if (!await db.People.AnyAsync(p => p.Id == input.LeaderId && p.UnitId == viewer.UnitId && p.Role == Role.Leader && p.IsActive, ct))
        {
            problems.Add(nameof(input.LeaderId), "请选择责任领导");
        }

        var ids = (input.OpinionIds ?? []).Distinct().ToList();
        var opinions = await db.Opinions.Where(o => o.UnitId == viewer.UnitId && ids.Contains(o.Id)).ToListAsync(ct);
        if (opinions.Count != ids.Count || opinions.Any(o => o.ProblemId is not null))
        {
            problems.Add(nameof(input.OpinionIds), "所选意见建议不存在或已归入其他问题");
        }

        if (problems.Any)
        {
            return Outcome<Problem>.Invalid(problems.ToDictionary());
        }

        var order = await db.Problems.Where(p => p.UnitId == viewer.UnitId).MaxAsync(p => (int?)p.SortOrder, ct) ?? 0;
        var problem = new Problem
        {
            UnitId = viewer.UnitId, SortOrder = order + 1, Title = input.Title.Trim(), Category = input.Category.Trim(), LeaderId = input.LeaderId,
            CreatedAt = clock.UtcNow, CreatedById = viewer.PersonId,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Problems.Add(problem);
        await db.SaveChangesAsync(ct);
        opinions.ForEach(o => o.ProblemId = problem.Id);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome<Problem>.Ok(problem);
    }

    /// <summary>A measure is a work item of kind Rectification, led by the problem's leader, so it is
    /// lit, escalated and closed (销号) like any task.</summary>
    public async Task<Outcome<WorkTask>> AddMeasureAsync(Viewer viewer, int problemId, MeasureInput input, CancellationToken ct)
    {
        var problem = await db.Problems.FirstOrDefaultAsync(p => p.Id == problemId && p.UnitId == viewer.UnitId, ct);
        if (problem is null)
        {
            return Outcome<WorkTask>.NotFound();
        }

        if (!viewer.IsAdmin)
        {
            return Outcome<WorkTask>.Forbidden("整改措施由办公室制定");
        }

        var problems = new FieldErrors();
        if (string.IsNullOrWhiteSpace(input.Title))
        {
            problems.Add(nameof(input.Title), "请填写整改措施");
        }
        else if (input.Title.Trim().Length > 500)
        {
            problems.Add(nameof(input.Title), "整改措施不能超过500个字");
        }

        if (input.DueDate is null)
        {
            problems.Add(nameof(input.DueDate), "请填写完成时限");
        }

        if (problems.Any)
        {
            return Outcome<WorkTask>.Invalid(problems.ToDictionary());
        }

        var today = clock.Today;
        return await workItems.CreateAsync(viewer, new WorkItemDraft(WorkKind.Rectification, new TaskInput
        {
            Title = input.Title ?? "", Description = "问题：" + problem.Title, LeadLeaderId = problem.LeaderId,
            LeadSectionId = input.LeadSectionId, ResponsiblePersonId = input.ResponsiblePersonId,
            StartDate = input.DueDate < today ? input.DueDate : today, DueDate = input.DueDate, Tags = ["整改", problem.Category],
        })
        {
            AddDetails = (task, _) =>
            {
                db.RectificationMeasures.Add(new RectificationMeasure { TaskId = task.Id, UnitId = viewer.UnitId, ProblemId = problem.Id });
                return Task.CompletedTask;
            },
        }, ct);
    }
}
