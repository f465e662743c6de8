using Luoshi.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Luoshi.Features.Plans;

internal enum ReportCadence
{
    Weekly = 0,
    Monthly = 1,
    Quarterly = 2,
}

/// <summary>A year's (or a campaign's) document of work: 工作要点, 工作计划, 实施方案.</summary>
internal sealed class Plan
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public required string Title { get; set; }
    public int Year { get; set; }

    /// <summary>The document number as issued, e.g. 科发〔2026〕1号.</summary>
    public string? DocumentNumber { get; set; }

    public string? Description { get; set; }

    /// <summary>Set on the plan a ledger keeps a year's items of one kind in (2026年重点项目, made by
    /// WorkItems.LedgerPlans when the year's first item comes); null on every other plan.</summary>
    public WorkKind? LedgerKind { get; set; }

    public ReportCadence Cadence { get; set; } = ReportCadence.Monthly;

    /// <summary>Working days after the last working day of a period by which its report is due (0 = on that day).</summary>
    public int ReportDueOffsetDays { get; set; }

    /// <summary>Working days after the due date during which a report still counts as on time.</summary>
    public int ReportGraceDays { get; set; } = 3;

    /// <summary>Working days before a deadline (task, milestone, report, sign-off) on which the
    /// responsible person is reminded (提醒).</summary>
    public int RemindDaysBefore { get; set; } = 3;

    /// <summary>Working days after the 催办 (raised on the due date) before a 督办 goes to the lead
    /// leader and the office.</summary>
    public int SuperviseAfterDays { get; set; } = 3;

    /// <summary>Working days the lead section has to sign for (签收) a task assigned to it.</summary>
    public int SignWithinDays { get; set; } = 2;

    /// <summary>Working days after 交办 within which the lead section may send a task back (退办)
    /// as not its own; after that, or once signed, it signs and asks the office instead.</summary>
    public int ReturnWithinDays { get; set; } = 3;

    /// <summary>The day the cycle starts for this plan (the day it was made or imported, unless the office
    /// sets another): a deadline before it is not urged nor supervised at once, but reminded once with a
    /// grace (<c>Supervision:StartGraceDays</c>) to report or ask for an extension. The default
    /// (0001-01-01) is a plan supervised from the start of time.</summary>
    public DateOnly SupervisedFrom { get; set; }

    public bool IsArchived { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>The ledger plans' rule: one plan per unit, year and kind, whatever two first items of the
/// year at the same moment do (the loser of the race re-reads the winner's plan).</summary>
internal sealed class LedgerPlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> e) =>
        // One ledger plan per unit, kind, year and reporting cadence: a 交办 asked to report quarterly goes
        // into the year's quarterly 交办 plan, so the kernel's periods, reminders and escalation follow it.
        e.HasIndex(p => new { p.UnitId, p.Year, p.LedgerKind, p.Cadence }, "IX_Plans_LedgerOfYear").IsUnique().HasFilter("\"LedgerKind\" IS NOT NULL");
}

internal static class ReportCadenceNames
{
    public static string Chinese(this ReportCadence cadence) => cadence switch
    {
        ReportCadence.Weekly => "每周",
        ReportCadence.Quarterly => "每季度",
        _ => "每月",
    };
}
