namespace Luoshi.Features.Imports;

/// <summary>The paragraph of an imported document that holds a task's sentence, split around it so
/// the page can highlight the sentence (来源).</summary>
internal sealed record SourceExcerpt(string FileName, string Before, string Sentence, string After, string? Label = null)
{
    /// <summary>How far around the sentence the paragraph is shown, at most, on each side.</summary>
    public const int Reach = 300;

    public static SourceExcerpt? Of(SourceDocument document, int? start, int? end, string? label = null)
    {
        var text = document.Text;
        if (start is not { } s || end is not { } e || s < 0 || e > text.Length || e <= s)
        {
            return null;
        }

        var from = Math.Max(text.LastIndexOf('\n', Math.Max(s - 1, 0)) + 1, s - Reach);
        var next = text.IndexOf('\n', e);
        var to = Math.Min(next < 0 ? text.Length : next, e + Reach);
        return new(document.FileName, text[from..s], text[s..e], text[e..to], label);
    }
}
