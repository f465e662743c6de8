using System.Net;
using System.Net.Http.Json;
using Luoshi.Features.Supervision;
using Luoshi.Tests.Infrastructure;
using Luoshi.Tests.Supervision;

namespace Luoshi.Tests.Reports;

/// <summary>
/// A returned report on the 2026 calendar, a day at a time. September's report is due on the 30th
/// and on time until 10 October: the three working days after it are 8, 9 and 10 October (国庆节 ends
/// on the 7th; Saturday the 10th is worked). Reported on the 9th, returned on Monday the 12th: the
/// period is unreported again, so its 催办 comes that day and its 督办 three working days after the
/// deadline, on the 14th; the new report on the 15th stops the cycle.
/// </summary>
public class ReturnTimeTravelTests
{
    [Fact]
    public async Task AReturnedReportIsUrgedAndSupervisedOnTheWorkingDaysOfItsPeriodUntilReportedAgain()
    {
        var app = TestApp.For("travel-return");
        var b = await Bureau.CreateAsync("travel-return");
        Travel.To(app, "2026-09-01");
        var task = await b.TaskAsync(b.SectionA, new DateOnly(2026, 9, 1), new DateOnly(2026, 12, 31), change: t => t.ResponsiblePersonId = b.Person("staffA"));
        Assert.Equal(HttpStatusCode.OK, (await (await b.ApiAsync("headA")).PostAsync($"/api/tasks/{task.Id}/sign", null)).StatusCode);
        long september = 0;

        // Tokens are issued on the day of each action: the clock moves by weeks here.
        var raised = new List<(string Day, StepKind Step, DateOnly DueOn)>();
        for (var d = new DateOnly(2026, 10, 9); d <= new DateOnly(2026, 10, 22); d = d.AddDays(1))
        {
            var day = d.ToString("yyyy-MM-dd");
            Travel.To(app, day);
            switch (day)
            {
                case "2026-10-09":
                    september = await ReportAsync(await b.ApiAsync("staffA"), task.Id, 30);
                    break;
                case "2026-10-12":
                    Assert.Equal(HttpStatusCode.Created, (await (await b.ApiAsync("admin")).PostAsJsonAsync($"/api/reports/{september}/return", new { reason = "未写明九月完成的具体工作" })).StatusCode);
                    break;
                case "2026-10-15":
                    await ReportAsync(await b.ApiAsync("staffA"), task.Id, 35);
                    break;
            }

            var before = await TimeTravelTests.StepsAsync(b, task.Id);
            await Travel.EscalateAsync(b);
            raised.AddRange((await TimeTravelTests.StepsAsync(b, task.Id)).Skip(before.Count).Where(s => s.Deadline == DeadlineKind.Report).Select(s => (day, s.Step, s.DueOn)));
        }

        var due = new DateOnly(2026, 10, 10);
        Assert.Equal([("2026-10-12", StepKind.Urge, due), ("2026-10-14", StepKind.Supervise, due)], raised);
    }

    private static async Task<long> ReportAsync(HttpClient staff, int taskId, int percent)
    {
        var response = await staff.PostAsJsonAsync($"/api/tasks/{taskId}/reports", new { progress = $"完成{percent}%", percent, periodDate = "2026-09-15" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("id").GetInt64();
    }
}
