namespace Luoshi.Features.PublicForms;

/// <summary>The sizes public forms accept, shared by the forms and the columns they fill.</summary>
internal static class PublicLimits
{
    public const int Content = 2000;
    public const int Name = 50;
    public const int Contact = 100;
}
