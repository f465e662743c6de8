using Luoshi.Data;

namespace Luoshi.Features.Messengers;

/// <summary>The app secret is sealed by the <see cref="SecretBox"/> (SM4 with 国密 on), bound to this
/// purpose, so a copy of the database alone cannot act as the unit's app.</summary>
internal sealed class MessengerSecrets(SecretBox box)
{
    private const string Purpose = "Luoshi.Messengers.AppSecret";

    public string Protect(string plain) => box.Protect(Purpose, plain);

    /// <summary>What a call needs; throws CryptographicException when the keys changed since it was sealed.</summary>
    public MessengerAccess Access(MessengerSettings s) => new(
        s.Kind, s.BaseUrl is { Length: > 0 } url ? url : MessengerHosts.Of(s.Kind),
        s.Kind == MessengerKind.DingTalk ? s.AppKey ?? "" : s.CorpId, box.Unprotect(Purpose, s.ProtectedSecret), s.AgentId, s.UpdatedAt.Ticks);
}
