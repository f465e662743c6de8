using System.Security.Cryptography;
using System.Text;
using Luoshi.Data;
using Luoshi.Documents;
using Luoshi.Features.Organisation;
using Luoshi.Features.Shared;

namespace Luoshi.Features.Imports;

/// <summary>Reading an uploaded document into text (txt, docx, pdf) and keeping it; the library's
/// error says in Chinese what is wrong and what to do.</summary>
internal sealed class DocumentUpload(LuoshiDb db, BureauClock clock)
{
    public const long MaxBytes = 20 * 1024 * 1024;

    /// <summary>
    /// A small file can unpack to far more text (a .docx is a zip): the text itself is bounded too, so
    /// reading, outlining and answering stay within a second and a bounded answer. Two million characters
    /// is about 1,300 printed pages, more than any plan or speech.
    /// </summary>
    public const int MaxTextCharacters = 2_000_000;

    public static Outcome<string> Read(string fileName, Stream content, long length)
    {
        if (length > MaxBytes)
        {
            return Outcome<string>.Invalid("file", $"文件超过 {MaxBytes / 1024 / 1024} MB，请拆分后再上传");
        }

        try
        {
            var text = DocumentReader.Read(content, Path.GetFileName(fileName));
            return text.Length > MaxTextCharacters
                ? Outcome<string>.Invalid("file", $"文件的文字超过 {MaxTextCharacters / 10_000} 万字（约 {text.Length / 10_000} 万字），请拆分后再上传")
                : Outcome<string>.Ok(text);
        }
        catch (DocumentReadException e)
        {
            return Outcome<string>.Invalid("file", e.Message);
        }
    }

    public async Task<Outcome<SourceDocument>> KeepAsync(Viewer viewer, string fileName, Stream content, long length, CancellationToken ct)
    {
        if (!viewer.IsAdmin)
        {
            return Outcome<SourceDocument>.Forbidden("只有办公室（管理员）可以导入文件");
        }

        var text = Read(fileName, content, length);
        if (text.Kind != OutcomeKind.Ok)
        {
            return Outcome<SourceDocument>.Invalid(text.Errors!);
        }

        var document = new SourceDocument
        {
            UnitId = viewer.UnitId,
            FileName = Path.GetFileName(fileName),
            Text = text.Value!,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.Value!))),
            UploadedById = viewer.PersonId,
            UploadedAt = clock.UtcNow,
        };
        db.SourceDocuments.Add(document);
        await db.SaveChangesAsync(ct);
        return Outcome<SourceDocument>.Ok(document);
    }
}
