using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Luoshi.Features.Shared;

/// <summary>
/// Gives every page field Chinese messages: an attribute without its own ErrorMessage gets the
/// Chinese default with the field's name, and a value that cannot be bound (an empty year, "abc" for
/// a number) is reported by the field's name. Runs after the framework's providers, so it sees the
/// attributes they collected and the per-field copy of the binding messages.
/// </summary>
internal sealed class ChineseValidationMetadata : IValidationMetadataProvider, IBindingMetadataProvider
{
    public static void Use(MvcOptions options)
    {
        ChineseMessages.Apply(options.ModelBindingMessageProvider);
        options.ModelMetadataDetailsProviders.Add(new ChineseValidationMetadata());
    }

    public void CreateValidationMetadata(ValidationMetadataProviderContext context)
    {
        var name = ChineseMessages.NameIn(context.Attributes);
        foreach (var attribute in context.ValidationMetadata.ValidatorMetadata.OfType<ValidationAttribute>())
        {
            if (attribute.ErrorMessage is null && attribute.ErrorMessageResourceName is null && attribute.ErrorMessageResourceType is null)
            {
                attribute.ErrorMessage = ChineseMessages.Template(attribute, name);
            }
        }
    }

    public void CreateBindingMetadata(BindingMetadataProviderContext context)
    {
        if (context.BindingMetadata.ModelBindingMessageProvider is DefaultModelBindingMessageProvider messages
            && ChineseMessages.NameIn(context.Attributes) is { } name)
        {
            ChineseMessages.Apply(messages, name);
        }
    }
}
