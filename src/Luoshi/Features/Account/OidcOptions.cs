namespace Luoshi.Features.Account;

/// <summary>
/// 统一身份认证 (OpenID Connect) for one deployment: the section "Oidc". Unset Authority or ClientId
/// means no such sign-on, no button, and the pages behave as before.
/// </summary>
internal sealed class OidcOptions
{
    public const string Scheme = "oidc";

    /// <summary>The provider's issuer address, e.g. https://sso.example.gov.cn/realms/bureau.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    /// <summary>From configuration only (environment, user secrets, a protected settings file): never a page.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The claim whose value names the person on first sign-in: preferred_username, email, sub…</summary>
    public string ClaimForUser { get; set; } = "preferred_username";

    /// <summary>What that claim is compared with: UserName (the login name) or Email (the person's email).</summary>
    public string MatchBy { get; set; } = "UserName";

    /// <summary>The words on the login page's button.</summary>
    public string DisplayName { get; set; } = "统一身份认证登录";

    /// <summary>Off only for a provider on loopback (the tests): the metadata must otherwise come over HTTPS.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Whether a provider's own second factor counts as the app's 两步验证 (see <see cref="MfaValues"/>).</summary>
    public bool TrustProviderMfa { get; set; } = true;

    /// <summary>Values of the id token's <c>amr</c> claim (RFC 8176) that mean a second factor was used.</summary>
    public string[]? MfaValues { get; set; }

    public static readonly string[] DefaultMfaValues = ["mfa"];

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);

    public bool MatchesEmail => string.Equals(MatchBy, "Email", StringComparison.OrdinalIgnoreCase);
}
