namespace Luoshi.Documents;

/// <summary>A line of the source text without its terminator (\n, \r\n or \r).</summary>
internal readonly record struct SourceLine(int Start, int End)
{
    public string Trimmed(string source) => source[Start..End].Trim().Trim('\uFEFF').Trim();

    public static List<SourceLine> Split(string source)
    {
        var lines = new List<SourceLine>();
        var start = 0;
        for (var i = 0; i < source.Length; i++)
        {
            if (source[i] is '\n' or '\r')
            {
                lines.Add(new SourceLine(start, i));
                if (source[i] == '\r' && i + 1 < source.Length && source[i + 1] == '\n')
                {
                    i++;
                }

                start = i + 1;
            }
        }

        if (start < source.Length)
        {
            lines.Add(new SourceLine(start, source.Length));
        }

        return lines;
    }
}
