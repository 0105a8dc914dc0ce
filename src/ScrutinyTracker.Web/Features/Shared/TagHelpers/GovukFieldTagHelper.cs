using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ScrutinyTracker.Web.Features.Shared.TagHelpers;

/// <summary>
/// Shared plumbing of our GOV.UK form-field tag helpers: the form group, label or legend, hint and
/// error message, with ids the error summary links to. Values are HTML-encoded by the builders.
/// </summary>
public abstract class GovukFieldTagHelper(IHtmlGenerator generator) : TagHelper
{
    protected IHtmlGenerator Generator { get; } = generator;

    [HtmlAttributeName("for")]
    public ModelExpression? ForExpression { get; set; }

    /// <summary>
    /// Instead of <c>for</c>, a field of one item of a loop, named by the page (<see cref="ModelField"/>):
    /// Razor compiles a <c>for</c> expression that indexes by a loop variable (<c>Updates[item.Id].Evidence</c>)
    /// anew on every request, as the expression cache cannot hold it; this costs no compilation at all.
    /// </summary>
    [HtmlAttributeName("field")]
    public ModelField? Field { get; set; }

    protected ModelExpression For => Field?.Expression ?? ForExpression
        ?? throw new InvalidOperationException($"<{GetType().Name}> needs a for or a field attribute.");

    [HtmlAttributeName("label")]
    public string? Label { get; set; }

    [HtmlAttributeName("hint")]
    public string? Hint { get; set; }

    /// <summary>Label size: "s", "m", "l" or "xl" (GOV.UK label classes).</summary>
    [HtmlAttributeName("label-size")]
    public string? LabelSize { get; set; }

    [HtmlAttributeName("input-class")]
    public string? InputClass { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    protected string FullName => ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);

    protected string Id => TagBuilder.CreateSanitizedId(FullName, Generator.IdAttributeDotReplacement);

    protected string? ErrorMessage =>
        ViewContext.ViewData.ModelState.TryGetValue(FullName, out var entry) && entry.Errors.Count > 0
            ? entry.Errors[0].ErrorMessage
            : null;

    /// <summary>The value to show: what the user posted if the form came back with errors, else the model's.</summary>
    protected string? CurrentValue =>
        ViewContext.ViewData.ModelState.TryGetValue(FullName, out var entry) && entry.AttemptedValue is not null
            ? entry.AttemptedValue
            : For.Model switch
            {
                null => null,
                Enum e => Convert.ToInt32(e, System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
                var m => m.ToString(),
            };

    protected string LabelText => Label ?? For.Metadata.DisplayName ?? For.Name;

    protected void StartFormGroup(TagHelperOutput output, string? extraClass = null)
    {
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "govuk-form-group"
            + (ErrorMessage is null ? "" : " govuk-form-group--error")
            + (extraClass is null ? "" : " " + extraClass));
    }

    protected TagBuilder BuildLabel()
    {
        var label = new TagBuilder("label");
        label.AddCssClass("govuk-label" + (LabelSize is null ? "" : $" govuk-label--{LabelSize}"));
        label.Attributes["for"] = Id;
        label.InnerHtml.Append(LabelText);
        return label;
    }

    protected IHtmlContent? BuildHint() => Hint is null ? null : Div($"{Id}-hint", "govuk-hint", Hint);

    /// <summary>The error message; client-side validation writes into its inner span too.</summary>
    protected IHtmlContent BuildError()
    {
        var message = new TagBuilder("p");
        message.Attributes["id"] = $"{Id}-error";
        message.AddCssClass("govuk-error-message");
        var text = new TagBuilder("span");
        text.Attributes["data-valmsg-for"] = FullName;
        text.Attributes["data-valmsg-replace"] = "true";
        if (ErrorMessage is { } error)
        {
            message.InnerHtml.AppendHtml("<span class=\"govuk-visually-hidden\">Error:</span> ");
            text.InnerHtml.Append(error);
        }
        else
        {
            message.Attributes["hidden"] = "hidden";
        }

        message.InnerHtml.AppendHtml(text);
        return message;
    }

    protected string DescribedBy(params string?[] extra) => string.Join(' ',
        new[] { Hint is null ? null : $"{Id}-hint", $"{Id}-error" }.Concat(extra).Where(x => x is not null));

    protected static TagBuilder Div(string id, string cssClass, string text)
    {
        var div = new TagBuilder("div");
        div.Attributes["id"] = id;
        div.AddCssClass(cssClass);
        div.InnerHtml.Append(text);
        return div;
    }
}
