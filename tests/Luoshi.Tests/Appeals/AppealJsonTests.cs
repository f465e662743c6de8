using System.Net;
using System.Net.Http.Json;
using Luoshi.Features.Appeals;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Tests.Appeals;

/// <summary>The API answers with records: the hash of a public appeal's query code never leaves the database.</summary>
public class AppealJsonTests
{
    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task NoAnswerAboutAPublicAppealCarriesItsSecretHash(string db)
    {
        var b = await Bureau.CreateAsync(db);
        int taskId;
        await using (var scope = b.App.Services.CreateAsyncScope())
        {
            var outcome = await scope.ServiceProvider.GetRequiredService<AppealDesk>().IntakeAsync(b.UnitId, null,
                new AppealInput("科研经费报销周期过长，希望简化流程", "科研经费", "李女士", "13900000000"), default);
            taskId = outcome.Value!.TaskId;
        }

        var hash = await b.WithDbAsync(d => d.Appeals.Where(a => a.TaskId == taskId).Select(a => a.SecretHash).SingleAsync());
        Assert.NotNull(hash);
        var admin = await b.ApiAsync("admin");
        var answers = new List<HttpResponseMessage>
        {
            await admin.PostAsJsonAsync($"/api/appeals/{taskId}/assign", new { category = "科研经费", leadSectionId = b.SectionA }),
            await (await b.ApiAsync("staffA")).PostAsJsonAsync($"/api/appeals/{taskId}/reply", new { text = "已简化报销流程，材料减少一半" }),
            await admin.PostAsJsonAsync($"/api/appeals/{taskId}/followup", new { satisfaction = "满意" }),
            await admin.GetAsync("/api/appeals"),
        };

        foreach (var answer in answers)
        {
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            var json = await answer.Content.ReadAsStringAsync();
            Assert.DoesNotContain("secretHash", json, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(hash, json, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("13900000000", json, StringComparison.Ordinal);
        }

        Assert.Equal("已简化报销流程，材料减少一半", (await answers[1].ReadJsonAsync()).GetProperty("replyText").GetString());
    }
}
