namespace Luoshi.Features.Lights;

/// <summary>
/// How many tasks a section leads in each light, kept as the tasks change, so the dashboard reads
/// a few hundred rows instead of counting a hundred thousand tasks on every view.
/// </summary>
internal sealed class SectionLightCount
{
    public int UnitId { get; set; }
    public int SectionId { get; set; }
    public Light Light { get; set; }
    public int Count { get; set; }
}
