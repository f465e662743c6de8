namespace Luoshi.Features.Organisation;

/// <summary>A bureau: the tenant. Every organisational row belongs to one and every query is scoped by it.</summary>
internal sealed class Unit
{
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>Short name used in document numbers (e.g. 市科技局 → 科督).</summary>
    public string? ShortName { get; set; }

    public DateTime CreatedAt { get; set; }
}
