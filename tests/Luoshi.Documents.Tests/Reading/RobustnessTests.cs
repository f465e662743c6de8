using System.Text;

namespace Luoshi.Documents.Tests.Reading;

/// <summary>Random and mutated inputs: the only exception that may escape is the documented one.</summary>
public sealed class RobustnessTests
{
    private const string Alphabet = "一二三四五六七八九十、（）()1234567890.．，。；：！？是要第首先其次最后①②\n\r 　年月日底前不少于新增%牵头单位：市局";

    [Fact]
    public void ThousandsOfRandomTextsParseWithoutThrowing()
    {
        var random = new Random(2026);
        for (var i = 0; i < 3000; i++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(0, 400)).Select(_ => Alphabet[random.Next(Alphabet.Length)])]);
            var outline = OutlineParser.Parse(text);
            _ = DraftTaskExtractor.Extract(outline);
            Assert.All(outline.AllNodes(), n => Assert.InRange(n.Start, 0, Math.Max(0, n.End)));
            Assert.All(outline.AllNodes(), n => Assert.InRange(n.End, 0, text.Length));
        }
    }

    [Fact]
    public void MutatedFilesOfEveryTypeFailOnlyWithTheDocumentedError()
    {
        var random = new Random(9704);
        var docx = DocxBuilder.Build(body => body.Append(DocxBuilder.Numbered(0, "任务"), DocxBuilder.Numbered(1, "细目")));
        var txt = Encoding.UTF8.GetBytes("一、任务\n（一）细目");
        foreach (var (original, name) in new[] { (docx, "m.docx"), (txt, "m.txt"), (docx, "m.pdf") })
        {
            for (var i = 0; i < 300; i++)
            {
                var bytes = (byte[])original.Clone();
                for (var flips = random.Next(1, 8); flips > 0; flips--)
                {
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                }

                var cut = bytes[..random.Next(bytes.Length + 1)];
                try
                {
                    OutlineParser.Parse(DocumentReader.Read(new MemoryStream(cut), name));
                }
                catch (DocumentReadException)
                {
                }
            }
        }
    }

    [Fact]
    public void DeeplyNestedNumberingIsBounded()
    {
        var styles = new[] { "一、", "（一）", "1.", "（1）", "①", "第一，", "一是", "首先，" };
        var text = string.Concat(Enumerable.Repeat(string.Join('\n', styles.Select(s => s + "条目")) + "\n", 2000));

        var outline = OutlineParser.Parse(text);

        Assert.True(outline.AllNodes().Max(n => n.Level) <= 12);
    }

    [Fact]
    public void AFiftyMegabyteTextIsReadOrRefusedClearly()
    {
        var line = Encoding.UTF8.GetBytes("一、这是一行用来填充的文字，内容没有意义。\n");
        var big = new byte[50 * 1024 * 1024];
        for (var at = 0; at + line.Length <= big.Length; at += line.Length)
        {
            line.CopyTo(big, at);
        }

        var text = DocumentReader.Read(new MemoryStream(big), "big.txt");
        var outline = OutlineParser.Parse(text);

        Assert.Single(outline.Items);
    }
}
