using System.Security.Cryptography;
using Luoshi.Data;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Luoshi.Features.Reports;

/// <summary>
/// Accepting an evidence file: a size limit, a list of document and image types, and a check that
/// the bytes are what the name says (a renamed .exe is not a PDF). The file is stored before the
/// row, so a row never points at nothing.
/// </summary>
internal sealed class EvidenceFiles(LuoshiDb db, IEvidenceStore store, BureauClock clock, IOptions<EvidenceOptions> options)
{
    private static readonly Dictionary<string, (string ContentType, byte[][] Signatures)> Allowed = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = ("application/pdf", [[0x25, 0x50, 0x44, 0x46]]),
        [".png"] = ("image/png", [[0x89, 0x50, 0x4E, 0x47]]),
        [".jpg"] = ("image/jpeg", [[0xFF, 0xD8, 0xFF]]),
        [".jpeg"] = ("image/jpeg", [[0xFF, 0xD8, 0xFF]]),
        [".docx"] = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", [[0x50, 0x4B, 0x03, 0x04]]),
        [".xlsx"] = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [[0x50, 0x4B, 0x03, 0x04]]),
        [".pptx"] = ("application/vnd.openxmlformats-officedocument.presentationml.presentation", [[0x50, 0x4B, 0x03, 0x04]]),
        [".doc"] = ("application/msword", [[0xD0, 0xCF, 0x11, 0xE0]]),
        [".xls"] = ("application/vnd.ms-excel", [[0xD0, 0xCF, 0x11, 0xE0]]),
        [".ofd"] = ("application/ofd", [[0x50, 0x4B, 0x03, 0x04]]),
        [".zip"] = ("application/zip", [[0x50, 0x4B, 0x03, 0x04]]),
        [".txt"] = ("text/plain; charset=utf-8", []),
    };

    public static string AcceptList => string.Join(",", Allowed.Keys);

    /// <summary>What is wrong with a file, in words for the person who chose it; null when it is fine.</summary>
    public string? Check(string fileName, ReadOnlySpan<byte> bytes)
    {
        var name = Path.GetFileName(fileName ?? "").Trim();
        var limit = options.Value.MaxBytes;
        if (name.Length == 0 || name.Length > 255)
        {
            return "文件名为空或过长";
        }

        if (bytes.Length == 0)
        {
            return $"文件“{name}”是空文件";
        }

        if (bytes.Length > limit)
        {
            return $"文件“{name}”大小为 {Megabytes(bytes.Length)}，超过了 {Megabytes(limit)} 的上限";
        }

        if (!Allowed.TryGetValue(Path.GetExtension(name), out var type))
        {
            return $"不支持“{Path.GetExtension(name)}”类型的文件，可上传：{string.Join("、", Allowed.Keys)}";
        }

        foreach (var signature in type.Signatures)
        {
            if (bytes.StartsWith(signature))
            {
                return null;
            }
        }

        return type.Signatures.Length == 0 ? null : $"文件“{name}”的内容与扩展名不符，请确认文件未损坏";
    }

    public async Task<Outcome<Evidence>> UploadAsync(Viewer viewer, string fileName, Stream content, long length, CancellationToken ct = default)
    {
        var name = Path.GetFileName(fileName ?? "").Trim();
        if (length > options.Value.MaxBytes)
        {
            // Refused before reading a byte of it.
            return Outcome<Evidence>.Invalid("file", $"文件“{name}”大小为 {Megabytes(length)}，超过了 {Megabytes(options.Value.MaxBytes)} 的上限");
        }

        using var buffer = new MemoryStream((int)Math.Max(length, 0));
        await content.CopyToAsync(buffer, ct);
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (Check(name, bytes) is { } problem)
        {
            return Outcome<Evidence>.Invalid("file", problem);
        }

        var type = Allowed[Path.GetExtension(name)];
        var (key, sha256) = await StoreAsync(viewer.UnitId, "", buffer.GetBuffer().AsMemory(0, (int)buffer.Length), ct);
        var now = clock.UtcNow;
        var evidence = new Evidence
        {
            UnitId = viewer.UnitId,
            FileName = name,
            ContentType = type.ContentType,
            Size = buffer.Length,
            Sha256 = sha256,
            StorageKey = key,
            UploadedById = viewer.PersonId,
            UploadedAt = now,
        };
        db.Evidence.Add(evidence);
        await db.SaveChangesAsync(ct);
        return Outcome<Evidence>.Ok(evidence);
    }

    /// <summary>
    /// Stores checked bytes under a new key of the unit and month (with a prefix naming what they are,
    /// e.g. <c>research-</c>) and returns the key and the SHA-256 to keep in the row: the file is stored
    /// before its row, so a row never points at nothing.
    /// </summary>
    public async Task<(string Key, string Sha256)> StoreAsync(int unitId, string prefix, ReadOnlyMemory<byte> bytes, CancellationToken ct)
    {
        var now = clock.UtcNow;
        var key = $"{unitId}/{now:yyyy}/{now:MM}/{prefix}{Guid.NewGuid():N}";
        using var content = new MemoryStream(bytes.ToArray(), writable: false);
        await store.SaveAsync(key, content, ct);
        return (key, Convert.ToHexStringLower(SHA256.HashData(bytes.Span)));
    }

    public Stream Open(Evidence evidence) => store.OpenRead(evidence.StorageKey);

    /// <summary>Removes uploads that no report took (the report they came with was refused).</summary>
    public async Task DiscardAsync(IEnumerable<Evidence> uploads, CancellationToken ct = default)
    {
        var ids = uploads.Select(e => e.Id).ToList();
        var orphans = await db.Evidence.Where(e => ids.Contains(e.Id) && e.ReportId == null && e.ReplyId == null).ToListAsync(ct);
        db.Evidence.RemoveRange(orphans);
        await db.SaveChangesAsync(ct);
        foreach (var e in orphans)
        {
            store.Delete(e.StorageKey);
        }
    }

    /// <summary>
    /// Uploads that no report took within a day (the person uploaded and never sent the report): their
    /// rows and files, so unattached uploads cannot fill the disk. Each row goes only while still
    /// unattached (a conditional delete, as attaching is a conditional update), so a report that
    /// takes a file at the same moment keeps it; the file goes only after its row.
    /// </summary>
    public async Task<int> RemoveUnattachedAsync(DateTime uploadedBefore, CancellationToken ct = default)
    {
        var stale = await db.Evidence.AsNoTracking().Where(e => e.ReportId == null && e.UploadedAt < uploadedBefore)
            .OrderBy(e => e.Id).Select(e => new { e.Id, e.StorageKey }).ToListAsync(ct);
        var removed = 0;
        foreach (var upload in stale)
        {
            if (await db.Evidence.Where(e => e.Id == upload.Id && e.ReportId == null).ExecuteDeleteAsync(ct) == 1)
            {
                store.Delete(upload.StorageKey);
                removed++;
            }
        }

        return removed;
    }

    private static string Megabytes(long bytes) => $"{bytes / 1024d / 1024d:0.#} MB";
}
