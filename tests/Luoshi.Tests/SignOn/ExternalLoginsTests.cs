using System.Security.Claims;
using Luoshi.Data;
using Luoshi.Features.Account;
using Luoshi.Features.Audit;
using Luoshi.Features.Organisation;
using Luoshi.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Luoshi.Tests.SignOn;

/// <summary>Issue 16: how a provider's answer is mapped to a login, on both databases.</summary>
public class ExternalLoginsTests
{
    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TheFirstSignInLinksByLoginNameAndLaterOnesGoByTheSubject(string provider)
    {
        var b = await Bureau.CreateAsync(provider);
        var login = b.People["staffA"].Login;
        var subject = Subject();

        var first = await FindAsync(b, new OidcOptions(), External(subject, login));
        Assert.Null(first.Problem);
        Assert.True(first.Linked);
        Assert.Equal(b.Person("staffA"), first.User!.PersonId);

        // The name at the provider may change later: the subject still finds the login.
        var again = await FindAsync(b, new OidcOptions(), External(subject, "renamed" + subject));
        Assert.False(again.Linked);
        Assert.Equal(first.User.Id, again.User!.Id);

        var entries = await b.WithDbAsync(db => db.AuditEntries.Where(a => a.UnitId == b.UnitId && a.Kind == AuditKind.ExternalLinked).ToListAsync());
        Assert.Equal(b.Person("staffA"), Assert.Single(entries).TargetPersonId);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task AnUnknownNameIsRefusedAndNoLoginIsCreated(string provider)
    {
        var b = await Bureau.CreateAsync(provider);
        var users = await b.WithDbAsync(db => db.Users.CountAsync());

        var found = await FindAsync(b, new OidcOptions(), External(Subject(), "admin.nobody" + b.UnitId));
        Assert.Null(found.User);
        Assert.Equal(ExternalLogins.NotOpened, found.Problem);
        Assert.Equal(users, await b.WithDbAsync(db => db.Users.CountAsync()));
        // No claim to match by at all is the same refusal.
        Assert.Equal(ExternalLogins.NotOpened, (await FindAsync(b, new OidcOptions { ClaimForUser = "employee_no" }, External(Subject(), b.People["admin"].Login))).Problem);
        Assert.True(await b.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Kind == AuditKind.SignInFailed && a.Detail == "统一身份认证账号未开通"
            && a.UserName == ExternalLogins.Typed("admin.nobody" + b.UnitId))));
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task ALoginLinkedToOneSubjectIsNotTakenOverByAnotherWithTheSameName(string provider)
    {
        var b = await Bureau.CreateAsync(provider);
        var login = b.People["headB"].Login;
        Assert.Null((await FindAsync(b, new OidcOptions(), External(Subject(), login))).Problem);

        var second = await FindAsync(b, new OidcOptions(), External(Subject(), login));
        Assert.Null(second.User);
        Assert.Equal(ExternalLogins.LinkedElsewhere, second.Problem);
        var headB = b.People["headB"].Login;
        Assert.Equal(1, await b.WithDbAsync(db => db.UserLogins.CountAsync(l => db.Users.Any(u => u.Id == l.UserId && u.UserName == headB))));
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task ByEmailTheCaseDoesNotMatterAndAnEmailOfTwoPeopleNamesNeither(string provider)
    {
        var b = await Bureau.CreateAsync(provider);
        var byEmail = new OidcOptions { ClaimForUser = "email", MatchBy = "Email" };
        var tag = Subject();
        await b.WithDbAsync(async db =>
        {
            await db.People.Where(p => p.Id == b.Person("staffC")).ExecuteUpdateAsync(s => s.SetProperty(p => p.Email, $"Zhang.{tag}@Example.gov.cn"));
            await db.People.Where(p => p.Id == b.Person("headA") || p.Id == b.Person("headC")).ExecuteUpdateAsync(s => s.SetProperty(p => p.Email, $"shared.{tag}@example.gov.cn"));
            return 0;
        });

        var found = await FindAsync(b, byEmail, External(Subject(), login: null, email: $"zhang.{tag}@example.gov.cn"));
        Assert.Equal(b.Person("staffC"), found.User!.PersonId);
        Assert.Equal(ExternalLogins.NotOpened, (await FindAsync(b, byEmail, External(Subject(), login: null, email: $"shared.{tag}@example.gov.cn"))).Problem);
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task ADeactivatedPersonIsRefusedEvenWhenLinked(string provider)
    {
        var b = await Bureau.CreateAsync(provider);
        var subject = Subject();
        Assert.Null((await FindAsync(b, new OidcOptions(), External(subject, b.People["staffB"].Login))).Problem);
        await b.WithDbAsync(db => db.People.Where(p => p.Id == b.Person("staffB")).ExecuteUpdateAsync(s => s.SetProperty(p => p.IsActive, false)));

        var found = await FindAsync(b, new OidcOptions(), External(subject, b.People["staffB"].Login));
        Assert.Equal(ExternalLogins.Inactive, found.Problem);
    }

    [Fact]
    public void OnlyAnAssertedSecondFactorStandsForTheAppsOwnAndOnlyWhenTheDeploymentTrustsIt()
    {
        var mfa = External(Subject(), "x", amr: ["pwd", "mfa"]);
        var password = External(Subject(), "x", amr: ["pwd"]);
        Assert.True(Logins(new OidcOptions()).AssertsSecondFactor(mfa));
        Assert.False(Logins(new OidcOptions()).AssertsSecondFactor(password));
        Assert.False(Logins(new OidcOptions { TrustProviderMfa = false }).AssertsSecondFactor(mfa));
        Assert.True(Logins(new OidcOptions { MfaValues = ["otp"] }).AssertsSecondFactor(External(Subject(), "x", amr: ["pwd", "otp"])));
        Assert.False(Logins(new OidcOptions { MfaValues = ["otp"] }).AssertsSecondFactor(mfa));

        static ExternalLogins Logins(OidcOptions options) => new(null!, null!, Options.Create(options), null!);
    }

    private static string Subject() => Guid.NewGuid().ToString("N");

    internal static ClaimsPrincipal External(string subject, string? login, string? email = null, string[]? amr = null)
    {
        var claims = new List<Claim> { new("sub", subject) };
        if (login is not null)
        {
            claims.Add(new("preferred_username", login));
        }

        if (email is not null)
        {
            claims.Add(new("email", email));
        }

        claims.AddRange((amr ?? []).Select(a => new Claim("amr", a)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "oidc"));
    }

    internal static async Task<ExternalSignIn> FindAsync(Bureau b, OidcOptions options, ClaimsPrincipal external)
    {
        await using var scope = b.App.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var logins = new ExternalLogins(services.GetRequiredService<LuoshiDb>(), services.GetRequiredService<UserManager<AppUser>>(), Options.Create(options), services.GetRequiredService<AuditLog>());
        return await logins.FindAsync(external);
    }
}
