using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ScrutinyTracker.Web.Features.Shared.TagHelpers;

/// <summary>
/// <c>&lt;govuk-textarea for="Evidence" label="Evidence of progress" max-length="10000" /&gt;</c>; with
/// max-length it is a GOV.UK character count that tells the user how many characters are left.
/// </summary>
[HtmlTargetElement("govuk-textarea", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukTextareaTagHelper(IHtmlGenerator generator) : GovukFieldTagHelper(generator)
{
    [HtmlAttributeName("rows")]
    public int Rows { get; set; } = 5;

    [HtmlAttributeName("max-length")]
    public int? MaxLength { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        StartFormGroup(output);
        var textarea = Generator.GenerateTextArea(ViewContext, For.ModelExplorer, For.Name, Rows, columns: 0, htmlAttributes: null);
        textarea.Attributes.Remove("cols");
        textarea.Attributes["id"] = Id;
        textarea.AddCssClass("govuk-textarea" + (ErrorMessage is null ? "" : " govuk-textarea--error") + (MaxLength is null ? "" : " govuk-js-character-count"));
        // The generator reads the model's value; after a failed post show exactly what was typed.
        if (ViewContext.ViewData.ModelState.TryGetValue(FullName, out var entry) && entry.AttemptedValue is not null)
        {
            textarea.InnerHtml.Clear();
            textarea.InnerHtml.Append(Environment.NewLine + entry.AttemptedValue);
        }

        if (MaxLength is null)
        {
            textarea.Attributes["aria-describedby"] = DescribedBy();
            output.Content.AppendHtml(BuildLabel()).AppendHtml(BuildHint() ?? HtmlString.Empty).AppendHtml(BuildError()).AppendHtml(textarea);
            return;
        }

        var max = MaxLength.Value.ToString(CultureInfo.InvariantCulture);
        textarea.Attributes["aria-describedby"] = DescribedBy($"{Id}-info");
        output.Attributes.SetAttribute("class", output.Attributes["class"].Value + " govuk-character-count");
        output.Attributes.SetAttribute("data-module", "govuk-character-count");
        output.Attributes.SetAttribute("data-maxlength", max);
        output.Content.AppendHtml(BuildLabel()).AppendHtml(BuildHint() ?? HtmlString.Empty).AppendHtml(BuildError()).AppendHtml(textarea);
        output.Content.AppendHtml(Div($"{Id}-info", "govuk-hint govuk-character-count__message",
            $"You can enter up to {MaxLength.Value:N0} characters"));
    }
}
