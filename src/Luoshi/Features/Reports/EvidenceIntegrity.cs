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
    public static async Task<string?> ProblemAsync(IEvidenceStore store, Evidence evidence, CancellationToken ct) =>
        (await ReadAsync(store, evidence.StorageKey, evidence.Sha256, ct)).Problem;

    /// <summary>
    /// A stored file's bytes when they still match the SHA-256 taken at upload; otherwise no bytes and
    /// what is wrong. Every kind of stored file (report evidence, research files …) is served through
    /// this, so a swapped file is never handed out.
    /// </summary>
    public static async Task<(byte[]? Bytes, string? Problem)> ReadAsync(IEvidenceStore store, string storageKey, string sha256, CancellationToken ct)
    {
        try
        {
            await using var stream = store.OpenRead(storageKey);
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, ct);
            var bytes = copy.ToArray();
            var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
            return hash == sha256
                ? (bytes, null)
                : (null, $"文件内容与上传时的 SHA-256 不符（应为 {sha256[..16]}…，现为 {hash[..16]}…）：文件在存储中被替换或改动");
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return (null, "存储中已没有这个文件（被删除）");
        }
    }
}
