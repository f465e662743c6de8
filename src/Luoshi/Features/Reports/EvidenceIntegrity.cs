using System.Security.Cryptography;

namespace Luoshi.Features.Reports;

/// <summary>
/// Whether a stored evidence file still has the bytes it was uploaded with. The SHA-256 taken at upload
/// is in the database and, through the report's content, in the tamper-evident record; a file swapped on
/// disk keeps its name but not its hash.
/// </summary>
internal static class EvidenceIntegrity
{
    /// <summary>Null when the bytes match; otherwise what is wrong, in Chinese.</summary>
    public static async Task<string?> ProblemAsync(IEvidenceStore store, Evidence evidence, CancellationToken ct)
    {
        try
        {
            await using var stream = store.OpenRead(evidence.StorageKey);
            var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
            return hash == evidence.Sha256 ? null : $"文件内容与上传时的 SHA-256 不符（应为 {evidence.Sha256[..16]}…，现为 {hash[..16]}…）：文件在存储中被替换或改动";
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return "存储中已没有这个文件（被删除）";
        }
    }
}
