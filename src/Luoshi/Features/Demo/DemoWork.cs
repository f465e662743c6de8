using Luoshi.Features.Calendar;
using Luoshi.Features.Organisation;
using Luoshi.Features.Plans;
using Luoshi.Features.Requests;
using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Demo;

/// <summary>
/// The year's plan of 20 tasks whose dates sit around today so that every light shows, issued by the
/// office, signed for by the sections and then lived through on <see cref="PastServices"/>: monthly
/// reports (<see cref="DemoReports"/>), milestones met, one extension granted and one waiting for the
/// leader. Tasks 16 and 20 were added to the plan yesterday and wait to be signed for.
/// </summary>
internal static class DemoWork
{
    // (title, section, leader, target, unit, start (days from today), due, percent, done, milestone (days from today, done?))
    internal static readonly (string Title, int Section, int Leader, decimal? Target, string? Unit, int Start, int Due, int Percent, bool Done, (int Due, bool Done)[] Milestones)[] Work =
    [
        ("新增国家高新技术企业50家", 2, 1, 50, "家", -200, 38, 70, false, [(-60, true), (20, false)]),
        ("组织申报省级以上科技计划项目不少于120项", 2, 1, 120, "项", -190, 60, 85, false, [(-30, true)]),
        ("新建市级重点实验室5家", 2, 1, 5, "家", -150, 30, 40, false, [(-4, false)]),
        ("开展科技型中小企业评价入库600家", 2, 1, 600, "家", -180, -8, 75, false, []),
        ("选派科技特派员服务乡村振兴", 3, 2, 100, "人", -210, 38, 90, false, [(3, false)]),
        ("推进县域科技创新试点建设", 3, 2, null, null, -120, 90, 15, false, [(40, false)]),
        ("举办科技活动周和全国科普日系列活动", 4, 2, 50, "场", -220, -40, 100, true, [(-120, true), (-60, true)]),
        ("推进科技成果转化中试基地建设", 4, 2, 2, "个", -100, 120, 35, false, [(60, false)]),
        ("技术合同成交额达到30亿元", 6, 0, 30, "亿元", -200, 38, 80, false, []),
        ("引进高层次科技人才团队10个", 6, 0, 10, "个", -200, 38, 30, false, [(10, false)]),
        ("组织产学研对接活动10场", 5, 1, 10, "场", -160, 38, 60, false, []),
        ("推进与省内先进城市科技合作交流", 5, 1, null, null, -140, 60, 50, false, [(-20, true)]),
        ("全社会研发投入强度提升到2.1%", 1, 0, 2.1m, "%", -210, 38, 65, false, []),
        ("修订市科技计划项目管理办法", 1, 0, null, null, -180, -20, 90, false, [(-50, true)]),
        ("落实研发费用加计扣除政策宣传培训", 1, 0, 8, "场", -150, 70, 55, false, []),
        ("完成年度科技统计调查", 0, 0, null, null, 15, 100, 0, false, [(45, false)]),
        ("编制“十五五”科技创新专项规划", 1, 0, null, null, -230, -60, 100, true, [(-150, true)]),
        ("开展机关党建对标对表专项行动", 7, 0, null, null, -170, 50, 60, false, [(5, false)]),
        ("开展科研诚信和作风建设专项检查", 7, 0, null, null, -90, 80, 45, false, []),
        ("建设科技企业孵化器和众创空间3家", 2, 1, 3, "家", 20, 160, 0, false, []),
    ];

    // (task, its due date before the request, asked on, new due date, granted?), in days from today: one
    // asked in good time and granted, one asked when already overdue and waiting for the leader.
    private static readonly (int Task, int WasDue, int AskedOn, int NewDue, bool Granted, string Reason)[] Extensions =
    [
        (14, 20, -30, 70, true, "培训需与新出台的税收优惠政策解读统一安排，申请顺延。"),
        (13, -20, -2, 30, false, "修订稿需提请市政府常务会议审议，会期未定，申请延期。"),
    ];

    private static readonly int[] AddedLate = [15, 19];

    /// <summary>The day the office issues the plan: the working day before the first task starts.</summary>
    public static DateOnly IssuedOn(DateOnly today, WorkingCalendar calendar) => calendar.OnOrBefore(today.AddDays(Work.Min(w => w.Start) - 1));

    /// <summary>Issues the plan and its tasks now (the clock stands at <see cref="IssuedOn"/>) and puts
    /// the rest of their year on the timeline.</summary>
    public static async Task IssueAsync(PastServices past, DemoTimeline timeline, DemoStaff staff, List<Section> sections, DateOnly today, WorkingCalendar calendar)
    {
        var plan = (await past.Plans.SaveAsync(staff.Office, null, new PlanInput
        {
            Title = $"{today.Year}年全市科技工作要点", Year = today.Year, DocumentNumber = $"示科发〔{today.Year}〕1号",
            Description = "围绕创新驱动发展，聚焦企业培育、平台建设、成果转化和人才引进，逐项分解、按月调度、年底考核。",
        })).Must("issue the plan");
        var signOn = calendar.AddWorkingDays(past.Clock.Today, 1);
        var ids = new Dictionary<int, int>();
        for (var i = 0; i < Work.Length; i++)
        {
            var index = i;
            if (AddedLate.Contains(i))
            {
                timeline.At(past.At(calendar.OnOrBefore(today.AddDays(-1)), 15), async () => await CreateAsync(past, staff, plan.Id, sections, index, today));
                continue;
            }

            var task = await CreateAsync(past, staff, plan.Id, sections, i, today);
            ids[i] = task.Id;
            var head = staff.Head(task.LeadSectionId);
            timeline.At(past.At(signOn, 10), async () => (await past.Signing.SignAsync(head, task.Id, default)).Must("sign for a task"));
            foreach (var milestone in task.Milestones.Where(m => Work[index].Milestones[m.SortOrder].Done))
            {
                MeetMilestone(past, timeline, head, milestone, calendar.OnOrBefore(milestone.DueDate.AddDays(-2)));
            }

            // Task 9 stopped reporting two months ago, so its report is missing (a yellow light, then 催办 and 督办).
            DemoReports.Schedule(past, timeline, staff.Responsible(task.LeadSectionId), staff.Office, plan, task, Work[i].Percent, Work[i].Done,
                stopAt: i == 8 ? today.AddMonths(-2) : today.AddDays(-1), calendar);
        }

        foreach (var e in Extensions)
        {
            AskForExtension(past, timeline, staff, ids[e.Task], calendar.OnOrBefore(today.AddDays(e.AskedOn)), today.AddDays(e.NewDue), e.Reason, e.Granted, calendar);
        }
    }

    private static async Task<WorkTask> CreateAsync(PastServices past, DemoStaff staff, int planId, List<Section> sections, int i, DateOnly today)
    {
        var w = Work[i];
        var section = sections[w.Section];
        var due = Extensions.Where(e => e.Task == i && e.Granted).Select(e => (int?)e.WasDue).FirstOrDefault() ?? w.Due;
        var input = new TaskInput
        {
            PlanId = planId, Number = $"{i + 1}", Title = w.Title, Description = $"由{section.Name}牵头，按月报送进展，年底前完成。",
            LeadSectionId = section.Id, LeadLeaderId = staff.Leader(w.Leader).PersonId, ResponsiblePersonId = staff.Responsible(section.Id).PersonId,
            TargetValue = w.Target, TargetUnit = w.Unit, StartDate = today.AddDays(w.Start), DueDate = today.AddDays(due),
            Tags = i % 3 == 0 ? ["重点工作", "民生实事"] : ["重点工作"],
            Cooperations = i is 3 or 10 ? [new() { SectionId = sections[1].Id, Part = "政策支持和统计口径把关" }] : null,
        };
        var milestones = w.Milestones.Select((m, k) => new MilestoneInput
        {
            Title = k == 0 ? "完成阶段性目标" : "完成年度目标", Deliverable = "阶段工作报告", DueDate = today.AddDays(m.Due),
        }).ToList();
        return (await past.Tasks.CreateAsync(staff.Office, input, milestones)).Must($"create task {i + 1}");
    }

    private static void MeetMilestone(PastServices past, DemoTimeline timeline, Viewer head, Milestone milestone, DateOnly on)
    {
        var input = new MilestoneInput
        {
            Title = milestone.Title, Deliverable = milestone.Deliverable, DueDate = milestone.DueDate, CompletedOn = on, CompletionNote = "阶段工作报告已报送",
        };
        var id = milestone.Id;
        timeline.At(past.At(on, 16), async () => (await past.Tasks.UpdateMilestoneAsync(head, id, input)).Must("meet a milestone"));
    }

    private static void AskForExtension(PastServices past, DemoTimeline timeline, DemoStaff staff, int taskId, DateOnly on, DateOnly newDue, string reason, bool granted, WorkingCalendar calendar)
    {
        var task = past.Db.Tasks.AsNoTracking().Where(t => t.Id == taskId);
        timeline.At(past.At(on, 10), async () =>
        {
            var section = await task.Select(t => t.LeadSectionId).SingleAsync();
            (await past.Requests.RequestExtensionAsync(staff.Responsible(section), taskId, newDue, reason, default)).Must("ask for an extension");
        });
        if (!granted)
        {
            return;
        }

        timeline.At(past.At(calendar.AddWorkingDays(on, 1), 15), async () =>
        {
            var leader = await task.Select(t => t.LeadLeaderId!.Value).SingleAsync();
            var request = await past.Db.ExtensionRequests.Where(r => r.TaskId == taskId && r.Status == RequestStatus.Pending).Select(r => r.Id).SingleAsync();
            (await past.Requests.DecideExtensionAsync(staff.As(leader), request, true, "同意延期，请抓紧推进。", default)).Must("grant an extension");
        });
    }
}
