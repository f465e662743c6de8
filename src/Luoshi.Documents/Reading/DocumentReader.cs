namespace Luoshi.Documents;

/// <summary>
/// A .txt, .docx or .pdf → plain text, one paragraph per line. Anything it cannot read becomes a
/// <see cref="DocumentReadException"/> whose message says what to do instead.
/// </summary>
public static class DocumentReader
{
    /// <summary>Larger files are refused before they are read, so an upload cannot exhaust memory.</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    public static string Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new DocumentReadException($"找不到文件“{path}”，请检查路径。");
        }

        using var stream = File.OpenRead(path);
        return Read(stream, Path.GetFileName(path));
    }

    public static string Read(Stream stream, string fileName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fileName);
        var bytes = ReadAll(stream);
        if (bytes.Length == 0)
        {
            throw new DocumentReadException("文件是空的，请检查后重新上传。");
        }

        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (CompoundFile.IsCompoundFile(bytes))
        {
            throw new DocumentReadException(CompoundFile.IsEncryptedOfficeFile(bytes)
                ? "这个 Word 文件设置了打开密码，请在 Word 中取消密码（文件 → 信息 → 保护文档）后另存为 .docx 再上传。"
                : "这是旧版 Word（.doc）文件，请在 Word 中另存为 .docx 后再上传。");
        }

        return extension switch
        {
            ".txt" or ".text" or "" => TextDecoder.Decode(bytes),
            ".docx" => DocxReader.Read(bytes),
            ".pdf" => PdfTextReader.Read(bytes),
            ".doc" or ".wps" or ".rtf" => throw new DocumentReadException("这是旧版 Word（.doc）或 WPS 文件，请在 Word 或 WPS 中另存为 .docx 后再上传。"),
            _ => throw new DocumentReadException($"不支持“{extension}”类型的文件，请上传 .txt、.docx 或带文字的 .pdf 文件。"),
        };
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw new DocumentReadException($"文件超过 {MaxBytes / 1024 / 1024} MB，请拆分后再上传。");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
