using System.Globalization;

namespace Luoshi.Documents;

/// <summary>
/// What a person expects of one document: its outline (level, number, title prefix) and its drafts.
/// A <c>task</c> line is a draft that should be ticked, with the fields the text gives it; a
/// <c>skip</c> line one that may be shown but should not be ticked. The file names the document
/// instead of holding it, so the shared documents are referred to, never copied.
/// </summary>
internal sealed record Annotation(string Path, string Document, bool Minutes, IReadOnlyList<ExpectedNode> Outline, IReadOnlyList<ExpectedDraft> Drafts)
{
    public static Annotation Read(string file)
    {
        string? document = null;
        var minutes = false;
        var outline = new List<ExpectedNode>();
        var drafts = new List<ExpectedDraft>();
        foreach (var (raw, index) in System.IO.File.ReadLines(file).Select((l, i) => (l.Trim(), i + 1)))
        {
            if (raw.Length == 0 || raw.StartsWith('#'))
            {
                continue;
            }

            var space = raw.IndexOf(' ', StringComparison.Ordinal);
            var (key, rest) = space < 0 ? (raw, "") : (raw[..space], raw[(space + 1)..].Trim());
            switch (key)
            {
                case "document": document = rest; break;
                case "minutes": minutes = true; document = rest; break;
                case "outline": outline.Add(Node(rest, file, index)); break;
                case "task" or "skip": drafts.Add(Draft(key == "task", rest, file, index)); break;
                default: throw new FormatException($"{file}:{index}: 无法理解的行“{raw}”");
            }
        }

        return new(file, document ?? throw new FormatException($"{file}: 缺少 document 行"), minutes, outline, drafts);
    }

    private static ExpectedNode Node(string rest, string file, int line)
    {
        var parts = rest.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2 || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var level))
        {
            throw new FormatException($"{file}:{line}: outline 行应为“outline 层级 序号 标题开头”");
        }

        return new(level, parts[1], parts.Length > 2 ? parts[2] : "");
    }

    private static ExpectedDraft Draft(bool ticked, string rest, string file, int line)
    {
        var fields = rest.Split('|', StringSplitOptions.TrimEntries);
        string? lead = null, due = null, target = null;
        foreach (var field in fields.Skip(1))
        {
            var eq = field.IndexOf('=', StringComparison.Ordinal);
            var (name, value) = eq < 0 ? (field, "") : (field[..eq].Trim(), field[(eq + 1)..].Trim());
            switch (name)
            {
                case "lead": lead = value; break;
                case "due": due = value; break;
                case "target": target = value; break;
                default: throw new FormatException($"{file}:{line}: 未知字段“{name}”（可用 lead、due、target）");
            }
        }

        return new(ticked, fields[0], lead, due, target);
    }
}

internal sealed record ExpectedNode(int Level, string Number, string TitlePrefix);

/// <summary>A field left out means the text gives none: a draft that reads one anyway is wrong.</summary>
internal sealed record ExpectedDraft(bool Ticked, string TitlePrefix, string? Lead, string? Due, string? Target);
