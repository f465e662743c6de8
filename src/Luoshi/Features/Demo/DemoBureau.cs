using Luoshi.Data;
using Luoshi.Features.Account;
using Luoshi.Features.Assessment;
using Luoshi.Features.Calendar;
using Luoshi.Features.Lights;
using Luoshi.Features.Organisation;
using Luoshi.Features.Record;
using Luoshi.Features.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Demo;

internal sealed record DemoLogin(string Role, string UserName, string Password, string Who);

/// <summary>
/// A made-up city science and technology bureau, so a newcomer sees a living dashboard at once:
/// 8 sections, 20 people, one plan of 20 tasks whose dates sit around today so that every light
/// shows (<see cref="DemoWork"/>), and the ledgers beside it. Everything after the organisation goes
/// through the feature code the pages call. Only four people get logins (one per role); their
/// passwords are drawn at random.
/// </summary>
internal static class DemoBureau
{
    private static readonly string[] SectionNames = ["办公室", "政策法规科", "高新技术科", "农村科技科", "社会发展科", "科技合作科", "人才与成果科", "机关党委"];

    // (name, position, role, section index or -1 for leaders)
    private static readonly (string Name, string Position, Role Role, int Section)[] Staff =
    [
        ("周文远", "局长", Role.Leader, -1), ("林海涛", "副局长", Role.Leader, -1), ("陈雅琴", "副局长", Role.Leader, -1),
        ("王建华", "办公室主任", Role.Admin, 0), ("赵敏", "督查专员", Role.Staff, 0),
        ("孙立群", "科长", Role.SectionHead, 1), ("郑晓", "科员", Role.Staff, 1),
        ("刘志强", "科长", Role.SectionHead, 2), ("李娜", "科员", Role.Staff, 2), ("何晨", "科员", Role.Staff, 2),
        ("吴国栋", "科长", Role.SectionHead, 3), ("许静", "科员", Role.Staff, 3),
        ("马骏", "科长", Role.SectionHead, 4), ("黄丽萍", "科员", Role.Staff, 4),
        ("朱明", "科长", Role.SectionHead, 5), ("高洁", "科员", Role.Staff, 5),
        ("罗斌", "科长", Role.SectionHead, 6), ("唐悦", "科员", Role.Staff, 6),
        ("冯涛", "专职副书记", Role.SectionHead, 7), ("韩雪", "科员", Role.Staff, 7),
    ];

    /// <summary>The demo: a small city with this bureau in it (<see cref="DemoCity"/>).</summary>
    public static Task<IReadOnlyList<DemoLogin>> CreateAsync(IServiceProvider services) => DemoCity.CreateAsync(services);

    /// <summary>The bureau alone, with its logins.</summary>
    internal static async Task<IReadOnlyList<DemoLogin>> CreateBureauAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<LuoshiDb>();
        var clock = services.GetRequiredService<BureauClock>();
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var calendars = services.GetRequiredService<WorkingCalendars>();
        var today = clock.Today;

        var unit = await Startup.CreateUnitAsync(services, "示范市科学技术局");
        var sections = SectionNames.Select((n, i) => new Section { UnitId = unit.Id, Name = n, SortOrder = i }).ToList();
        db.Sections.AddRange(sections);
        await db.SaveChangesAsync();

        // Addresses in the reserved example domain: with a mail server configured, notices go to them.
        var people = Staff.Select((s, i) => new Person
        {
            UnitId = unit.Id, Name = s.Name, Position = s.Position, Role = s.Role, SectionId = s.Section < 0 ? null : sections[s.Section].Id,
            Email = $"staff{i + 1:D2}@kjj.example.gov.cn",
        }).ToList();
        db.People.AddRange(people);
        await db.SaveChangesAsync();
        var leaders = people.Take(3).ToList();
        // 局长 oversees the office, policy and party work; the deputies split the business sections.
        int[][] charges = [[0, 1, 7], [2, 5], [3, 4, 6]];
        for (var l = 0; l < leaders.Count; l++)
        {
            leaders[l].Charges.AddRange(charges[l].Select(s => new LeaderCharge { UnitId = unit.Id, LeaderId = leaders[l].Id, SectionId = sections[s].Id }));
        }

        await db.SaveChangesAsync();
        var staff = new DemoStaff(unit.Id, people, leaders.ToDictionary(l => l.Id, l => l.Charges.Select(c => c.SectionId).ToList()));

        // The year so far, written by the product's own code as of each day: the record, the histories,
        // the escalation steps and the lights are those a bureau that had used it all year would have.
        var calendar = await calendars.ForUnitAsync(db, unit.Id);
        var issued = DemoWork.IssuedOn(today, calendar);
        var past = new PastServices(services, new(clock.StartOfDayUtc(issued).AddHours(9), TimeSpan.Zero));
        var timeline = new DemoTimeline(past);
        await DemoWork.IssueAsync(past, timeline, staff, sections, today, calendar);
        // The year's assessment, set with the plan, so the sections are ranked from the first visit.
        (await past.Assessment.CreateSchemeAsync(staff.Office, new SchemeInput
        {
            Name = $"{today.Year}年度重点工作考核", PeriodStart = new(today.Year, 1, 1), PeriodEnd = new(today.Year, 12, 31),
        }, default)).Must("set the year's assessment");
        await timeline.PlayAsync(unit.Id, services.GetRequiredService<TimeProvider>().GetUtcNow());

        await AddProjectsAndEventsAsync(services, staff.Office, sections, people, today);
        await AddStudyAndCampaignAsync(services, staff.Office, sections, people, today);
        await AddRectificationAndAppealsAsync(services, staff.Office, leaders[1].Id, people[8].SectionId!.Value, people[8].Id, today);
        await DemoResearch.AddAsync(services, staff.Office, staff.As(people[0]), staff.As(people[8]), sections, today);
        await DemoRecheck.AddAsync(services, staff.Office, today);
        await DemoDirectives.AddAsync(services, staff.Office, staff.As(people[1]), staff.Head(people[8].SectionId!.Value), sections, today);

        // Today's lights, as the daily refresh sets them, and the record sealed into its chain, as the
        // scheduler does seconds later, so that a first `verify` checks every entry.
        await services.GetRequiredService<TaskLights>().RefreshUnitAsync(unit.Id);
        // Published after the lights, as the office publishes after the review: the edition copies them.
        await DemoPublication.AddAsync(services, staff.Office);
        await RecordSealer.SealAsync(db, unit.Id, signer: services.GetRequiredService<UnitSigner>());

        var logins = new List<DemoLogin>();
        foreach (var (person, login) in new[] { (people[3], "office"), (people[0], "leader"), (people[7], "head"), (people[8], "staff") })
        {
            var (created, password) = await Accounts.CreateLoginAsync(db, users, services.GetRequiredService<TimeProvider>(), new AppUser { UserName = login, UnitId = unit.Id, PersonId = person.Id });
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"Creating the demo login {login} failed: {string.Join("; ", created.Errors.Select(e => e.Description))}");
            }

            logins.Add(new DemoLogin(person.Role.Chinese(), login, password, $"{person.Name}（{person.Position}{(person.SectionId is { } s ? "，" + sections.First(x => x.Id == s).Name : "")}）"));
        }

        // The auditor, made as `admin create --role auditor` makes one: a person of no section with a login.
        var (made, auditorPassword, problem) = await Accounts.CreateAsync(db, users, services.GetRequiredService<TimeProvider>(), unit.Id, "auditor", "秦审计", Role.Auditor, null, "审计员");
        if (!made)
        {
            throw new InvalidOperationException($"Creating the demo login auditor failed: {problem}");
        }

        logins.Add(new DemoLogin(Role.Auditor.Chinese(), "auditor", auditorPassword, "秦审计（审计员，只看审计日志）"));

        return logins;
    }

    /// <summary>Key projects at every stage (one stalled before signing, so red) and events toward the
    /// task of 产学研对接活动, through the same code as the pages.</summary>
    private static async Task AddProjectsAndEventsAsync(IServiceProvider services, Viewer office, List<Section> sections, List<Person> people, DateOnly today)
    {
        var pipeline = services.GetRequiredService<Projects.ProjectPipeline>();
        (string Title, string Investor, decimal Amount, string Industry, int Section, int Person, int[] Reached, int?[] Targets)[] projects =
        [
            ("智能装备产业园", "华创智能装备有限公司", 120000, "高端装备", 2, 8, [-150, -120, -80, -30], [-110, -70, -20, 200]),
            ("新能源电池材料项目", "远景新能源科技有限公司", 56000, "新能源", 5, 15, [-90], [-10, 30, 90, 300]),
            ("生物医药研发中心", "康瑞生物医药股份有限公司", 30000, "生物医药", 2, 9, [-60, -20], [-15, 30, null, 300]),
            ("现代农业科技示范园", "丰源农业发展有限公司", 8000, "现代农业", 3, 11, [-20], [40, null, null, 365]),
        ];
        foreach (var p in projects)
        {
            var created = await pipeline.CreateAsync(office, new Projects.ProjectInput
            {
                Title = p.Title, Investor = p.Investor, Amount = p.Amount, Industry = p.Industry, LeadSectionId = sections[p.Section].Id, ResponsiblePersonId = people[p.Person].Id,
                IntentOn = today.AddDays(p.Reached[0]), IntentEvidence = "投资意向书", SignTarget = Day(p.Targets[0]), FundsTarget = Day(p.Targets[1]),
                StartTarget = Day(p.Targets[2]), CompleteTarget = Day(p.Targets[3]),
            });
            for (var k = 1; k < p.Reached.Length; k++)
            {
                var stage = Projects.ProjectStages.Names[k];
                await pipeline.AdvanceAsync(office, created.Value!.Id, new Projects.StageInput { Stage = stage, ReachedOn = today.AddDays(p.Reached[k]), Evidence = $"{stage}材料已归档" });
            }
        }

        DateOnly? Day(int? offset) => offset is { } d ? today.AddDays(d) : null;
        var ledger = services.GetRequiredService<Events.EventLedger>();
        var task = await services.GetRequiredService<LuoshiDb>().Tasks.Where(t => t.UnitId == office.UnitId && t.Title == DemoWork.Work[10].Title).Select(t => t.Id).FirstAsync();
        var start = new DateOnly(today.Year, 1, 1);
        foreach (var (title, kind, days, actual) in new[] { ("新材料产学研对接会", "产学研对接", -40, (int?)120), ("专家进企业技术对接", "专家进村", -12, 60), ("高校成果发布对接会", "产学研对接", 15, null) })
        {
            var date = today.AddDays(days) < start ? start : today.AddDays(days);
            await ledger.CreateAsync(office, new Events.EventInput
            {
                Title = title, Kind = kind, Date = date, Place = "市科技创新服务中心", OrganiserSectionId = sections[5].Id, Partners = "市科协、本地高校",
                TargetParticipants = 100, ActualParticipants = date > today ? null : actual, TaskId = task,
            });
        }
    }

    /// <summary>A problem list from a forum's opinions with one overdue (red) measure, and appeals: one
    /// answered and followed up, one awaiting its reply.</summary>
    private static async Task AddRectificationAndAppealsAsync(IServiceProvider services, Viewer office, int leaderId, int sectionId, int personId, DateOnly today)
    {
        var rectifications = services.GetRequiredService<Rectification.Rectifications>();
        var appeals = services.GetRequiredService<Appeals.AppealDesk>();
        var opinions = new List<int>();
        foreach (var (text, source) in new[]
        {
            ("科技项目申报材料多、表格重复，希望精简", Rectification.OpinionSource.Meeting),
            ("同一数据在不同系统反复填报", Rectification.OpinionSource.Survey),
            ("科技型企业认定咨询电话常打不通", Rectification.OpinionSource.OnlineBox),
        })
        {
            opinions.Add((await rectifications.AddOpinionAsync(office.UnitId, new(text, null, null, source), source == Rectification.OpinionSource.OnlineBox ? null : office.PersonId, default)).Id);
        }

        var problem = (await rectifications.CreateProblemAsync(office, new("项目申报材料繁杂、重复填报", "服务效能", leaderId, opinions[..2]), default)).Value!;
        await rectifications.AddMeasureAsync(office, problem.Id, new("编制项目申报材料清单，砍掉重复表格", sectionId, personId, today.AddDays(-5)), default);
        await rectifications.AddMeasureAsync(office, problem.Id, new("建立申报数据共享，一次填报多次使用", sectionId, personId, today.AddDays(40)), default);
        var second = (await rectifications.CreateProblemAsync(office, new("咨询渠道不畅", "作风建设", leaderId, opinions[2..]), default)).Value!;
        await rectifications.AddMeasureAsync(office, second.Id, new("公布咨询专线并安排专人值守", sectionId, personId, today.AddDays(20)), default);

        var answered = (await appeals.IntakeAsync(office.UnitId, office, new("研发费用加计扣除政策如何申请？", "科研经费", "李工", null, sectionId, personId), default)).Value!;
        await appeals.ReplyAsync(office, answered.TaskId, "已电话讲解申报流程，并发送办事指南。", default);
        await appeals.FollowUpAsync(office, answered.TaskId, Appeals.Satisfaction.Satisfied, "对答复满意", default);
        await appeals.IntakeAsync(office.UnitId, office, new("科技成果登记后能否申请转化补助？", "成果转化", "王博士", null, sectionId, personId), default);
    }

    /// <summary>The year's study plan (党组中心组 and a 党支部) with sessions that leave some members
    /// behind, and a 主题教育 in four phases with tasks, all through the feature code.</summary>
    private static async Task AddStudyAndCampaignAsync(IServiceProvider services, Viewer office, List<Section> sections, List<Person> people, DateOnly today)
    {
        var study = services.GetRequiredService<Study.StudyEditor>();
        var plan = await study.CreatePlanAsync(office, new Study.PlanInput
        {
            Year = today.Year, Title = $"{today.Year}年理论学习计划",
            Groups =
            [
                new() { Name = "局党组理论学习中心组", Kind = Study.StudyGroupKind.CentralGroup, SectionId = sections[7].Id, RequiredSessions = 12, RequiredHours = 40, MemberIds = [.. people.Take(4).Select(p => p.Id), people[18].Id] },
                new() { Name = "第二党支部", Kind = Study.StudyGroupKind.PartyBranch, SectionId = sections[2].Id, RequiredSessions = 6, RequiredHours = 20, MemberIds = [.. people.Skip(7).Take(6).Select(p => p.Id)] },
            ],
        });
        var groups = plan.Value!.Groups;
        var day = (int back) => today.AddDays(-back) < new DateOnly(today.Year, 1, 1) ? new DateOnly(today.Year, 1, 1) : today.AddDays(-back);
        (int Group, int Back, Study.StudyForm Form, string Topic, string? Effect, decimal Hours, int[] People)[] sessions =
        [
            (0, 60, Study.StudyForm.Collective, "学习党的创新理论最新成果", "形成研讨发言5篇", 3, [0, 1, 2, 3, 18]),
            (0, 30, Study.StudyForm.Lecture, "科技创新政策专题辅导", null, 2.5m, [0, 1, 3, 18]),
            (1, 45, Study.StudyForm.Collective, "学习党章党规", "交流心得体会", 2, [7, 8, 9, 10]),
            (1, 10, Study.StudyForm.Discussion, "对标先进找差距交流座谈", "梳理问题清单3条", 3, [7, 8, 10, 11]),
        ];
        foreach (var s in sessions)
        {
            await study.RecordAsync(office, new Study.SessionInput
            {
                GroupId = groups[s.Group].Id, Date = day(s.Back), Form = s.Form, Topic = s.Topic, Materials = "学习文件选编", Effect = s.Effect, Hours = s.Hours,
                AttendeeIds = [.. s.People.Select(i => people[i].Id)],
            });
        }

        var campaigns = services.GetRequiredService<Campaigns.CampaignReports>();
        var campaign = await campaigns.CreateAsync(office, new Campaigns.CampaignInput
        {
            Title = "主题教育",
            Phases =
            [
                new() { Name = "学习教育", Start = today.AddDays(-60), End = today.AddDays(-31) },
                new() { Name = "调查研究", Start = today.AddDays(-30), End = today.AddDays(10) },
                new() { Name = "检视整改", Start = today.AddDays(11), End = today.AddDays(60) },
                new() { Name = "总结评估", Start = today.AddDays(61), End = today.AddDays(90) },
            ],
        });
        var phases = campaign.Value!.Phases;
        (int Phase, string Title, int Section, int Due)[] tasks =
        [
            (0, "召开主题教育动员部署会", 7, -50), (0, "制定专题学习计划", 7, -35), (1, "开展“我为科技创新献一策”调研", 2, 5), (2, "建立问题清单和整改清单", 1, 50),
        ];
        foreach (var t in tasks)
        {
            await campaigns.AddTaskAsync(office, phases[t.Phase].Id, new Campaigns.PhaseTaskInput { Title = t.Title, LeadSectionId = sections[t.Section].Id, DueDate = today.AddDays(t.Due) });
        }
    }
}
