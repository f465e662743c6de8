namespace Luoshi.Documents.Tests.Seeds;

internal static class SeedDocuments
{
    public static Outline Parse(string folder, string prefix)
    {
        var file = Directory.GetFiles(SharedData.Path(folder), prefix + "*").Single();
        return OutlineParser.Parse(DocumentReader.Read(file));
    }

    /// <summary>What a web copy's furniture looks like; none of it may reach an outline item.</summary>
    public static readonly string[] Noise = ["下载全文", "第1页", "预览结束", "点击查看更多", "文库", "小编", "推荐访问", "本文链接", "上传人", "举报", ".docx"];

    public static void AssertNoNoise(Outline outline)
    {
        foreach (var node in outline.AllNodes())
        {
            foreach (var noise in Noise)
            {
                Assert.False(node.Title.Contains(noise, StringComparison.Ordinal) || node.Body.Contains(noise, StringComparison.Ordinal), $"'{noise}' left in {node.Number}{node.Title}");
            }
        }
    }
}
