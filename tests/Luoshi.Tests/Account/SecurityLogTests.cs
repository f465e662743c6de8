using System.Net;
using Luoshi.Tests.Infrastructure;

namespace Luoshi.Tests.Account;

/// <summary>Logins, failures, lockouts, resets and revocations leave a line in the log, and no password does.</summary>
public class SecurityLogTests
{
    [Fact]
    public async Task LoginsFailuresLockoutsAndResetsAreLoggedWithoutPasswords()
    {
        var b = await Bureau.CreateAsync("security-log");
        var staff = b.People["staffA"].Login;
        for (var i = 0; i < 5; i++)
        {
            await new PageClient(b.App.CreateClient(new() { AllowAutoRedirect = false }))
                .PostFormAsync("/Account/Login", new() { ["UserName"] = staff, ["Password"] = "Wrong-Secret-2026" });
        }

        var (admin, _) = await Logins.SignInAsync(b.App, b.People["admin"].Login);
        var reset = await admin.PostFormAsync($"/Admin/Person/{b.Person("staffA")}?handler=Reset", [], formPage: $"/Admin/Person/{b.Person("staffA")}");
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);

        var log = b.App.Logs.Lines.Where(l => l.StartsWith("Luoshi.Security: ", StringComparison.Ordinal)).ToList();
        Assert.Contains(log, l => l.Contains($"登录失败：{staff}", StringComparison.Ordinal) && l.Contains("wrong password", StringComparison.Ordinal));
        Assert.Contains(log, l => l.Contains($"账号已锁定：{staff}", StringComparison.Ordinal));
        Assert.Contains(log, l => l.Contains($"登录成功：{b.People["admin"].Login}", StringComparison.Ordinal));
        Assert.Contains(log, l => l.Contains($"结束全部登录：{staff}", StringComparison.Ordinal) && l.Contains("password reset", StringComparison.Ordinal));
        Assert.DoesNotContain(b.App.Logs.Lines, l => l.Contains("Wrong-Secret-2026", StringComparison.Ordinal) || l.Contains(Bureau.Password, StringComparison.Ordinal));
    }
}
