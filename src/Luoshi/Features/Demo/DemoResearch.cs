using Luoshi.Features.Organisation;
using Luoshi.Features.Research;

namespace Luoshi.Features.Demo;

/// <summary>Research topics through the same code as the pages: one with field visits and a first
/// report waiting for the 局长's review, one just set.</summary>
internal static class DemoResearch
{
    public static async Task AddAsync(IServiceProvider services, Viewer office, Viewer leader, Viewer reporter, List<Section> sections, DateOnly today)
    {
        var desk = services.GetRequiredService<ResearchDesk>();
        var first = (await desk.CreateAsync(office, new TopicInput
        {
            Title = "科技型中小企业梯度培育情况调研", LeadLeaderId = leader.PersonId, LeadSectionId = reporter.SectionId!.Value, CooperatingSectionIds = [sections[1].Id],
            Questions = "企业研发投入的难点；科技型中小企业向高新技术企业成长的堵点；现有扶持政策的落地情况。", Places = "高新区孵化器、三家科技型中小企业",
            ReportDue = today.AddDays(20),
        })).Must("set the first research topic");
        foreach (var (back, place, met) in new[] { (10, "高新区科技企业孵化器", "孵化器运营负责人、入驻企业代表"), (3, "某智能装备有限公司", "企业负责人、研发部门负责人") })
        {
            (await desk.AddVisitAsync(reporter, first.Id, new VisitInput
            {
                VisitedOn = today.AddDays(-back), Place = place, PeopleMet = met, Notes = "座谈了解研发投入、人才引进和政策享受情况，收集意见建议。",
            }, null)).Must("record a research visit");
        }

        (await desk.SubmitReportAsync(reporter, first.Id, new Research.ReportInput
        {
            Text = "一、基本情况……\n二、存在的问题：研发投入不足、政策知晓率不高。\n三、对策建议：建立梯度培育库；开展政策进企业宣讲。",
        }, null)).Must("submit a research report");

        (await desk.CreateAsync(office, new TopicInput
        {
            Title = "农业科技特派员制度运行情况调研", LeadLeaderId = leader.PersonId, LeadSectionId = sections[3].Id,
            Questions = "特派员服务覆盖面、服务成效和激励机制。", Places = "三个乡镇的农业示范基地", ReportDue = today.AddDays(45),
        })).Must("set the second research topic");
    }
}
