using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace ScrutinyTracker.Web.Infrastructure.Web;

/// <summary>
/// The message for a value the form could not have sent (a grade of 5, a committee id of "abc"): the
/// field's own GOV.UK message, never MVC's "The value '5' is invalid.".
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class InvalidValueMessageAttribute(string message) : Attribute
{
    public string Message { get; } = message;
}

/// <summary>
/// Gives every field MVC binds its message for a value that cannot be read: the one in its
/// <see cref="InvalidValueMessageAttribute"/>, or else one naming the field in plain words.
/// </summary>
public sealed class GovukBindingMessages : IBindingMetadataProvider
{
    public void CreateBindingMetadata(BindingMetadataProviderContext context)
    {
        var fixedMessage = context.Attributes.OfType<InvalidValueMessageAttribute>().FirstOrDefault()?.Message;
        context.BindingMetadata.ModelBindingMessageProvider = Provider(fixedMessage);
    }

    /// <summary>Also the app-wide default, for values bound without metadata of their own.</summary>
    public static void Apply(DefaultModelBindingMessageProvider provider, string? fixedMessage = null)
    {
        string Field(string? name) => fixedMessage ?? $"Choose or enter {Words(name)} again: the value sent is not one this page offers";
        string Plain() => fixedMessage ?? "Choose or enter the value again: the value sent is not one this page offers";
        provider.SetAttemptedValueIsInvalidAccessor((_, name) => Field(name));
        provider.SetMissingBindRequiredValueAccessor(Field);
        provider.SetMissingKeyOrValueAccessor(Plain);
        provider.SetMissingRequestBodyRequiredValueAccessor(Plain);
        provider.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => Plain());
        provider.SetNonPropertyUnknownValueIsInvalidAccessor(Plain);
        provider.SetNonPropertyValueMustBeANumberAccessor(Plain);
        provider.SetUnknownValueIsInvalidAccessor(Field);
        provider.SetValueIsInvalidAccessor(_ => Plain());
        provider.SetValueMustBeANumberAccessor(Field);
        provider.SetValueMustNotBeNullAccessor(_ => Plain());
    }

    private static DefaultModelBindingMessageProvider Provider(string? fixedMessage)
    {
        var provider = new DefaultModelBindingMessageProvider();
        Apply(provider, fixedMessage);
        return provider;
    }

    /// <summary>"SelectCommitteeId" in words: "the select committee".</summary>
    private static string Words(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "the value";
        }

        var trimmed = name.EndsWith("Id", StringComparison.Ordinal) && name.Length > 2 ? name[..^2] : name;
        var words = new System.Text.StringBuilder("the ");
        foreach (var c in trimmed)
        {
            if (char.IsUpper(c) && words.Length > 4)
            {
                words.Append(' ');
            }

            words.Append(char.ToLowerInvariant(c));
        }

        return words.ToString();
    }
}
