using System.DirectoryServices.Protocols;
using System.Net;
using Luoshi.Data;
using Luoshi.Features.Ldap;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Tests.Infrastructure;

/// <summary>
/// The OpenLDAP server the test script starts on loopback (scripts/ldap-throwaway.sh): LUOSHI_TEST_LDAP
/// is its URL, with the reader's and the administrator's DN and password beside it. Each test gets a
/// subtree of its own (ou=t&lt;digits&gt;) with OUs office, planning and other, and uids ending in the
/// same digits, so tests run side by side on one server and one Identity user table.
/// </summary>
internal sealed class TestDirectory
{
    public const string Password = "Directory-Pass-1";

    public static string Url => Setting("LUOSHI_TEST_LDAP");
    public static string Suffix => Setting("LUOSHI_TEST_LDAP_BASE");
    public static string ReaderDn => Setting("LUOSHI_TEST_LDAP_BIND_DN");
    public static string ReaderPassword => Setting("LUOSHI_TEST_LDAP_BIND_PASSWORD");

    private TestDirectory(string tag) => Tag = tag;

    /// <summary>Digits only: it ends every uid, which people type and pages show.</summary>
    public string Tag { get; }

    public string Base => $"ou=t{Tag},{Suffix}";

    public static TestDirectory Create()
    {
        var directory = new TestDirectory(Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add(directory.Base, ("objectClass", ["organizationalUnit"]), ("ou", [$"t{directory.Tag}"]));
        foreach (var ou in new[] { "office", "planning", "other", "groups" })
        {
            Add(directory.Ou(ou), ("objectClass", ["organizationalUnit"]), ("ou", [ou]));
        }

        return directory;
    }

    public string Ou(string ou) => $"ou={ou},{Base}";
    public string Uid(string key) => key + Tag;
    public string Dn(string key, string ou) => $"uid={Uid(key)},{Ou(ou)}";
    public string Group(string cn) => $"cn={cn},{Ou("groups")}";

    public void AddPerson(string key, string name, string ou, string? title = null)
    {
        var attributes = new List<(string, string[])>
        {
            ("objectClass", ["inetOrgPerson"]), ("uid", [Uid(key)]), ("cn", [name]), ("sn", [name[..1]]),
            ("mail", [$"{Uid(key)}@luoshi.test"]), ("userPassword", [Password]),
        };
        if (title is not null)
        {
            attributes.Add(("title", [title]));
        }

        Add(Dn(key, ou), [.. attributes]);
    }

    public void AddGroup(string cn, params string[] memberDns) =>
        Add(Group(cn), ("objectClass", ["groupOfNames"]), ("cn", [cn]), ("member", memberDns));

    public void Move(string key, string from, string to) =>
        Send(new ModifyDNRequest(Dn(key, from), Ou(to), $"uid={Uid(key)}") { DeleteOldRdn = true });

    public void Delete(string key, string ou) => Send(new DeleteRequest(Dn(key, ou)));

    public void SetTitle(string key, string ou, string title) =>
        Send(new ModifyRequest(Dn(key, ou), DirectoryAttributeOperation.Replace, "title", title));

    /// <summary>Stores the unit's directory settings as the admin page would, the reader's password protected.</summary>
    public async Task ConfigureAsync(Bureau bureau, string rules, bool enabled = true, int intervalHours = 0)
    {
        await using var scope = bureau.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LuoshiDb>();
        db.Add(new DirectorySettings
        {
            UnitId = bureau.UnitId, Enabled = enabled, ServerUrl = Url, BindDn = ReaderDn, BaseDn = Base,
            ProtectedBindPassword = scope.ServiceProvider.GetRequiredService<DirectorySecret>().Protect(ReaderPassword),
            SectionRules = rules, SyncIntervalHours = intervalHours, UpdatedAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
    }

    private static void Add(string dn, params (string Name, string[] Values)[] attributes)
    {
        var request = new AddRequest(dn);
        foreach (var (name, values) in attributes)
        {
            request.Attributes.Add(new DirectoryAttribute(name, values.Cast<object>().ToArray()));
        }

        Send(request);
    }

    private static void Send(DirectoryRequest request)
    {
        var uri = new Uri(Url);
        using var connection = new LdapConnection(new LdapDirectoryIdentifier(uri.Host, uri.Port), null, AuthType.Basic);
        connection.SessionOptions.ProtocolVersion = 3;
        connection.Bind(new NetworkCredential(Setting("LUOSHI_TEST_LDAP_ADMIN_DN"), Setting("LUOSHI_TEST_LDAP_ADMIN_PASSWORD")));
        connection.SendRequest(request, TimeSpan.FromMinutes(2));
    }

    private static string Setting(string name) => Environment.GetEnvironmentVariable(name)
        ?? throw new InvalidOperationException($"{name} is not set: run the tests with ./test.sh, or source scripts/ldap-throwaway.sh first, which starts a throwaway OpenLDAP server (slapd) on loopback.");
}
