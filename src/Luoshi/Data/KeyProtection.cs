using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace Luoshi.Data;

/// <summary>
/// The data-protection keys (which sign the login cookies and protect the robots' tokens) are kept
/// in the keys folder. With <c>DataProtection:CertificatePath</c> (a PFX file, its password in
/// <c>DataProtection:CertificatePassword</c>, best from the environment) they are stored encrypted
/// to that certificate, so a copy of the folder alone opens nothing.
/// </summary>
internal static class KeyProtection
{
    public const string Unprotected = "数据保护密钥未加密存放（未设置 DataProtection:CertificatePath）：读到密钥文件夹即可伪造登录、解开机器人密钥。正式部署请配置证书，见部署说明。";

    /// <summary>Encrypts the keys to the configured certificate; false when none is configured.</summary>
    public static bool Apply(IDataProtectionBuilder keys, IConfiguration config)
    {
        if (config["DataProtection:CertificatePath"] is not { Length: > 0 } path)
        {
            return false;
        }

        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, config["DataProtection:CertificatePassword"], X509KeyStorageFlags.EphemeralKeySet);
        if (!certificate.HasPrivateKey)
        {
            throw new InvalidOperationException($"DataProtection:CertificatePath 所指证书 {path} 不含私钥，无法解开已加密的密钥。");
        }

        // Unprotect with this certificate too: on Linux there is no machine store in which the
        // decryptor would otherwise look it up by thumbprint.
        keys.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        return true;
    }
}
