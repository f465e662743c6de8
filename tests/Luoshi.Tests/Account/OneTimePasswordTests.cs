using Luoshi.Features.Account;

namespace Luoshi.Tests.Account;

public class OneTimePasswordTests
{
    // A password without a digit once made a demo login silently fail to be created.
    [Fact]
    public void EveryOneTimePasswordPassesThePasswordPolicy()
    {
        for (var i = 0; i < 5000; i++)
        {
            var password = Accounts.NewOneTimePassword();
            Assert.Equal(14, password.Length);
            Assert.Contains(password, char.IsDigit);
            Assert.Contains(password, char.IsLower);
            Assert.Contains(password, char.IsUpper);
            Assert.DoesNotContain(password, c => "0O1lI".Contains(c, StringComparison.Ordinal));
        }
    }
}
