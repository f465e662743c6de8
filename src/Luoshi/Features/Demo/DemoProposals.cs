using Luoshi.Features.Proposals;

namespace Luoshi.Features.Demo;

/// <summary>Two proposals through the same code as the pages: a 人大代表建议 answered (A类) and
/// satisfied, so closed; and a 政协委员提案 in handling, with a co-handling unit's opinion pending when
/// the deployment has such a unit.</summary>
internal static class DemoProposals
{
    public static async Task SeedAsync(IServiceProvider services, DemoStaff staff, int? coHandlerUnitId)
    {
        var desk = services.GetRequiredService<ProposalDesk>();
        var today = services.GetRequiredService<Shared.BureauClock>().Today;
        var office = staff.Office;
        // 高新技术科, whose head is the demo's head login: he finds the proposal in handling on his 待办.
        var head = staff.As(staff.People.Single(p => p.Name == "刘志强"));
        var section = head.SectionId!.Value;

        var assigned = today.AddDays(-100);
        var answered = (await desk.RegisterAsync(office, new ProposalInput
        {
            Type = ProposalTypes.Deputy, Number = "0123", Title = "关于加大科技型中小企业研发投入支持力度的建议",
            Content = "建议扩大研发费用后补助覆盖面，简化申报流程，对首次认定的科技型中小企业给予一次性奖励。",
            ProposerName = "张卫东", ProposerGroup = "高新区代表团", CoSigners = "李红、王强、陈静",
            AssignedOn = assigned, LeadSectionId = section, ResponsiblePersonId = head.PersonId, LeadLeaderId = staff.Leader(1).PersonId,
        })).Must("register the demo deputy's suggestion");
        (await desk.ReplyAsync(head, answered.Id, new ReplyInput
        {
            Text = "一、研发费用后补助已扩大到全部入库科技型中小企业；二、申报材料由12项精简为5项；三、首次认定奖励已列入明年预算。",
            RepliedOn = assigned.AddDays(60), ResultClass = "A", Signer = "周文远", DeliveredTo = ["张卫东", "李红", "王强", "陈静"],
        }, null)).Must("reply to the demo deputy's suggestion");
        (await desk.RecordSatisfactionAsync(office, answered.Id, new SatisfactionInput(Appeals.Satisfaction.Satisfied, "电话征询，代表对答复满意"))).Must("record the demo satisfaction");

        (await desk.RegisterAsync(office, new ProposalInput
        {
            Type = ProposalTypes.Member, Number = "0045", Title = "关于建设市级概念验证中心的提案",
            Content = "建议依托高校院所建设概念验证中心，设立概念验证专项资金，打通科技成果转化的“最初一公里”。",
            ProposerName = "刘思远", ProposerGroup = "科技界", CoSigners = "赵明、孙丽",
            AssignedOn = today.AddDays(-20), LeadSectionId = section, ResponsiblePersonId = head.PersonId,
            CoHandlerUnitIds = coHandlerUnitId is { } unit ? [unit] : null,
        })).Must("register the demo member's proposal");
    }
}
