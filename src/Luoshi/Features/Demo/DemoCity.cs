using Luoshi.Data;
using Luoshi.Features.Account;
using Luoshi.Features.Dispatch;
using Luoshi.Features.Lights;
using Luoshi.Features.Organisation;
using Luoshi.Features.Plans;
using Luoshi.Features.Record;
using Luoshi.Features.Shared;
using Luoshi.Features.Tasks;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Demo;

/// <summary>
/// The demo as a small city: 示范市人民政府督查室 above the science bureau of <see cref="DemoBureau"/>, one
/// more bureau (发展和改革委员会) and one district (东城区) with a bureau of its own below it; and a few
/// 交办 of the 督查室 in varied states (signed and split to sections, waiting to sign, returned), made
/// through <see cref="Dispatches"/> as the pages make them. The bureau is made first, so it stays the
/// first unit, as it was when it was the whole demo.
/// </summary>
internal static class DemoCity
{
    private sealed record NewUnit(string Name, string ShortName, string[] Sections, (string Name, string Position, Role Role, int Section)[] People, string Login);

    private static readonly NewUnit Office = new("示范市人民政府督查室", "市督查室", ["综合科", "督查一科", "督查二科"],
        [("李振华", "督查室主任", Role.Admin, 0), ("杨帆", "科长", Role.SectionHead, 1), ("陈思", "科员", Role.Staff, 1), ("张伟", "科长", Role.SectionHead, 2)], "city");

    private static readonly NewUnit Development = new("示范市发展和改革委员会", "市发改委", ["办公室", "规划科", "投资科"],
        [("刘刚", "办公室主任", Role.Admin, 0), ("宋佳", "科长", Role.SectionHead, 1), ("邓磊", "科长", Role.SectionHead, 2)], "fgw");

    private static readonly NewUnit District = new("示范市东城区", "东城区", ["区政府办公室"], [("赵磊", "区政府办公室主任", Role.Admin, 0)], "dongcheng");

    private static readonly NewUnit DistrictBureau = new("东城区科技和工业信息化局", "东城区科工信局", ["办公室", "科技科", "工业科"],
        [("孙颖", "办公室主任", Role.Admin, 0), ("周强", "科长", Role.SectionHead, 1), ("吴倩", "科员", Role.Staff, 1)], "dckgx");

    public static async Task<IReadOnlyList<DemoLogin>> CreateAsync(IServiceProvider services)
    {
        var logins = new List<DemoLogin>(await DemoBureau.CreateBureauAsync(services));
        var db = services.GetRequiredService<LuoshiDb>();
        var bureau = await db.Units.SingleAsync(u => u.Name == "示范市科学技术局");
        var (city, cityPeople) = await AddUnitAsync(services, Office, null, logins);
        bureau.ParentId = city.Id;
        bureau.ShortName ??= "市科技局";
        await db.SaveChangesAsync();
        var (development, _) = await AddUnitAsync(services, Development, city.Id, logins);
        var (district, _) = await AddUnitAsync(services, District, city.Id, logins);
        var (districtBureau, districtPeople) = await AddUnitAsync(services, DistrictBureau, district.Id, logins);

        var today = services.GetRequiredService<BureauClock>().Today;
        var dispatches = services.GetRequiredService<Dispatches>();
        var editor = services.GetRequiredService<TaskEditor>();
        var office = As(city.Id, cityPeople[0]);
        var followUp = cityPeople[1].SectionId!.Value;
        var bureauOffice = As(bureau.Id, await db.People.FirstAsync(p => p.UnitId == bureau.Id && p.Role == Role.Admin));
        var bureauSections = await db.Sections.Where(s => s.UnitId == bureau.Id).ToDictionaryAsync(s => s.Name, s => s.Id);

        // Signed by the bureau and split to two of its sections; the district bureau signed its part.
        var cultivate = (await dispatches.CreateAsync(office, new DispatchInput
        {
            Title = "全年新增高新技术企业50家", Description = "落实市政府工作报告目标任务，按季度报送培育入库和认定进展。", LeadUnitId = bureau.Id,
            CooperatingUnitIds = [districtBureau.Id], CooperatingPart = "组织东城区企业申报，按月报送入库名单", DueDate = today.AddDays(150),
            Cadence = ReportCadence.Quarterly, TargetValue = 50, TargetUnit = "家", FollowUpSectionId = followUp,
        })).Must("assign the 高新技术企业 target");
        var parties = await dispatches.Parties(city.Id).Where(p => p.SourceTaskId == cultivate.Id).OrderByDescending(p => p.IsLead).ToListAsync();
        var signed = (await dispatches.SignAsync(bureauOffice, parties[0].Id, new SignInput(bureauSections["高新技术科"]))).Must("sign the 高新技术企业 target");
        var received = await db.Tasks.AsNoTracking().SingleAsync(t => t.Id == signed.ReceivedTaskId && t.UnitId == bureau.Id);
        foreach (var (title, section) in new[] { ("高新技术企业培育入库辅导", "高新技术科"), ("科技人才支撑高企认定", "人才与成果科") })
        {
            (await editor.CreateAsync(bureauOffice, new TaskInput
            {
                PlanId = received.PlanId, ParentId = received.Id, Title = title, LeadSectionId = bureauSections[section], StartDate = received.StartDate, DueDate = received.DueDate,
            }, null)).Must("split the received task");
        }

        (await dispatches.SignAsync(As(districtBureau.Id, districtPeople[0]), parties[1].Id, new SignInput(districtPeople[1].SectionId!.Value))).Must("sign the district's part");

        // Waiting: the development commission leads, the bureau cooperates; neither has signed yet.
        (await dispatches.CreateAsync(office, new DispatchInput
        {
            Title = "推进重大科技基础设施项目前期工作", LeadUnitId = development.Id, CooperatingUnitIds = [bureau.Id], CooperatingPart = "提供科技论证意见",
            DueDate = today.AddDays(60), Cadence = ReportCadence.Monthly, FollowUpSectionId = cityPeople[3].SectionId!.Value,
        })).Must("assign the 基础设施 item");

        // Returned by the bureau: it waits for the 督查室 to reassign or confirm.
        var plan = (await dispatches.CreateAsync(office, new DispatchInput
        {
            Title = "编制全市数字经济发展规划", LeadUnitId = bureau.Id, DueDate = today.AddDays(120), Cadence = ReportCadence.Monthly, FollowUpSectionId = followUp,
        })).Must("assign the 数字经济 plan");
        var planParty = await dispatches.Parties(city.Id).SingleAsync(p => p.SourceTaskId == plan.Id);
        (await dispatches.ReturnAsync(bureauOffice, planParty.Id, new ReturnInput("数字经济发展规划由市发展和改革委员会牵头编制，本局可作为配合单位"))).Must("return the 数字经济 plan");

        // The bureau's proposals, one co-handled by the development commission, whose office finds the
        // opinion request on its 待办.
        await DemoProposals.SeedAsync(services, await DemoStaff.LoadAsync(db, bureau.Id), development.Id);

        // Today's lights and the record sealed, for every unit the city's steps wrote to.
        foreach (var unit in new[] { bureau, city, development, district, districtBureau })
        {
            await services.GetRequiredService<TaskLights>().RefreshUnitAsync(unit.Id);
            await RecordSealer.SealAsync(db, unit.Id, signer: services.GetRequiredService<UnitSigner>());
        }

        return logins;
    }

    private static async Task<(Unit Unit, List<Person> People)> AddUnitAsync(IServiceProvider services, NewUnit spec, int? parentId, List<DemoLogin> logins)
    {
        var db = services.GetRequiredService<LuoshiDb>();
        var unit = await Startup.CreateUnitAsync(services, spec.Name, parentId, spec.ShortName);
        var sections = spec.Sections.Select((n, i) => new Section { UnitId = unit.Id, Name = n, SortOrder = i }).ToList();
        db.Sections.AddRange(sections);
        await db.SaveChangesAsync();
        var people = spec.People.Select(p => new Person { UnitId = unit.Id, Name = p.Name, Position = p.Position, Role = p.Role, SectionId = sections[p.Section].Id }).ToList();
        db.People.AddRange(people);
        await db.SaveChangesAsync();
        var (created, password) = await Accounts.CreateLoginAsync(db, services.GetRequiredService<UserManager<AppUser>>(), services.GetRequiredService<TimeProvider>(),
            new AppUser { UserName = spec.Login, UnitId = unit.Id, PersonId = people[0].Id });
        if (!created.Succeeded)
        {
            throw new InvalidOperationException($"Creating the demo login {spec.Login} failed: {string.Join("; ", created.Errors.Select(e => e.Description))}");
        }

        logins.Add(new DemoLogin(people[0].Role.Chinese(), spec.Login, password, $"{people[0].Name}（{spec.Name}{people[0].Position}）"));
        return (unit, people);
    }

    private static Viewer As(int unitId, Person p) => new(p.Id, unitId, p.Name, p.Role, p.SectionId, []);
}
