using System.Net;
using System.Net.Http.Json;
using Luoshi.Features.Audit;
using Luoshi.Tests.Account;
using Luoshi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Tests.Audit;

/// <summary>Each security event leaves its audit entry, on both databases.</summary>
public class AuditTrailTests
{
    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task SignInsFailuresAndLockoutsAreAuditedWithTheNameAsTyped(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var staff = b.People["staffB"].Login;
        var unknown = $"nobody.{b.UnitId}";
        var anonymous = new PageClient(b.App.CreateClient(new() { AllowAutoRedirect = false }));
        await anonymous.PostFormAsync("/Account/Login", new() { ["UserName"] = unknown, ["Password"] = "Wrong-Secret-2026" });
        for (var i = 0; i < 5; i++)
        {
            await anonymous.PostFormAsync("/Account/Login", new() { ["UserName"] = staff, ["Password"] = "Wrong-Secret-2026" });
        }

        await Logins.SignInAsync(b.App, b.People["admin"].Login);

        var unknownEntry = await b.WithDbAsync(d => d.AuditEntries.SingleAsync(a => a.UserName == unknown));
        Assert.Equal((AuditLog.NoUnit, AuditKind.SignInFailed, (int?)null, "登录名不存在"), (unknownEntry.UnitId, unknownEntry.Kind, unknownEntry.ActorPersonId, unknownEntry.Detail));
        var failures = await Auditors.EntriesAsync(b, AuditKind.SignInFailed);
        Assert.Equal(5, failures.Count(f => f.UserName == staff && f.ActorPersonId == b.Person("staffB")));
        Assert.Contains(failures, f => f.Detail == "密码错误");
        Assert.Single(await Auditors.EntriesAsync(b, AuditKind.LockedOut), l => l.UserName == staff);
        var signedIn = Assert.Single(await Auditors.EntriesAsync(b, AuditKind.SignedIn));
        Assert.Equal(b.Person("admin"), signedIn.ActorPersonId);
        Assert.Equal(TestApp.Now.UtcDateTime, DateTime.SpecifyKind(signedIn.At, DateTimeKind.Utc), TimeSpan.FromDays(2));
        Assert.DoesNotContain(await b.WithDbAsync(d => d.AuditEntries.Select(a => a.Detail).ToListAsync()), d => d != null && d.Contains("Wrong-Secret", StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TheOfficesChangesToPeopleAndPasswordsAreAudited(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var (admin, _) = await Logins.SignInAsync(b.App, b.People["admin"].Login);
        var staffA = b.Person("staffA");

        var fields = PageClient.FormFields(await admin.GetHtmlAsync($"/Admin/Person/{staffA}"));
        // The form's field list holds the checkbox's hidden "false" last; a browser sends the ticked box too.
        fields["Input.IsActive"] = "true";
        fields["Input.Role"] = "SectionHead";
        fields["Input.SectionId"] = b.SectionB.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"/Admin/Person/{staffA}", fields)).StatusCode);
        var reset = await admin.PostFormAsync($"/Admin/Person/{staffA}?handler=Reset", [], formPage: $"/Admin/Person/{staffA}");
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);

        var headB = b.Person("headB");
        var off = PageClient.FormFields(await admin.GetHtmlAsync($"/Admin/Person/{headB}"));
        off["Input.IsActive"] = "false";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"/Admin/Person/{headB}", off)).StatusCode);
        var leader = b.Person("leader");
        var charge = PageClient.FormFields(await admin.GetHtmlAsync($"/Admin/Person/{leader}"));
        charge["Input.IsActive"] = "true";
        charge["Input.ChargedSectionIds"] = b.SectionC.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"/Admin/Person/{leader}", charge)).StatusCode);

        var auditorLogin = $"newauditor.{b.UnitId}";
        var created = await admin.PostFormAsync("/Admin/Person", new() { ["Input.Name"] = "新审计员", ["Input.Role"] = "Auditor", ["Input.UserName"] = auditorLogin, ["Input.IsActive"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        var role = Assert.Single(await Auditors.EntriesAsync(b, AuditKind.RoleChanged));
        Assert.Equal((b.Person("admin"), staffA, "A科员", "科员 → 科长"), (role.ActorPersonId!.Value, role.TargetPersonId!.Value, role.Target, role.Detail));
        Assert.Equal("科室A → 科室B", Assert.Single(await Auditors.EntriesAsync(b, AuditKind.SectionChanged)).Detail);
        Assert.Equal(staffA, Assert.Single(await Auditors.EntriesAsync(b, AuditKind.PasswordReset)).TargetPersonId);
        Assert.Equal(2, (await Auditors.EntriesAsync(b, AuditKind.EndedAllSessions)).Count(e => e.TargetPersonId == staffA));
        Assert.Equal(headB, Assert.Single(await Auditors.EntriesAsync(b, AuditKind.Deactivated)).TargetPersonId);
        Assert.Equal("科室A → 科室C", Assert.Single(await Auditors.EntriesAsync(b, AuditKind.ChargesChanged)).Detail);
        var auditorId = await b.WithDbAsync(d => d.Users.Where(u => u.UserName == auditorLogin).Select(u => u.PersonId).SingleAsync());
        Assert.Equal(auditorId, Assert.Single(await Auditors.EntriesAsync(b, AuditKind.PersonCreated)).TargetPersonId);
        Assert.Equal(auditorLogin, Assert.Single(await Auditors.EntriesAsync(b, AuditKind.LoginCreated)).Detail);
        // The office made an auditor: a person of no section.
        Assert.Null(await b.WithDbAsync(d => d.People.Where(p => p.Id == auditorId).Select(p => p.SectionId).SingleAsync()));
    }

    [Theory, MemberData(nameof(TestApp.Databases), MemberType = typeof(TestApp))]
    public async Task TokensIssuedAndRefusedAndExportsOfPersonalDataAreAudited(string db)
    {
        var b = await Bureau.CreateAsync(db);
        var refused = await b.App.CreateClient().PostAsJsonAsync("/api/auth/token", new { userName = b.People["headA"].Login, password = "Wrong-Secret-2026" });
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        var api = await b.ApiAsync("headA");
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/projects/export")).StatusCode);
        var (admin, _) = await Logins.SignInAsync(b.App, b.People["admin"].Login);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/Projects?handler=Excel")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/Rectification?handler=Excel")).StatusCode);

        Assert.Equal(b.Person("headA"), Assert.Single(await Auditors.EntriesAsync(b, AuditKind.TokenRefused)).ActorPersonId);
        Assert.Equal(b.Person("headA"), Assert.Single(await Auditors.EntriesAsync(b, AuditKind.TokenIssued)).ActorPersonId);
        Assert.Empty(await Auditors.EntriesAsync(b, AuditKind.SignInFailed));
        var exports = await Auditors.EntriesAsync(b, AuditKind.Exported);
        Assert.Equal(3, exports.Count);
        Assert.Equal(b.Person("headA"), exports[0].ActorPersonId);
        Assert.Equal(["项目台账.xlsx", "项目台账.xlsx"], exports.Take(2).Select(e => e.Target));
        Assert.StartsWith("问题整改清单-", exports[2].Target, StringComparison.Ordinal);
    }
}
