using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Luoshi.Features.Shared;

/// <summary>
/// Puts a refused field's message right after the field, on every form, so a person sees what to fix
/// where it is rather than only in the list at the top; the field is marked invalid for screen readers.
/// </summary>
[HtmlTargetElement("input", Attributes = "asp-for")]
[HtmlTargetElement("select", Attributes = "asp-for")]
[HtmlTargetElement("textarea", Attributes = "asp-for")]
public sealed class FieldErrorTagHelper : TagHelper
{
    // After the framework's own helpers, which give the field its name.
    public override int Order => 100;

    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = null!;

    [HtmlAttributeNotBound]
    [ViewContext]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (output.Attributes.TryGetAttribute("type", out var type) && type.Value?.ToString() is "hidden" or "checkbox" or "radio")
        {
            return;
        }

        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        if (ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) && entry.ValidationState == ModelValidationState.Invalid && entry.Errors.Count > 0)
        {
            output.Attributes.SetAttribute("aria-invalid", "true");
            var message = new TagBuilder("span");
            message.AddCssClass("field-validation-error");
            message.Attributes["data-valmsg-for"] = name;
            message.InnerHtml.Append(string.Join("；", entry.Errors.Select(e => e.ErrorMessage).Where(m => m.Length > 0).Distinct()));
            output.PostElement.AppendHtml(message);
        }
    }
}

/// <summary>
/// A message placed by hand (<c>&lt;span asp-validation-for&gt;</c>, for fields drawn without asp-for)
/// names its field as the framework does with client validation on, so the message can be found
/// for its field (by tests, and by anything that reads the page).
/// </summary>
[HtmlTargetElement("span", Attributes = "asp-validation-for")]
public sealed class ValidationMessageNameTagHelper : TagHelper
{
    public override int Order => 100;

    [HtmlAttributeName("asp-validation-for")]
    public ModelExpression For { get; set; } = null!;

    [HtmlAttributeNotBound]
    [ViewContext]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output) =>
        output.Attributes.SetAttribute("data-valmsg-for", ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name));
}
