using System.DirectoryServices.Protocols;
using System.Net;

namespace Luoshi.Features.Ldap;

/// <summary>A person as the directory has them, read with the unit's attribute names.</summary>
internal sealed record DirectoryPerson(string Dn, string Uid, string Name, string? Email, string? Phone, string? Position, IReadOnlyList<string> Groups);

/// <summary>Why the directory could not be read, in words the office can act on.</summary>
internal sealed class DirectoryProblem(string message, Exception? inner = null) : Exception(message, inner);

internal enum BindOutcome
{
    Accepted,
    Refused,
    Unavailable,
}

/// <summary>
/// Luoshi's one use of LDAP, through System.DirectoryServices.Protocols (libldap underneath): a simple
/// bind as a person to check a password, and a paged subtree search of the people as the reader.
/// A connection lives for one call.
/// </summary>
internal sealed class LdapDirectory(DirectorySecret secret, ILogger<LdapDirectory> log)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private const int PageSize = 500;

    /// <summary>Whether the directory accepts this DN and password. An empty password is refused here:
    /// LDAP takes a simple bind without one as anonymous and would "accept" it.</summary>
    public BindOutcome Bind(DirectorySettings settings, string dn, string password)
    {
        if (string.IsNullOrEmpty(password) || string.IsNullOrWhiteSpace(dn))
        {
            return BindOutcome.Refused;
        }

        try
        {
            using var connection = Open(settings.ServerUrl);
            connection.Bind(new NetworkCredential(dn, password));
            return BindOutcome.Accepted;
        }
        catch (LdapException e) when (e.ErrorCode == InvalidCredentials)
        {
            return BindOutcome.Refused;
        }
        catch (Exception e) when (e is LdapException or DirectoryOperationException or DirectoryProblem)
        {
            log.LogError(e, "The directory {Server} could not check a sign-in", settings.ServerUrl);
            return BindOutcome.Unavailable;
        }
    }

    /// <summary>The people under the base DN that match the filter, as the reader sees them.</summary>
    public List<DirectoryPerson> People(DirectorySettings settings, string? bindPassword = null)
    {
        var attributes = new[] { settings.UidAttribute, settings.NameAttribute, settings.EmailAttribute, settings.PhoneAttribute, settings.PositionAttribute, settings.GroupAttribute };
        try
        {
            using var connection = Open(settings.ServerUrl);
            connection.Bind(new NetworkCredential(settings.BindDn, bindPassword ?? secret.Reveal(settings.ProtectedBindPassword)));
            var people = new List<DirectoryPerson>();
            var paging = new PageResultRequestControl(PageSize);
            var request = new SearchRequest(settings.BaseDn, settings.UserFilter, SearchScope.Subtree, attributes);
            request.Controls.Add(paging);
            while (true)
            {
                var response = (SearchResponse)connection.SendRequest(request, Timeout);
                foreach (SearchResultEntry entry in response.Entries)
                {
                    if (Read(entry, settings) is { } person)
                    {
                        people.Add(person);
                    }
                }

                var next = response.Controls.OfType<PageResultResponseControl>().FirstOrDefault();
                if (next is null || next.Cookie.Length == 0)
                {
                    return people;
                }

                paging.Cookie = next.Cookie;
            }
        }
        catch (LdapException e)
        {
            throw new DirectoryProblem(e.ErrorCode switch
            {
                InvalidCredentials => "目录服务器拒绝了读取账号（账号或密码不对）",
                ServerDown or ConnectError or TimeoutCode => "连不上目录服务器，请检查地址、端口和网络",
                FilterError => "人员筛选条件写得不对",
                _ => $"目录服务器出错（代码{e.ErrorCode}）",
            }, e);
        }
        catch (DirectoryOperationException e)
        {
            throw new DirectoryProblem(e.Response?.ResultCode switch
            {
                ResultCode.NoSuchObject => "查找位置在目录中不存在",
                ResultCode.ProtocolError => "人员筛选条件写得不对",
                ResultCode.InsufficientAccessRights => "读取账号无权读取目录",
                var code => $"目录服务器拒绝了查询（代码{(int?)code}）",
            }, e);
        }
        catch (ArgumentException e)
        {
            throw new DirectoryProblem("目录服务器地址或查询条件写得不对", e);
        }
    }

    private const int InvalidCredentials = 49;
    private const int ServerDown = 81;
    private const int TimeoutCode = 85;
    private const int ConnectError = 91;
    private const int FilterError = 87;

    private static DirectoryPerson? Read(SearchResultEntry entry, DirectorySettings settings)
    {
        var uid = First(entry, settings.UidAttribute);
        if (uid is null)
        {
            return null; // nothing to sign in with: not a person Luoshi can know
        }

        return new DirectoryPerson(entry.DistinguishedName, uid, First(entry, settings.NameAttribute) ?? uid,
            First(entry, settings.EmailAttribute), First(entry, settings.PhoneAttribute), First(entry, settings.PositionAttribute),
            All(entry, settings.GroupAttribute));
    }

    private static string? First(SearchResultEntry entry, string attribute) => All(entry, attribute) is [var first, ..] ? first : null;

    private static string[] All(SearchResultEntry entry, string attribute) =>
        entry.Attributes.Contains(attribute)
            ? [.. entry.Attributes[attribute].GetValues(typeof(string)).Cast<string>().Select(v => v.Trim()).Where(v => v.Length > 0)]
            : [];

    /// <summary>ldap:// or ldaps:// with host and port; LDAP version 3, simple bind, a bounded wait.</summary>
    private static LdapConnection Open(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("ldap" or "ldaps") || uri.Host.Length == 0)
        {
            throw new DirectoryProblem("目录服务器地址应以 ldap:// 或 ldaps:// 开头");
        }

        var secure = uri.Scheme == "ldaps";
        var port = uri.IsDefaultPort || uri.Port <= 0 ? (secure ? 636 : 389) : uri.Port;
        var connection = new LdapConnection(new LdapDirectoryIdentifier(uri.Host, port), null, AuthType.Basic) { Timeout = Timeout };
        connection.SessionOptions.ProtocolVersion = 3;
        connection.SessionOptions.SecureSocketLayer = secure;
        // Referrals would send the reader's password to servers nobody configured.
        connection.SessionOptions.ReferralChasing = ReferralChasingOptions.None;
        return connection;
    }
}
