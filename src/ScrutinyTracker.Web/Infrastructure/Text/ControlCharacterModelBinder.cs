using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;

namespace ScrutinyTracker.Web.Infrastructure.Text;

/// <summary>
/// The one rule for control characters in text, wherever text is posted: a value holding any that
/// <see cref="TypedText"/> refuses is not saved; its field comes back with the rest of its text, the
/// characters removed, and a message asking the user to check it and save again. Refusing rather than
/// silently stripping means nothing is stored that the user has not seen; showing the text back
/// without them means the user has nothing invisible to hunt for.
/// </summary>
public sealed class ControlCharacterModelBinder(IModelBinder inner) : IModelBinder
{
    public async Task BindModelAsync(ModelBindingContext bindingContext)
    {
        await inner.BindModelAsync(bindingContext);
        if (bindingContext.Result is not { IsModelSet: true, Model: string text } || !TypedText.HasRefusedCharacters(text))
        {
            return;
        }

        var kept = TypedText.WithoutRefusedCharacters(text);
        bindingContext.Result = ModelBindingResult.Success(kept);
        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, kept, kept);
        bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, Message(bindingContext.ModelMetadata));
    }

    public static string Message(ModelMetadata field) =>
        $"{FieldName(field)} contained characters that cannot be saved, such as control characters copied from another program. "
        + "They have been removed: check the text, then save again";

    /// <summary>The field's display name, or its property name in words ("AgreedAction" is "Agreed action").</summary>
    private static string FieldName(ModelMetadata field)
    {
        if (field.DisplayName is { Length: > 0 } name)
        {
            return name;
        }

        var property = field.PropertyName ?? field.Name ?? "The text";
        var words = new System.Text.StringBuilder(property.Length + 4);
        foreach (var c in property)
        {
            if (char.IsUpper(c) && words.Length > 0)
            {
                words.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                words.Append(words.Length == 0 ? char.ToUpperInvariant(c) : c);
            }
        }

        return words.ToString();
    }
}

public sealed class ControlCharacterModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.ModelType == typeof(string) && !context.Metadata.IsComplexType
            ? new ControlCharacterModelBinder(new SimpleTypeModelBinder(typeof(string), context.Services.GetRequiredService<ILoggerFactory>()))
            : null;
}
