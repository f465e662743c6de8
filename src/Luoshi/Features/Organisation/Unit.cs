namespace Luoshi.Features.Organisation;

/// <summary>A bureau: the tenant. Every organisational row belongs to one and every query is scoped by it.
/// Units form a tree (市政府督查室 → 局, 区 → 区的局): a unit supervises the units below it
/// (<see cref="UnitTree"/>) and may assign them work (交办, Features/Dispatch).</summary>
internal sealed class Unit
{
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>Short name used in document numbers (e.g. 市科技局 → 科督).</summary>
    public string? ShortName { get; set; }

    /// <summary>The unit directly above, which supervises this one; null for a top unit.</summary>
    public int? ParentId { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Its people sign in through the deployment's 统一身份认证 only: the login page refuses their
    /// local password (programs' API tokens are unaffected). Set on /Admin/SignOn; turned back on from
    /// the command line (<c>Luoshi admin local-passwords</c>) when the provider is down.</summary>
    public bool LocalPasswordsOff { get; set; }
}
