using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ScrutinyTracker.Web.Features.Shared.TagHelpers;

/// <summary><c>&lt;govuk-input for="Email" label="Email address" type="email" autocomplete="email" /&gt;</c></summary>
[HtmlTargetElement("govuk-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukInputTagHelper(IHtmlGenerator generator) : GovukFieldTagHelper(generator)
{
    [HtmlAttributeName("type")]
    public string Type { get; set; } = "text";

    [HtmlAttributeName("autocomplete")]
    public string? Autocomplete { get; set; }

    [HtmlAttributeName("spellcheck")]
    public bool? Spellcheck { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        StartFormGroup(output);
        var input = Type == "password"
            ? Generator.GeneratePassword(ViewContext, For.ModelExplorer, For.Name, value: null, htmlAttributes: null)
            : Generator.GenerateTextBox(ViewContext, For.ModelExplorer, For.Name, CurrentValue, format: null, htmlAttributes: null);
        input.Attributes["type"] = Type;
        input.Attributes["id"] = Id;
        input.Attributes["aria-describedby"] = DescribedBy();
        input.AddCssClass("govuk-input" + (ErrorMessage is null ? "" : " govuk-input--error") + (InputClass is null ? "" : " " + InputClass));
        if (Autocomplete is not null)
        {
            input.Attributes["autocomplete"] = Autocomplete;
        }

        if (Spellcheck is not null)
        {
            input.Attributes["spellcheck"] = Spellcheck.Value ? "true" : "false";
        }

        output.Content.AppendHtml(BuildLabel());
        output.Content.AppendHtml(BuildHint() ?? Microsoft.AspNetCore.Html.HtmlString.Empty);
        output.Content.AppendHtml(BuildError());
        output.Content.AppendHtml(input);
    }
}
