using System.Net.Http.Headers;
using System.Net.Http.Json;
using Luoshi.Data;
using Luoshi.Features.Lights;
using Luoshi.Features.Organisation;
using Luoshi.Features.Plans;
using Luoshi.Features.Tasks;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Tests.Infrastructure;

/// <summary>
/// A small bureau of its own for one test: sections A, B and C, an admin, a leader in charge of A,
/// a head and a staff member in each section, and one plan. Logins have a known password.
/// </summary>
internal sealed class Bureau
{
    public const string Password = "test-Password-1";

    private Bureau(TestApp app) => App = app;

    public TestApp App { get; }
    public int UnitId { get; private set; }
    public int PlanId { get; private set; }
    public Dictionary<string, int> Sections { get; } = [];
    public Dictionary<string, (int PersonId, string Login)> People { get; } = [];

    public int SectionA => Sections["A"];
    public int SectionB => Sections["B"];
    public int SectionC => Sections["C"];

    public static async Task<Bureau> CreateAsync(string provider)
    {
        var bureau = new Bureau(TestApp.For(provider));
        await bureau.SeedAsync();
        return bureau;
    }

    private async Task SeedAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<LuoshiDb>();
        var unit = await Startup.CreateUnitAsync(services, "测试局" + Guid.NewGuid().ToString("N")[..6]);
        UnitId = unit.Id;
        foreach (var name in new[] { "A", "B", "C" })
        {
            var section = new Section { UnitId = unit.Id, Name = "科室" + name };
            db.Sections.Add(section);
            await db.SaveChangesAsync();
            Sections[name] = section.Id;
        }

        var tag = unit.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await AddAsync(services, "admin", "办公室管理员", Role.Admin, SectionC, tag);
        await AddAsync(services, "leader", "分管领导", Role.Leader, null, tag, [SectionA]);
        await AddAsync(services, "otherLeader", "另一位领导", Role.Leader, null, tag, [SectionB]);
        foreach (var name in new[] { "A", "B", "C" })
        {
            await AddAsync(services, "head" + name, name + "科长", Role.SectionHead, Sections[name], tag);
            await AddAsync(services, "staff" + name, name + "科员", Role.Staff, Sections[name], tag);
        }

        var plan = new Plan { UnitId = unit.Id, Title = "测试工作要点", Year = 2026, CreatedAt = DateTime.UtcNow };
        db.Plans.Add(plan);
        await db.SaveChangesAsync();
        PlanId = plan.Id;
    }

    private async Task AddAsync(IServiceProvider services, string key, string name, Role role, int? sectionId, string tag, int[]? charges = null)
    {
        var db = services.GetRequiredService<LuoshiDb>();
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var person = new Person { UnitId = UnitId, Name = name, Role = role, SectionId = sectionId };
        person.Charges.AddRange((charges ?? []).Select(s => new LeaderCharge { UnitId = UnitId, SectionId = s }));
        db.People.Add(person);
        await db.SaveChangesAsync();
        var login = $"{key}.{tag}";
        var result = await users.CreateAsync(new AppUser { UserName = login, UnitId = UnitId, PersonId = person.Id }, Password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        People[key] = (person.Id, login);
    }

    public int Person(string key) => People[key].PersonId;

    /// <summary>The same bureau through another app on the same database (a deployment whose settings changed).</summary>
    public Bureau On(TestApp app)
    {
        var other = new Bureau(app) { UnitId = UnitId, PlanId = PlanId };
        foreach (var (key, id) in Sections)
        {
            other.Sections[key] = id;
        }

        foreach (var (key, person) in People)
        {
            other.People[key] = person;
        }

        return other;
    }

    /// <summary>An API client holding a bearer token of the person.</summary>
    public async Task<HttpClient> ApiAsync(string key)
    {
        var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName = People[key].Login, password = Password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    /// <summary>A browser-like client signed in through the login form.</summary>
    public async Task<PageClient> PagesAsync(string key)
    {
        var client = new PageClient(App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
        var response = await client.PostFormAsync("/Account/Login", new() { ["UserName"] = People[key].Login, ["Password"] = Password });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Adds a task straight through the editor, as the admin would.</summary>
    public async Task<WorkTask> TaskAsync(int leadSection, DateOnly start, DateOnly due, int[]? cooperating = null, Action<TaskInput>? change = null, params (string Title, DateOnly Due)[] milestones)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var editor = scope.ServiceProvider.GetRequiredService<TaskEditor>();
        var input = new TaskInput
        {
            PlanId = PlanId, Title = "任务" + Guid.NewGuid().ToString("N")[..6], LeadSectionId = leadSection, StartDate = start, DueDate = due,
            Cooperations = [.. (cooperating ?? []).Select(s => new CooperationInput { SectionId = s, Part = "配合部分" })],
        };
        change?.Invoke(input);
        var outcome = await editor.CreateAsync(AdminViewer, input, [.. milestones.Select(m => new MilestoneInput { Title = m.Title, DueDate = m.Due })]);
        Assert.True(outcome.Kind == Luoshi.Features.Shared.OutcomeKind.Ok, $"{outcome.Kind}: {outcome.Message} {string.Join("; ", outcome.Errors?.SelectMany(e => e.Value) ?? [])}");
        return outcome.Value!;
    }

    public Viewer AdminViewer => new(Person("admin"), UnitId, "办公室管理员", Role.Admin, SectionC, []);

    public Task<T> WithDbAsync<T>(Func<LuoshiDb, Task<T>> query) => WithServicesAsync(s => query(s.GetRequiredService<LuoshiDb>()));

    /// <summary>Runs <paramref name="use"/> in a scope of the app, as a request or a job would.</summary>
    public async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> use)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider);
    }

    public Task<Light> LightOfAsync(int taskId) =>
        WithDbAsync(db => Task.FromResult(db.Tasks.Single(t => t.Id == taskId).Light));

    private sealed record TokenResponse(string AccessToken);
}
