namespace Luoshi.Documents.Tests;

/// <summary>Compares items with "number|title prefix" strings, so long titles need not be written out.</summary>
internal static class OutlineAssert
{
    public static void Items(IReadOnlyList<OutlineNode> nodes, params string[] expected)
    {
        var actual = nodes.Select(n => $"{n.Number}|{n.Title}").ToList();
        Assert.True(actual.Count == expected.Length, $"expected {expected.Length} items, got {actual.Count}:\n{string.Join('\n', actual)}");
        foreach (var (want, got) in expected.Zip(actual))
        {
            var number = want[..want.IndexOf('|', StringComparison.Ordinal)];
            Assert.True(got.StartsWith(want, StringComparison.Ordinal) && got.StartsWith(number + "|", StringComparison.Ordinal), $"expected '{want}…', got '{got}'");
        }
    }

    public static Outline Parse(string text) => OutlineParser.Parse(text);
}
