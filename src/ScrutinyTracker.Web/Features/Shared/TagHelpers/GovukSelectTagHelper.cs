using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ScrutinyTracker.Web.Features.Shared.TagHelpers;

/// <summary><c>&lt;govuk-select for="SelectCommitteeId" label="Select Committee" items="@items" /&gt;</c></summary>
[HtmlTargetElement("govuk-select", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukSelectTagHelper(IHtmlGenerator generator) : GovukFieldTagHelper(generator)
{
    [HtmlAttributeName("items")]
    public IEnumerable<SelectListItem> Items { get; set; } = [];

    [HtmlAttributeName("placeholder")]
    public string? Placeholder { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        StartFormGroup(output);
        var select = Generator.GenerateSelect(ViewContext, For.ModelExplorer, Placeholder, For.Name, Items, allowMultiple: false, htmlAttributes: null);
        select.Attributes["id"] = Id;
        select.Attributes["aria-describedby"] = DescribedBy();
        select.AddCssClass("govuk-select" + (ErrorMessage is null ? "" : " govuk-select--error") + (InputClass is null ? "" : " " + InputClass));
        output.Content.AppendHtml(BuildLabel()).AppendHtml(BuildHint() ?? HtmlString.Empty).AppendHtml(BuildError()).AppendHtml(select);
    }
}
