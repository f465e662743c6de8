using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Luoshi.Documents;

/// <summary><c>luoshi outline FILE [--json]</c>: the app's command line dispatches here.</summary>
public static class OutlineCommand
{
    public const int Ok = 0;
    public const int BadInput = 2;

    private const string Usage = """
        用法：luoshi outline FILE [--json]
          读取 .txt（UTF-8 或 GBK）、.docx 或带文字层的 .pdf，打印其提纲（层级、序号、标题）。
          --json   以 JSON 输出提纲、草拟任务和删除的网页杂项
          --help   显示本说明
        """;

    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        // Chinese stays readable in the output instead of \uXXXX escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var rest = args.SkipWhile((a, i) => i == 0 && a == "outline").ToList();
        if (rest.Contains("--help") || rest.Contains("-h"))
        {
            stdout.WriteLine(Usage);
            return Ok;
        }

        var json = rest.Remove("--json");
        if (rest.Count != 1 || rest[0].StartsWith('-'))
        {
            stderr.WriteLine(rest.Count == 0 ? "缺少文件名。" : $"无法理解的参数：{string.Join(' ', rest)}");
            stderr.WriteLine(Usage);
            return BadInput;
        }

        Outline outline;
        try
        {
            outline = OutlineParser.Parse(DocumentReader.Read(rest[0]));
        }
        catch (DocumentReadException e)
        {
            stderr.WriteLine($"无法读取 {rest[0]}：{e.Message}");
            return BadInput;
        }

        if (json)
        {
            stdout.WriteLine(JsonSerializer.Serialize(OutlineReport.Of(outline), JsonOptions));
        }
        else
        {
            OutlinePrinter.Print(outline, stdout);
        }

        return Ok;
    }
}

/// <summary>What <c>--json</c> prints and the app's API returns; the text itself is left out (the caller has the file).</summary>
public sealed record OutlineReport(string? Title, int? Year, IReadOnlyList<OutlineNode> Items, IReadOnlyList<DroppedLine> Dropped, IReadOnlyList<DraftTask> Drafts)
{
    public static OutlineReport Of(Outline outline)
    {
        ArgumentNullException.ThrowIfNull(outline);
        return new(outline.Title, outline.Year, outline.Items, outline.Dropped, DraftTaskExtractor.Extract(outline));
    }
}
