namespace Luoshi.Features.Desk;

/// <summary>A task as a list names it: its number as the plan writes it, then its title.</summary>
internal static class TaskTitle
{
    public static string Of(string? number, string title) => number is null ? title : $"{number} {title}";
}
