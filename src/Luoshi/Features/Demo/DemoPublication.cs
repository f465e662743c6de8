using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Publication;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Features.Demo;

/// <summary>公开承诺 through the same code as the office's pages: three tasks of the year's plan made
/// public in plain words, and a first edition published, so the public page has something to show.</summary>
internal static class DemoPublication
{
    private static readonly (string Task, string Title, string Area, string Narrative)[] Commitments =
    [
        ("新增国家高新技术企业50家", "全年新增国家高新技术企业50家", "企业创新",
            "已组织两批高新技术企业认定政策宣讲，建立后备企业培育库，上半年已完成第一批申报辅导。"),
        ("开展科技型中小企业评价入库600家", "科技型中小企业评价入库600家", "企业创新",
            "已开展评价入库工作，入库数量尚未达到年度目标，正在逐区走访企业、加快审核进度。"),
        ("举办科技活动周和全国科普日系列活动", "办好科技活动周和全国科普日", "科学普及",
            "科技活动周和全国科普日系列活动已全部举办，覆盖全市各区，群众参与踊跃。"),
    ];

    public static async Task AddAsync(IServiceProvider services, Viewer office)
    {
        var db = services.GetRequiredService<LuoshiDb>();
        var desk = services.GetRequiredService<PublicationDesk>();
        foreach (var (task, title, area, narrative) in Commitments)
        {
            var id = await db.Tasks.Where(t => t.UnitId == office.UnitId && t.Title == task && t.ParentId == null).Select(t => t.Id).FirstAsync();
            (await desk.SaveAsync(office, id, new CommitmentInput { PublicTitle = title, Area = area, Narrative = narrative }, default)).Must("make a task public");
        }

        (await desk.PublishAsync(office, new PublishInput { Note = "首期公开承诺事项" }, default)).Must("publish the first edition of the public commitments");
    }
}
