using System.Text;
using System.Text.RegularExpressions;

namespace Luoshi.Documents;

/// <summary>
/// Breakdown tables (序号 / 重点任务 / 牵头单位 / 配合单位 / 完成时限) written as text: one line per row
/// with tab-separated cells (as the .docx and PDF readers write them), or columns aligned with spaces,
/// where a cell that wraps continues on the next lines with the 序号 column empty. A line of its own
/// such as "一、产业发展" inside the table is a heading the rows below it sit under; a repeated head
/// row (a table continued on a new page) is skipped.
/// </summary>
internal static partial class BreakdownTables
{
    internal enum Column { Other, Serial, Task, Lead, Cooperating, Deadline, Target }

    internal sealed record Found(int Start, int End, List<FoundRow> Rows);

    internal sealed record FoundRow(int Start, int End, int TaskStart, int Ordinal, BreakdownRow Row);

    private readonly record struct Segment(int Start, int End, int Col);

    private sealed record Head(Column[] Roles, string[] Names, int[] Bounds, bool Tabbed, bool SingleSpaced, string Squeezed);

    [GeneratedRegex(@"^(?:[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）|第[一二三四五六七八九十]{1,3}[部分章类项]|[一二三四五六七八九十]{1,3}是)")]
    private static partial Regex GroupHeading();

    [GeneratedRegex(@"^\d{1,3}[.、]?$")]
    private static partial Regex Serial();

    public static List<Found> Find(string text, string folded)
    {
        var tables = new List<Found>();
        var lines = Lines(text);
        for (var i = 0; i < lines.Count; i++)
        {
            if (ReadHead(text, folded, lines[i]) is not { } head)
            {
                continue;
            }

            var (table, next) = ReadRows(text, folded, lines, i + 1, head);
            if (table is not null)
            {
                tables.Add(table);
            }

            i = next - 1;
        }

        return tables;
    }

    private static List<(int Start, int End)> Lines(string text)
    {
        var lines = new List<(int, int)>();
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end;
            lines.Add((start, end));
            start = end + 1;
        }

        return lines;
    }

    private static Head? ReadHead(string text, string folded, (int Start, int End) line)
    {
        // Cheap test first: a head names a lead unit or a deadline.
        var span = folded.AsSpan(line.Start, line.End - line.Start).Trim();
        if (span.Length > 200 || span.IndexOfAny('\t', ' ', '\u3000') < 0 || !(span.Contains("单位", StringComparison.Ordinal) || span.Contains("科室", StringComparison.Ordinal)
            || span.Contains("部门", StringComparison.Ordinal) || span.Contains("时限", StringComparison.Ordinal)
            || span.Contains("期限", StringComparison.Ordinal) || span.Contains("时间", StringComparison.Ordinal)))
        {
            return null;
        }

        var tabbed = span.Contains('\t');
        var segments = Split(text, line.Start, line.End, tabbed, singleSpaced: false);
        var singleSpaced = false;
        if (!tabbed && segments.Count < 3)
        {
            segments = Split(text, line.Start, line.End, tabbed, singleSpaced: true);
            singleSpaced = true;
        }

        var names = segments.Select(s => Squeeze(folded[s.Start..s.End])).ToArray();
        var roles = names.Select(RoleOf).ToArray();
        if (names.Length < 3 || !roles.Contains(Column.Task) || !(roles.Contains(Column.Lead) || roles.Contains(Column.Deadline)))
        {
            return null;
        }

        // A row's cell belongs to the column whose region it starts in; a region begins halfway between
        // the end of the previous head and the start of this one, as heads sit over their columns.
        var bounds = new int[segments.Count];
        for (var j = 1; j < segments.Count; j++)
        {
            var previousEnd = segments[j - 1].Col + Width(text, segments[j - 1].Start, segments[j - 1].End);
            bounds[j] = (previousEnd + segments[j].Col + 1) / 2;
        }

        return new Head(roles, [.. segments.Select(s => text[s.Start..s.End].Trim())], bounds, tabbed, singleSpaced, Squeeze(folded[line.Start..line.End]));
    }

    private static Column RoleOf(string name) => name switch
    {
        _ when name.Contains("配合", StringComparison.Ordinal) || name.Contains("协办", StringComparison.Ordinal)
            || name.Contains("协同", StringComparison.Ordinal) || name.Contains("参与单位", StringComparison.Ordinal) => Column.Cooperating,
        _ when name.Contains("牵头", StringComparison.Ordinal) || name.Contains("责任单位", StringComparison.Ordinal)
            || name.Contains("责任科室", StringComparison.Ordinal) || name.Contains("责任部门", StringComparison.Ordinal)
            || name.Contains("责任处室", StringComparison.Ordinal) || name == "主办单位" => Column.Lead,
        _ when name.Contains("时限", StringComparison.Ordinal) || name.Contains("期限", StringComparison.Ordinal)
            || name.Contains("时间", StringComparison.Ordinal) || name.Contains("进度", StringComparison.Ordinal) => Column.Deadline,
        "序号" or "编号" => Column.Serial,
        _ when name.Contains("目标", StringComparison.Ordinal) || name.Contains("成效", StringComparison.Ordinal) => Column.Target,
        _ when name.Length <= 8 && (name.Contains("任务", StringComparison.Ordinal) || name.Contains("工作", StringComparison.Ordinal)
            || name.Contains("措施", StringComparison.Ordinal) || name.Contains("事项", StringComparison.Ordinal)
            || name.Contains("内容", StringComparison.Ordinal)) => Column.Task,
        _ => Column.Other,
    };

    private static (Found? Table, int Next) ReadRows(string text, string folded, List<(int Start, int End)> lines, int from, Head head)
    {
        var rows = new List<FoundRow>();
        List<StringBuilder>? cells = null;
        var rowStart = 0;
        var rowEnd = 0;
        var taskStart = 0;
        var serialColumn = Array.IndexOf(head.Roles, Column.Serial);
        var i = from;
        for (; i < lines.Count; i++)
        {
            var (start, end) = lines[i];
            var trimmed = folded[start..end].Trim();
            if (trimmed.Length == 0 || Squeeze(trimmed) == head.Squeezed)
            {
                continue;
            }

            var segments = Split(text, start, end, head.Tabbed, head.SingleSpaced);
            var placed = Place(text, segments, head);
            var isNewRow = serialColumn >= 0
                ? placed.TryGetValue(serialColumn, out var serial) && Serial().IsMatch(folded[serial.Start..serial.End].Trim())
                : placed.Count >= 2;
            if (isNewRow)
            {
                Close();
                cells = [.. head.Roles.Select(_ => new StringBuilder())];
                rowStart = start;
                var task = Array.IndexOf(head.Roles, Column.Task);
                taskStart = placed.TryGetValue(task, out var t) ? t.Start : start;
            }
            else if (cells is null || placed.Count == 0 || segments.Count == 1 && GroupHeading().IsMatch(trimmed)
                || (head.Tabbed ? segments.Count == 1 : !FitsColumns(text, segments, head)))
            {
                // A heading line inside the table ends the row above; any other line ends the table.
                Close();
                cells = null;
                if (segments.Count == 1 && trimmed.Length <= 40 && GroupHeading().IsMatch(trimmed))
                {
                    continue;
                }

                break;
            }

            foreach (var (column, segment) in placed)
            {
                Append(cells![column], text[segment.Start..segment.End].Trim());
            }

            rowEnd = end;
        }

        Close();
        var table = rows.Count > 0 ? new Found(rows[0].Start, rows[^1].End, rows) : null;
        return (table, Math.Max(i, from));

        void Close()
        {
            if (cells is null)
            {
                return;
            }

            var row = ToRow(head, cells, rows.Count + 1);
            if (row.Task.Length > 0)
            {
                var ordinal = int.TryParse(row.Serial.TrimEnd('.', '、'), out var n) ? n : rows.Count + 1;
                rows.Add(new FoundRow(rowStart, rowEnd, taskStart, ordinal, row));
            }

            cells = null;
        }
    }

    /// <summary>Column index → the segment placed there; in a tab-separated table cells go by position.</summary>
    private static Dictionary<int, Segment> Place(string text, List<Segment> segments, Head head)
    {
        var placed = new Dictionary<int, Segment>();
        if (head.Tabbed || head.SingleSpaced)
        {
            for (var j = 0; j < segments.Count; j++)
            {
                // Extra single-spaced words belong to the widest column, the task.
                var column = j < head.Roles.Length ? j : Array.IndexOf(head.Roles, Column.Task);
                if (text[segments[j].Start..segments[j].End].Trim().Length > 0)
                {
                    placed[column] = placed.TryGetValue(column, out var was) ? was with { End = segments[j].End } : segments[j];
                }
            }

            return placed;
        }

        foreach (var segment in segments)
        {
            var column = Array.FindLastIndex(head.Bounds, b => b <= segment.Col);
            placed[column] = placed.TryGetValue(column, out var was) ? was with { End = segment.End } : segment;
        }

        return placed;
    }

    /// <summary>A continuation line's pieces each stay inside their column; a paragraph runs across them.</summary>
    private static bool FitsColumns(string text, List<Segment> segments, Head head)
    {
        foreach (var segment in segments)
        {
            var column = Array.FindLastIndex(head.Bounds, b => b <= segment.Col);
            var limit = column + 1 < head.Bounds.Length ? head.Bounds[column + 1] : int.MaxValue;
            if (segment.Col + Width(text, segment.Start, segment.End) > limit + 2 && column + 1 < head.Bounds.Length)
            {
                return false;
            }
        }

        return true;
    }

    private static BreakdownRow ToRow(Head head, List<StringBuilder> cells, int index)
    {
        string Cell(Column role) => Array.IndexOf(head.Roles, role) is var j and >= 0 ? cells[j].ToString() : "";
        var serial = Cell(Column.Serial);
        return new BreakdownRow(
            serial.Length > 0 ? serial : index.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Cell(Column.Task),
            Cell(Column.Lead),
            Cell(Column.Cooperating),
            Cell(Column.Deadline),
            Cell(Column.Target),
            [.. head.Names.Select((name, j) => new BreakdownCell(name, cells[j].ToString()))]);
    }

    private static void Append(StringBuilder cell, string piece)
    {
        if (piece.Length == 0)
        {
            return;
        }

        // Wrapped Chinese joins directly; words in Latin script keep a space between them.
        if (cell.Length > 0 && char.IsAscii(cell[^1]) && char.IsAscii(piece[0]))
        {
            cell.Append(' ');
        }

        cell.Append(piece);
    }

    /// <summary>Cells split at tabs, at runs of two or more spaces or a full-width space, or (single-spaced) at any space.</summary>
    private static List<Segment> Split(string text, int start, int end, bool tabbed, bool singleSpaced)
    {
        var segments = new List<Segment>();
        if (tabbed)
        {
            // Cells go by position, so an empty cell between two tabs keeps its place.
            var cellStart = start;
            for (var i = start; i <= end; i++)
            {
                if (i == end || text[i] == '\t')
                {
                    var (s, e) = (cellStart, i);
                    while (s < e && char.IsWhiteSpace(text[s]))
                    {
                        s++;
                    }

                    while (e > s && char.IsWhiteSpace(text[e - 1]))
                    {
                        e--;
                    }

                    segments.Add(new Segment(s, e, segments.Count));
                    cellStart = i + 1;
                }
            }

            return segments;
        }

        var col = 0;
        var at = start;
        while (at < end)
        {
            while (at < end && IsGap(text, at, end, singleSpaced))
            {
                col += CharWidth(text[at]);
                at++;
            }

            var segStart = at;
            var segCol = col;
            while (at < end && !IsGap(text, at, end, singleSpaced))
            {
                col += CharWidth(text[at]);
                at++;
            }

            if (at > segStart)
            {
                segments.Add(new Segment(segStart, at, segCol));
            }
        }

        return segments;
    }

    private static bool IsGap(string text, int i, int end, bool singleSpaced) => text[i] switch
    {
        '\u3000' or '\t' => true,
        ' ' => singleSpaced || (i + 1 < end && text[i + 1] is ' ' or '\u3000') || (i > 0 && text[i - 1] is ' ' or '\u3000'),
        _ => false,
    };

    private static int Width(string text, int start, int end)
    {
        var width = 0;
        for (var i = start; i < end; i++)
        {
            width += CharWidth(text[i]);
        }

        return width;
    }

    private static int CharWidth(char c) => c < 0x1100 ? 1 : 2;

    private static string Squeeze(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c)));
}
