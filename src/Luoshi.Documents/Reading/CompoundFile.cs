using System.Text;

namespace Luoshi.Documents;

/// <summary>
/// The OLE compound file format holds both legacy .doc files and password-protected .docx files
/// (Office wraps the encrypted package in one), whatever their file name says.
/// </summary>
internal static class CompoundFile
{
    private static readonly byte[] Signature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] EncryptedPackage = Encoding.Unicode.GetBytes("EncryptedPackage");

    public static bool IsCompoundFile(ReadOnlySpan<byte> bytes) => bytes.StartsWith(Signature);

    public static bool IsEncryptedOfficeFile(ReadOnlySpan<byte> bytes) => bytes.IndexOf(EncryptedPackage) >= 0;
}
