namespace Luoshi.Features.Shared;

/// <summary>
/// Marks a page that other sites may show in a frame (a public summary made to be embedded): it gets
/// <c>frame-ancestors *</c> and no X-Frame-Options. Only for pages that show public data and carry no
/// form, so framing can trick nobody into a click that changes anything.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class AllowFramingAttribute : Attribute;
