using System.Text;
using System.Text.RegularExpressions;
using UglyToad.PdfPig.Content;

namespace Luoshi.Documents;

/// <summary>
/// A PDF has no tables, only letters at positions. A breakdown table is found by its head line (序号 /
/// 重点任务 / 牵头单位 …); its columns are where the head's words stand, and each later line's pieces go
/// to the column they start in. A row begins where the 序号 column has a number; the lines below it
/// (a cell that wraps, or a row continued on the next page) are added to its cells. Each row comes out
/// as one line with its cells separated by tabs, as the .docx reader writes table rows.
/// </summary>
internal sealed partial class PdfTableLayout
{
    private const double LineTolerance = 2.5;

    private Table? open;

    [GeneratedRegex(@"^[\s\-—–－]*(?:第\s*)?\d{1,4}(?:\s*页)?[\s\-—–－]*$")]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|第[一二三四五六七八九十]{1,3}[部分章类项])")]
    private static partial Regex GroupHeading();

    [GeneratedRegex(@"^\d{1,3}[.、．]?$")]
    private static partial Regex Serial();

    private readonly record struct Piece(double Left, double Right, string Text);

    private sealed class Table(Piece[] head, int serialColumn)
    {
        public Piece[] Head { get; } = head;

        public int SerialColumn { get; } = serialColumn;

        public string Squeezed { get; } = Squeeze(string.Concat(head.Select(p => p.Text)));

        public List<StringBuilder>? Row { get; set; }
    }

    /// <summary>The page's text with its table rows as tab-separated lines; null when the page has no table.</summary>
    public string? Read(Page page)
    {
        var lines = Lines(page);
        if (open is null && !lines.Any(l => HeadColumns(l) is not null))
        {
            return null;
        }

        var text = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (i + 1 < lines.Count && lines[i + 1].All(p => p.Text.Length <= 4 && !p.Text.Any(char.IsDigit))
                && Merged(line, lines[i + 1]) is { } twoLineHead && HeadColumns(twoLineHead) is not null)
            {
                // A head whose narrow cells wrap ("牵头" over "单位") is read as one line, on every page it repeats on.
                line = twoLineHead;
                i++;
            }

            var joined = string.Join(' ', line.Select(p => p.Text));
            if (open is not null)
            {
                if (PageNumber().IsMatch(joined) || Squeeze(joined) == open.Squeezed)
                {
                    continue;
                }

                if (AddToTable(open, line, text))
                {
                    continue;
                }

                Close(open, text);
                open = null;
            }

            if (HeadColumns(line) is { } serialColumn)
            {
                open = new Table([.. line], serialColumn);
                text.Append(string.Join('\t', line.Select(p => p.Text))).Append('\n');
                continue;
            }

            text.Append(joined).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Two lines as one, each piece of the second joined to the piece of the first above it; null when a piece stands alone.</summary>
    private static List<Piece>? Merged(List<Piece> first, List<Piece> second)
    {
        var merged = first.ToList();
        foreach (var piece in second)
        {
            var above = merged.FindIndex(p => p.Left < piece.Right && piece.Left < p.Right);
            if (above < 0)
            {
                return null;
            }

            var p = merged[above];
            merged[above] = new Piece(Math.Min(p.Left, piece.Left), Math.Max(p.Right, piece.Right), p.Text + piece.Text);
        }

        return merged;
    }

    /// <summary>Writes out a row still open at the end of the document.</summary>
    public string Finish()
    {
        var text = new StringBuilder();
        if (open is not null)
        {
            Close(open, text);
            open = null;
        }

        return text.ToString();
    }

    private static bool AddToTable(Table table, List<Piece> line, StringBuilder text)
    {
        var joined = string.Concat(line.Select(p => p.Text)).Trim();
        if (line.Count == 1 && GroupHeading().IsMatch(joined))
        {
            // A merged row "一、产业发展": the rows below sit under it.
            Close(table, text);
            text.Append(joined).Append('\n');
            return true;
        }

        var placed = new List<(int Column, Piece Piece)>();
        foreach (var piece in line)
        {
            var column = ColumnOf(table, piece);
            if (column + 1 < table.Head.Length && piece.Right > table.Head[column + 1].Left + 1)
            {
                // Text running across a column line is a paragraph after the table.
                return false;
            }

            placed.Add((column, piece));
        }

        var startsRow = table.SerialColumn >= 0
            ? placed.Any(p => p.Column == table.SerialColumn && Serial().IsMatch(p.Piece.Text.Trim()))
            : placed.Count >= 2;
        if (startsRow)
        {
            Close(table, text);
            table.Row = [.. table.Head.Select(_ => new StringBuilder())];
        }
        else if (table.Row is null)
        {
            return false;
        }

        foreach (var (column, piece) in placed)
        {
            var cell = table.Row![column];
            if (cell.Length > 0 && char.IsAscii(cell[^1]) && char.IsAscii(piece.Text[0]))
            {
                cell.Append(' ');
            }

            cell.Append(piece.Text.Trim());
        }

        return true;
    }

    /// <summary>A piece belongs to the last column whose head ends before the piece starts: heads sit inside their cells.</summary>
    private static int ColumnOf(Table table, Piece piece)
    {
        var column = 0;
        for (var j = 1; j < table.Head.Length; j++)
        {
            if (piece.Left >= table.Head[j - 1].Right - 0.5)
            {
                column = j;
            }
        }

        return column;
    }

    private static void Close(Table table, StringBuilder text)
    {
        if (table.Row is { } row)
        {
            text.Append(string.Join('\t', row.Select(c => c.ToString()))).Append('\n');
            table.Row = null;
        }
    }

    /// <summary>The index of the 序号 column (or -1) when the line is a table head; null when it is not.</summary>
    private static int? HeadColumns(List<Piece> line)
    {
        if (line.Count < 3)
        {
            return null;
        }

        var names = line.Select(p => Squeeze(p.Text)).ToList();
        var hasTask = names.Any(n => n.Length <= 8 && (n.Contains("任务", StringComparison.Ordinal) || n.Contains("工作", StringComparison.Ordinal)
            || n.Contains("措施", StringComparison.Ordinal) || n.Contains("事项", StringComparison.Ordinal)));
        var hasUnitOrTime = names.Any(n => n.Length <= 8 && (n.Contains("单位", StringComparison.Ordinal) || n.Contains("科室", StringComparison.Ordinal)
            || n.Contains("部门", StringComparison.Ordinal) || n.Contains("时限", StringComparison.Ordinal)
            || n.Contains("期限", StringComparison.Ordinal) || n.Contains("时间", StringComparison.Ordinal)));
        return hasTask && hasUnitOrTime ? names.FindIndex(n => n is "序号" or "编号") : null;
    }

    /// <summary>The page's letters as lines from the top, each line as pieces split where a gap is wider than a space.</summary>
    private static List<List<Piece>> Lines(Page page)
    {
        var letters = page.Letters.Where(l => !string.IsNullOrEmpty(l.Value)).ToList();
        var rows = new List<List<Letter>>();
        foreach (var letter in letters.OrderByDescending(l => l.StartBaseLine.Y).ThenBy(l => l.StartBaseLine.X))
        {
            if (rows.Count > 0 && Math.Abs(rows[^1][0].StartBaseLine.Y - letter.StartBaseLine.Y) <= LineTolerance)
            {
                rows[^1].Add(letter);
            }
            else
            {
                rows.Add([letter]);
            }
        }

        var lines = new List<List<Piece>>();
        foreach (var row in rows)
        {
            var pieces = new List<Piece>();
            var text = new StringBuilder();
            double left = 0, right = 0;
            foreach (var letter in row.OrderBy(l => l.StartBaseLine.X))
            {
                var gap = letter.StartBaseLine.X - right;
                var size = Math.Max(letter.PointSize, 4);
                if (text.Length > 0 && (string.IsNullOrWhiteSpace(letter.Value) || gap > size * 0.6))
                {
                    pieces.Add(new Piece(left, right, text.ToString()));
                    text.Clear();
                }

                if (string.IsNullOrWhiteSpace(letter.Value))
                {
                    continue;
                }

                if (text.Length == 0)
                {
                    left = letter.StartBaseLine.X;
                }

                text.Append(letter.Value);
                right = Math.Max(letter.EndBaseLine.X, letter.StartBaseLine.X + letter.Width);
            }

            if (text.Length > 0)
            {
                pieces.Add(new Piece(left, right, text.ToString()));
            }

            if (pieces.Count > 0)
            {
                lines.Add(pieces);
            }
        }

        return lines;
    }

    private static string Squeeze(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c)));
}
