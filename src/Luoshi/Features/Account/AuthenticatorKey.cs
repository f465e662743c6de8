using System.Text;
using QRCoder;

namespace Luoshi.Features.Account;

/// <summary>How an authenticator key is shown: grouped for typing, as an otpauth URI, and as a QR
/// code drawn on the server as SVG (the pages run no inline script).</summary>
internal static class AuthenticatorKey
{
    public const string Issuer = "落实";

    public static string Grouped(string key) => string.Join(' ', key.Chunk(4).Select(c => new string(c)));

    public static string Uri(string account, string key) =>
        $"otpauth://totp/{System.Uri.EscapeDataString(Issuer)}:{System.Uri.EscapeDataString(account)}?secret={key}&issuer={System.Uri.EscapeDataString(Issuer)}&algorithm=SHA1&digits=6&period=30";

    /// <summary>One path of unit squares in a viewBox, so the code scales to the screen without blurring.</summary>
    public static string QrSvg(string uri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var size = matrix.Count;
        var path = new StringBuilder();
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                if (matrix[y][x])
                {
                    path.Append(System.Globalization.CultureInfo.InvariantCulture, $"M{x} {y}h1v1h-1z");
                }
            }
        }

        return $"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" shape-rendering="crispEdges" role="img" aria-label="验证器二维码"><rect width="{size}" height="{size}" fill="#fff"/><path d="{path}" fill="#000"/></svg>""";
    }
}
