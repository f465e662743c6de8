using Luoshi.Features.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Luoshi.Features.Reviews;

/// <summary>
/// A 督查通报 as the office issued (印发) it: its number of the year, the file exactly as it went out,
/// and who issued it when. Numbers run 1, 2, 3 … per unit and year of issue without gaps; a number is
/// taken only by an issue that is saved, so an issue that fails leaves no hole.
/// </summary>
internal sealed class IssuedBulletin
{
    public long Id { get; set; }
    public int UnitId { get; set; }

    /// <summary>The year of issue (the 〔2026〕 of the number), not the year of the period reviewed.</summary>
    public int Year { get; set; }

    public int Number { get; set; }

    /// <summary>The period reviewed, by its label (2026年11月, 2026年第三季度, 截至2026年11月15日), the same for every way of writing it.</summary>
    public required string Period { get; set; }

    /// <summary>The plans and kinds counted, as ids ("3,7" and "0"), so the issue can be told apart from another choice.</summary>
    public required string Plans { get; set; }

    public required string Kinds { get; set; }

    public required string FileName { get; set; }
    public required byte[] Content { get; set; }
    public int IssuedById { get; set; }
    public DateTime IssuedAt { get; set; }

    /// <summary>With 国密 on: the unit's SM2 signature of the bulletin's hash (<see cref="BulletinSignatures"/>).</summary>
    public string? Signature { get; set; }

    /// <summary>〔2026〕第3期: the number as it stands under the masthead.</summary>
    public string NumberText => Text(Year, Number);

    public static string Text(int year, int number) => $"〔{year}〕第{number}期";
}

internal sealed class IssuedBulletinConfiguration : IEntityTypeConfiguration<IssuedBulletin>
{
    public void Configure(EntityTypeBuilder<IssuedBulletin> e)
    {
        e.Property(b => b.Period).HasMaxLength(40);
        e.Property(b => b.FileName).HasMaxLength(200);
        e.Property(b => b.Signature).HasMaxLength(128);
        // The number once per unit and year, whatever the code above it does: the backstop of the unit lock.
        e.HasIndex(b => new { b.UnitId, b.Year, b.Number }).IsUnique();
        e.HasIndex(b => new { b.UnitId, b.Period });
        e.HasOne<Person>().WithMany().HasForeignKey(b => b.IssuedById).OnDelete(DeleteBehavior.Restrict);
    }
}
