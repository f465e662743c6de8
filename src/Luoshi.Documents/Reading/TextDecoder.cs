using System.Text;

namespace Luoshi.Documents;

/// <summary>
/// Plain text in UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK, which Chinese
/// Windows still writes by default. Text that is not valid UTF-8 is read as GB18030, a superset of GBK.
/// </summary>
internal static class TextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Gb18030 => Encoding.GetEncoding(54936);

    public static string Decode(byte[] bytes)
    {
        string text;
        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        }
        else if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            text = new UnicodeEncoding(bigEndian: bytes[0] == 0xFE, byteOrderMark: true).GetString(bytes, 2, bytes.Length - 2);
        }
        else
        {
            text = DecodeWithoutBom(bytes);
        }

        if (LooksBinary(text))
        {
            throw new DocumentReadException("这不是文本文件（内容像是二进制数据），请上传 .txt、.docx 或带文字的 .pdf 文件。");
        }

        return text;
    }

    private static string DecodeWithoutBom(byte[] bytes)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Gb18030.GetString(bytes);
        }
    }

    /// <summary>Control characters other than line breaks and tabs do not occur in real text.</summary>
    private static bool LooksBinary(string text)
    {
        var sample = text.AsSpan(0, Math.Min(text.Length, 65536));
        var control = 0;
        foreach (var c in sample)
        {
            if ((c < ' ' && c is not ('\n' or '\r' or '\t' or '\f')) || c == '\uFFFD')
            {
                control++;
            }
        }

        return control > sample.Length / 100;
    }
}
