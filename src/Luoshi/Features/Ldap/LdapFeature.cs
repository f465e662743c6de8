namespace Luoshi.Features.Ldap;

/// <summary>The LDAP/AD directory of a unit: its settings, the protected reader password and the client.
/// Below sign-in (which checks a directory person's password with it); the sync and its page are in
/// DirectorySync.</summary>
internal static class LdapFeature
{
    public static IServiceCollection AddLdap(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton<DirectorySecret>();
        services.AddSingleton<LdapDirectory>();
        return services;
    }
}
