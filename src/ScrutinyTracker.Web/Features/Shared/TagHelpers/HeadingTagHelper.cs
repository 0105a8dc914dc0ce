using System.Globalization;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ScrutinyTracker.Web.Features.Shared.TagHelpers;

/// <summary>
/// <c>&lt;heading level="@(top + 1)" class="govuk-heading-m"&gt;…&lt;/heading&gt;</c>: an <c>h1</c>–<c>h6</c>
/// whose level is worked out, for a document printed alone (its title an h1) or beneath a heading of
/// its own (the report page, a committee pack), so headings stay in order on screen and in the
/// PDF's bookmarks. Other attributes are kept.
/// </summary>
[HtmlTargetElement("heading")]
public sealed class HeadingTagHelper : TagHelper
{
    [HtmlAttributeName("level")]
    public int Level { get; set; } = 2;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "h" + Math.Clamp(Level, 1, 6).ToString(CultureInfo.InvariantCulture);
        output.TagMode = TagMode.StartTagAndEndTag;
    }
}
