using System.Net;
using System.Net.Http.Json;
using Luoshi.Features.Appeals;
using Luoshi.Features.Notices;
using Luoshi.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Luoshi.Tests.Desk.DeskSources;

namespace Luoshi.Tests.Desk;

/// <summary>待分办诉求 and 待答复诉求: a public appeal waits for the office, then for the section it goes to.</summary>
public class AppealSourceTests
{
    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task APublicAppealIsToldToTheOfficeThenWaitsForTheSectionUntilAnswered(string db)
    {
        var b = await Bureau.CreateAsync(db);
        AppealReceipt receipt;
        await using (var scope = b.App.Services.CreateAsyncScope())
        {
            var outcome = await scope.ServiceProvider.GetRequiredService<Luoshi.Features.Appeals.AppealDesk>().IntakeAsync(b.UnitId, null,
                new AppealInput("企业研发费用加计扣除政策咨询，希望尽快答复", "政策咨询", "王先生", "13800000000"), default);
            receipt = outcome.Value!;
        }

        var told = Assert.Single(await NoticesAsync(b, "admin", NoticeKind.AppealReceived, receipt.TaskId));
        Assert.Contains(receipt.Receipt, told.Body);
        Assert.True(await HoldsAsync<AppealIntakeToDo>(b, "admin", receipt.TaskId));
        Assert.Equal(0, (await OfAsync<AppealIntakeToDo>(b, "headA")).Count);
        Assert.Equal(0, (await OfAsync<AppealReplyToDo>(b, "staffA")).Count);

        var admin = await b.ApiAsync("admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/appeals/{receipt.TaskId}/assign", new { leadSectionId = b.SectionA })).StatusCode);
        Assert.False(await HoldsAsync<AppealIntakeToDo>(b, "admin", receipt.TaskId));
        Assert.True(await HoldsAsync<AppealReplyToDo>(b, "staffA", receipt.TaskId));
        Assert.True(await HoldsAsync<AppealReplyToDo>(b, "headA", receipt.TaskId));
        Assert.Equal(0, (await OfAsync<AppealReplyToDo>(b, "staffB")).Count);
        Assert.Equal(0, (await OfAsync<AppealReplyToDo>(b, "leader")).Count);

        var replied = await (await b.ApiAsync("staffA")).PostAsJsonAsync($"/api/appeals/{receipt.TaskId}/reply", new { text = "已电话说明政策，并寄送申报指南" });
        Assert.Equal(HttpStatusCode.OK, replied.StatusCode);
        Assert.Equal(0, (await OfAsync<AppealReplyToDo>(b, "staffA")).Count);
    }
}
