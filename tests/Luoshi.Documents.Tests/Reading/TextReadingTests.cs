using System.Text;

namespace Luoshi.Documents.Tests.Reading;

public sealed class TextReadingTests
{
    private const string Sample = "一、加强科技创新\n（一）培育企业。";

    static TextReadingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void Utf8WithAndWithoutBomIsRead()
    {
        Assert.Equal(Sample, Read(Encoding.UTF8.GetBytes(Sample)));
        Assert.Equal(Sample, Read([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Sample)]));
    }

    [Fact]
    public void GbkEncodedTextIsDetectedAndRead()
    {
        Assert.Equal(Sample, Read(Encoding.GetEncoding("GBK").GetBytes(Sample)));
    }

    [Fact]
    public void Utf16WithBomIsRead()
    {
        Assert.Equal(Sample, Read([0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Sample)]));
    }

    [Fact]
    public void AnEmptyFileIsAClearError()
    {
        var error = Assert.Throws<DocumentReadException>(() => Read([]));
        Assert.Contains("空", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BinaryJunkIsAClearError()
    {
        var junk = new byte[4096];
        new Random(7).NextBytes(junk);

        var error = Assert.Throws<DocumentReadException>(() => Read(junk));
        Assert.Contains("不是文本文件", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownFileTypeIsAClearError()
    {
        var error = Assert.Throws<DocumentReadException>(() => DocumentReader.Read(new MemoryStream([1, 2, 3]), "plan.xyz"));
        Assert.Contains(".docx", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ALegacyWordFileAsksToBeSavedAsDocx()
    {
        byte[] ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]];

        var error = Assert.Throws<DocumentReadException>(() => DocumentReader.Read(new MemoryStream(ole), "plan.doc"));
        Assert.Contains("另存为 .docx", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void APasswordProtectedWordFileSaysSo()
    {
        byte[] encrypted = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[100], .. Encoding.Unicode.GetBytes("EncryptedPackage")];

        var error = Assert.Throws<DocumentReadException>(() => DocumentReader.Read(new MemoryStream(encrypted), "plan.docx"));
        Assert.Contains("密码", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingFileIsAClearError()
    {
        Assert.Throws<DocumentReadException>(() => DocumentReader.Read("/nonexistent/plan.txt"));
    }

    private static string Read(byte[] bytes) => DocumentReader.Read(new MemoryStream(bytes), "plan.txt");
}
