using System.Text.Json;

namespace Luoshi.Documents.Tests.Cli;

public sealed class OutlineCommandTests : IDisposable
{
    private readonly string file = Path.Combine(Path.GetTempPath(), $"luoshi-{Guid.NewGuid():N}.txt");
    private readonly StringWriter stdout = new();
    private readonly StringWriter stderr = new();

    public OutlineCommandTests() => File.WriteAllText(file, "2026年工作要点\n一、抓创新\n（一）新增50家企业。\n二、抓服务\n");

    [Fact]
    public void TheOutlineIsPrintedAsAnIndentedTree()
    {
        var code = OutlineCommand.Run(["outline", file], stdout, stderr);

        Assert.Equal(OutlineCommand.Ok, code);
        Assert.Contains("一、 抓创新\n  （一） 新增50家企业\n二、 抓服务", stdout.ToString().ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void JsonIsCamelCaseWithChineseUnescaped()
    {
        var code = OutlineCommand.Run([file, "--json"], stdout, stderr);

        Assert.Equal(OutlineCommand.Ok, code);
        Assert.Contains("\"title\": \"2026年工作要点\"", stdout.ToString(), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(stdout.ToString());
        Assert.Equal("（一）", json.RootElement.GetProperty("items")[0].GetProperty("children")[0].GetProperty("number").GetString());
        Assert.Equal("increase", json.RootElement.GetProperty("drafts")[0].GetProperty("targets")[0].GetProperty("operator").GetString());
    }

    [Fact]
    public void HelpPrintsUsage()
    {
        Assert.Equal(OutlineCommand.Ok, OutlineCommand.Run(["--help"], stdout, stderr));
        Assert.Contains("luoshi outline FILE", stdout.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData]
    [InlineData("--bogus", "x.txt")]
    [InlineData("/nonexistent/plan.txt")]
    public void BadInputIsAClearErrorWithExitCodeTwo(params string[] args)
    {
        Assert.Equal(OutlineCommand.BadInput, OutlineCommand.Run(args, stdout, stderr));
        Assert.NotEmpty(stderr.ToString());
    }

    public void Dispose()
    {
        File.Delete(file);
        stdout.Dispose();
        stderr.Dispose();
    }
}
