using System.Text;
using Luoshi.Features.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Tests.Browser;

/// <summary>
/// The pictures of the user guide (docs/使用说明.md), taken from the demo bureau by the role whose
/// page it is, at an office desktop's width. Each page must also be clean as it is photographed. Set
/// LUOSHI_GUIDE_IMAGES=docs/images (a path from the test binaries or absolute) to renew the guide's.
/// </summary>
public class GuideScreenshotTests
{
    [Fact]
    public async Task TheUserGuidesPagesArePhotographedCleanFromTheDemo()
    {
        var site = await DemoSite.ForAsync("journey");
        var folder = Environment.GetEnvironmentVariable("LUOSHI_GUIDE_IMAGES") ?? Path.Combine("screenshots", "guide");
        Directory.CreateDirectory(folder);

        await using (var anonymous = await site.AnonymousAsync())
        {
            await ShootAsync(anonymous, "/Account/Login", "login", folder);
        }

        await using (var staff = await site.AsAsync("staff"))
        {
            await ShootAsync(staff, "/", "dashboard", folder);
            await ShootAsync(staff, "/Account/Password", "password", folder);
            var person = await site.PersonAsync("staff");
            var task = await site.QueryAsync(db => db.Tasks
                .Where(t => t.LeadSectionId == person.SectionId && t.CompletedOn == null && db.Reports.Count(r => r.TaskId == t.Id) > 1)
                .OrderBy(t => t.Id).Select(t => t.Id).FirstAsync());
            await ShootAsync(staff, $"/Tasks/{task}", "task", folder);
            await ShootAsync(staff, $"/Tasks/{task}/Report", "report", folder);
            await ShootAsync(staff, "/Notices", "notices", folder);
        }

        await using (var office = await site.AsAsync("office"))
        {
            await ShootAsync(office, "/Tasks", "tasks", folder);
            await ShootAsync(office, "/Reviews", "reviews", folder);
            await ShootAsync(office, "/Benchmarks", "benchmarks", folder);
            var sheet = await site.QueryAsync(db => db.EscalationSteps.Where(s => s.Step == StepKind.Supervise).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync());
            await ShootAsync(office, $"/Supervision/Sheet/{sheet}", "supervision-sheet", folder);
            var scheme = await site.QueryAsync(db => db.AssessmentSchemes.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync());
            await ShootAsync(office, $"/Assessment/Detail?id={scheme}", "assessment", folder);

            await ShootAsync(office, "/Plans/Import", "plan-import", folder);
            var text = "示范市科学技术局2026年工作要点\n一、强化企业创新主体地位\n（一）新增国家高新技术企业50家，由高新技术科牵头，6月底前完成。\n（二）开展科技型中小企业评价入库600家。\n二、建设高能级创新平台\n（一）新建市级重点实验室5家，社会发展科配合。\n";
            await office.Page.SetInputFilesAsync("input[type=file]", new Microsoft.Playwright.FilePayload { Name = "工作要点.txt", MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes(text) });
            await office.SubmitAsync("main button.primary");
            await office.AssertCleanAsync();
            await office.Page.ScreenshotAsync(new() { Path = Path.Combine(folder, "import-review.png"), FullPage = true });
        }
    }

    private static async Task ShootAsync(Journey journey, string path, string name, string folder)
    {
        await journey.OpenAsync(path);
        await journey.AssertCleanAsync();
        await journey.Page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }
}
