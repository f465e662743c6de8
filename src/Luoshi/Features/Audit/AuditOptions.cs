using Microsoft.Extensions.Options;

namespace Luoshi.Features.Audit;

/// <summary>How long the audit log is kept. 等保 level 3 asks for at least six months.</summary>
internal sealed class AuditOptions
{
    public const int MinimumMonths = 6;

    public int KeepMonths { get; set; } = 12;
}

/// <summary>Refuses to start with a retention shorter than the law allows, rather than quietly
/// deleting entries an inspection will ask for.</summary>
internal sealed class AuditOptionsCheck : IValidateOptions<AuditOptions>
{
    public ValidateOptionsResult Validate(string? name, AuditOptions options) =>
        options.KeepMonths >= AuditOptions.MinimumMonths
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"Audit:KeepMonths 为 {options.KeepMonths}，审计日志至少须保留{AuditOptions.MinimumMonths}个月（等保三级）。"
                + $" Audit:KeepMonths is {options.KeepMonths}; the audit log must be kept for at least {AuditOptions.MinimumMonths} months.");
}
