using System.Collections.Concurrent;
using Luoshi.Features.Demo;
using Luoshi.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Luoshi.Tests.Browser;

/// <summary>
/// The demo bureau on Kestrel, as a newcomer meets it: each of the five demo logins signs in with its
/// one-time password in the browser and sets its own password on the page that demands it. Journeys
/// then start from the signed-in state of a role. One site per app, made once per run.
/// </summary>
internal sealed class DemoSite
{
    public const string Password = "Journey-Pass-2026";

    public static readonly string[] Roles = ["office", "leader", "head", "staff", "auditor"];

    private static readonly ConcurrentDictionary<string, Lazy<Task<DemoSite>>> Sites = new();

    private readonly Dictionary<string, string> _states = [];

    private DemoSite(TestApp app) => App = app;

    public TestApp App { get; }

    public string BaseUrl => App.BaseAddress!;

    /// <summary>The demo site of an app of its own ("journey" for journeys that read what they change,
    /// "sweep" for the test that submits every form as it is rendered).</summary>
    public static Task<DemoSite> ForAsync(string provider) => Sites.GetOrAdd(provider, p => new(() => CreateAsync(p))).Value;

    private static async Task<DemoSite> CreateAsync(string provider)
    {
        var site = new DemoSite(TestApp.For(provider));
        IReadOnlyList<DemoLogin> logins;
        await using (var scope = site.App.Services.CreateAsyncScope())
        {
            logins = await DemoBureau.CreateAsync(scope.ServiceProvider);
        }

        foreach (var login in logins)
        {
            await using var journey = await Journey.StartAsync(site.BaseUrl, Screen.Desk, storageState: null);
            await journey.OpenAsync("/");
            await journey.Page.FillAsync("#UserName", login.UserName);
            await journey.Page.FillAsync("#Password", login.Password);
            await journey.SubmitAsync("main button[type=submit]");
            Assert.StartsWith(site.BaseUrl + "/Account/Password", journey.Page.Url);
            await journey.Page.FillAsync("#Current", login.Password);
            await journey.Page.FillAsync("#New", Password);
            await journey.Page.FillAsync("#Confirm", Password);
            await journey.SubmitAsync("main button[type=submit]");
            Assert.Equal(site.BaseUrl + Home(login.UserName), journey.Page.Url);
            journey.AssertNoUnexpectedResponses();
            site._states[login.UserName] = await journey.Page.Context.StorageStateAsync();
        }

        return site;
    }

    /// <summary>A browser signed in as one of the demo logins (office, leader, head, staff, auditor).</summary>
    public Task<Journey> AsAsync(string role, Screen screen = Screen.Desk) => Journey.StartAsync(BaseUrl, screen, _states[role]);

    /// <summary>Reads the site's database, to find what a journey works on and to see what it stored.</summary>
    public async Task<T> QueryAsync<T>(Func<Luoshi.Data.LuoshiDb, Task<T>> query)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<Luoshi.Data.LuoshiDb>());
    }

    /// <summary>The person behind a demo login.</summary>
    public Task<Luoshi.Features.Organisation.Person> PersonAsync(string login) => QueryAsync(db =>
        Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Users.Where(u => u.UserName == login).Join(db.People, u => u.PersonId, p => p.Id, (u, p) => p)));

    /// <summary>A browser signed in afresh through the login page, with a session of its own, for a test
    /// that ends it: logging out ends the session on the server, and with it every copy of its cookie,
    /// so a journey from the shared signed-in state must never log out.</summary>
    public async Task<Journey> SignInAsync(string role, Screen screen = Screen.Desk)
    {
        var journey = await Journey.StartAsync(BaseUrl, screen, storageState: null);
        await journey.OpenAsync("/Account/Login");
        await journey.Page.FillAsync("#UserName", role);
        await journey.Page.FillAsync("#Password", Password);
        await journey.SubmitAsync("main button[type=submit]");
        Assert.Equal(BaseUrl + Home(role), journey.Page.Url);
        return journey;
    }

    /// <summary>Where a role lands after signing in: the auditor's home is the audit log.</summary>
    public static string Home(string role) => role == "auditor" ? "/Audit" : "/";

    /// <summary>A new task of the head's section, assigned today, with the staff member as responsible person:
    /// a journey that escalates, returns or decides works on a task of its own, never on one another journey
    /// of the shared demo may be acting on (a second 督办 the same day on a task is refused).</summary>
    public async Task<Luoshi.Features.Tasks.WorkTask> NewTaskAsync(string title)
    {
        var office = await PersonAsync("office");
        var staff = await PersonAsync("staff");
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Luoshi.Data.LuoshiDb>();
        var today = scope.ServiceProvider.GetRequiredService<Luoshi.Features.Shared.BureauClock>().Today;
        var plan = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
            db.Plans.Where(p => p.UnitId == office.UnitId && !p.IsArchived && p.LedgerKind == null).OrderBy(p => p.Id));
        var viewer = new Luoshi.Features.Organisation.Viewer(office.Id, office.UnitId, office.Name, Luoshi.Features.Organisation.Role.Admin, office.SectionId, []);
        var input = new Luoshi.Features.Tasks.TaskInput
        {
            PlanId = plan.Id, Title = title, LeadSectionId = staff.SectionId!.Value, ResponsiblePersonId = staff.Id,
            StartDate = today.AddDays(-40), DueDate = today.AddDays(150),
        };
        var outcome = await scope.ServiceProvider.GetRequiredService<Luoshi.Features.Tasks.TaskEditor>().CreateAsync(viewer, input, null);
        Assert.True(outcome.Kind == Luoshi.Features.Shared.OutcomeKind.Ok, outcome.Message);
        return outcome.Value!;
    }

    /// <summary>A browser nobody is signed in to (the public forms).</summary>
    public Task<Journey> AnonymousAsync(Screen screen = Screen.Desk) => Journey.StartAsync(BaseUrl, screen, storageState: null);
}
