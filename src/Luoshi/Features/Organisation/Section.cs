namespace Luoshi.Features.Organisation;

/// <summary>A section (科室/处室) of a unit.</summary>
internal sealed class Section
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public required string Name { get; set; }
    public int SortOrder { get; set; }
    public bool IsActive { get; set; } = true;
}
