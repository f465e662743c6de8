using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Luoshi.Documents;

/// <summary>
/// Word keeps automatic numbers out of the text: a paragraph only says "list 3, level 1". This replays
/// the counters of numbering.xml in document order to write the numbers the reader sees.
/// </summary>
internal sealed class DocxNumbering(MainDocumentPart main)
{
    private const int Levels = 9;

    private readonly Numbering? numbering = main.NumberingDefinitionsPart?.Numbering;
    private readonly Styles? styles = main.StyleDefinitionsPart?.Styles;
    private readonly Dictionary<int, int?[]> counters = [];
    private readonly HashSet<int> startedInstances = [];

    public string Label(Paragraph paragraph)
    {
        var (numId, levelIndex) = NumberingOf(paragraph);
        if (numbering is null || numId is not int id || id == 0 || levelIndex is < 0 or >= Levels)
        {
            return "";
        }

        var instance = numbering.Elements<NumberingInstance>().FirstOrDefault(n => n.NumberID?.Value == id);
        var abstractId = instance?.AbstractNumId?.Val?.Value;
        var definition = numbering.Elements<AbstractNum>().FirstOrDefault(a => a.AbstractNumberId?.Value == abstractId);
        if (instance is null || definition is null || abstractId is not int listId)
        {
            return "";
        }

        var levels = Enumerable.Range(0, Levels).Select(i => definition.Elements<Level>().FirstOrDefault(l => l.LevelIndex?.Value == i)).ToArray();
        var count = counters.TryGetValue(listId, out var c) ? c : counters[listId] = new int?[Levels];

        // A list instance with a start override begins again when it is first used.
        if (startedInstances.Add(id) && instance.Elements<LevelOverride>().Any(o => o.StartOverrideNumberingValue is not null))
        {
            Array.Clear(count);
        }

        var start = (int i) => instance.Elements<LevelOverride>().FirstOrDefault(o => o.LevelIndex?.Value == i)?.StartOverrideNumberingValue?.Val?.Value
            ?? levels[i]?.StartNumberingValue?.Val?.Value ?? 1;
        count[levelIndex] = count[levelIndex] is int n ? n + 1 : start(levelIndex);
        for (var deeper = levelIndex + 1; deeper < Levels; deeper++)
        {
            count[deeper] = null;
        }

        var level = levels[levelIndex];
        if (level?.NumberingFormat?.Val?.Value == NumberFormatValues.Bullet)
        {
            return "";
        }

        var label = level?.LevelText?.Val?.Value ?? $"%{levelIndex + 1}.";
        for (var i = 0; i <= levelIndex; i++)
        {
            label = label.Replace($"%{i + 1}", NumberFormats.Format(count[i] ?? start(i), levels[i]?.NumberingFormat?.Val?.Value), StringComparison.Ordinal);
        }

        return label;
    }

    private (int? NumId, int Level) NumberingOf(Paragraph paragraph)
    {
        var direct = paragraph.ParagraphProperties?.NumberingProperties;
        if (direct?.NumberingId is not null)
        {
            return (direct.NumberingId.Val?.Value, direct.NumberingLevelReference?.Val?.Value ?? 0);
        }

        // Headings often get their numbers from the paragraph style (and the styles it is based on).
        var styleId = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
        for (var depth = 0; styleId is not null && depth < 10; depth++)
        {
            var style = styles?.Elements<Style>().FirstOrDefault(s => s.StyleId?.Value == styleId);
            var fromStyle = style?.StyleParagraphProperties?.NumberingProperties;
            if (fromStyle?.NumberingId is not null)
            {
                return (fromStyle.NumberingId.Val?.Value, direct?.NumberingLevelReference?.Val?.Value ?? fromStyle.NumberingLevelReference?.Val?.Value ?? 0);
            }

            styleId = style?.BasedOn?.Val?.Value;
        }

        return (null, 0);
    }
}
