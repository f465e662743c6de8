using Luoshi.Features.Directives;
using Luoshi.Features.Meetings;
using Luoshi.Features.Organisation;

namespace Luoshi.Features.Demo;

/// <summary>A 领导批示件 and a meeting's 议定事项, through the same code as the pages: the 批示件 is 内部,
/// reported on once and instructed again (so in its second round); the meeting has three decisions.</summary>
internal static class DemoDirectives
{
    public static async Task AddAsync(IServiceProvider services, Viewer office, Viewer leader, Viewer head, List<Section> sections, DateOnly today)
    {
        var desk = services.GetRequiredService<DirectiveDesk>();
        var section = head.SectionId!.Value;
        var directive = (await desk.CreateAsync(office, new DirectiveInput
        {
            SourceTitle = "关于我市科技成果转化情况的调研报告", DocumentNumber = "市政府办〔" + today.Year + "〕12号", Leader = "张某某副市长",
            Instruction = "请市科技局牵头，会同相关部门研究提出加快科技成果转化的具体措施，一个月内报我。", InstructedOn = today.AddDays(-20),
            Classification = "内部", ReaderIds = [leader.PersonId], DueDate = today.AddDays(10), LeadSectionId = section, LeadLeaderId = leader.PersonId,
            CooperatingSectionIds = [sections[1].Id],
        })).Must("register a 批示件");

        // A restricted item is read through the viewer's facts, as every request loads them.
        var reporter = await WithFactsAsync(services, head);
        var registrar = await WithFactsAsync(services, office);
        (await desk.ReportAsync(reporter, directive.Id, new HandlingReportInput
        {
            Round = 1, Text = "已召开专题会研究，梳理成果转化堵点三项，形成《加快科技成果转化的若干措施（征求意见稿）》。", Evidence = "专题会纪要、征求意见稿",
        })).Must("report on the 批示件");
        (await desk.RespondAsync(registrar, directive.Id, new LeaderResponseInput
        {
            Round = 1, Response = DirectiveDesk.Again, Opinion = "措施要再具体些，明确资金渠道和时间表，修改后再报。", RespondedOn = today.AddDays(-2), DueDate = today.AddDays(12),
        })).Must("record the leader's second instruction");

        var meetings = services.GetRequiredService<MeetingDesk>();
        (await meetings.CreateAsync(office, new MeetingInput
        {
            Name = "局长办公会", HeldOn = today.AddDays(-7), MinutesNumber = "〔" + today.Year + "〕5号",
            Decisions =
            [
                new() { Number = 1, Text = "制定科技型企业梯度培育实施方案，提交下次局长办公会审议。", LeadSectionId = section, DueDate = today.AddDays(5) },
                new() { Number = 2, Text = "开展重点实验室年度绩效评估，形成评估报告。", LeadSectionId = sections[1].Id, CooperatingSectionIds = [section], DueDate = today.AddDays(30) },
                new() { Number = 3, Text = "组织科技政策进企业宣讲活动不少于十场。", LeadSectionId = sections[3].Id, DueDate = today.AddDays(60) },
            ],
        })).Must("register a meeting's decisions");
    }

    private static async Task<Viewer> WithFactsAsync(IServiceProvider services, Viewer viewer)
    {
        foreach (var fact in services.GetServices<IViewerFacts>())
        {
            viewer = await fact.AddToAsync(viewer, default);
        }

        return viewer;
    }
}
