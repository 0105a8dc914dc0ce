using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Razor.TagHelpers;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Features.Shared.TagHelpers;

/// <summary>
/// <c>&lt;grade-tag grade="@x" /&gt;</c>: a GOV.UK tag showing a grade's number AND words
/// (colour is never the only signal), e.g.
/// <c>&lt;span class="govuk-tag govuk-tag--green app-grade app-grade--1"&gt;1 Fully Achieved&lt;/span&gt;</c>.
/// A null grade renders a grey "Not graded" tag. Any other attributes (e.g. class) are kept.
/// A span, not GOV.UK's <c>strong</c>: Chromium tags a <c>strong</c> in a PDF as <c>/Strong</c>, a PDF 2.0
/// type that PDF 1.7 readers reject with its text, so the grade would be lost to a screen reader.
/// </summary>
[HtmlTargetElement("grade-tag", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GradeTagTagHelper : TagHelper
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;

    [HtmlAttributeName("grade")]
    public Grade? Grade { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.AddClass("govuk-tag", Encoder);

        if (Grade is not { } grade)
        {
            output.AddClass("govuk-tag--grey", Encoder);
            output.Content.SetContent("Not graded");
            return;
        }

        if (!Enum.IsDefined(grade))
        {
            output.AddClass("govuk-tag--grey", Encoder);
            output.Content.SetContent($"{(int)grade} Unknown grade");
            return;
        }

        // 1 green, 2 blue, 3 yellow, 4 red. GOV.UK Frontend 6 has no "--blue"
        // modifier: a plain govuk-tag is blue.
        var colour = grade switch
        {
            Domain.Grade.FullyAchieved => "govuk-tag--green",
            Domain.Grade.Slipped => "govuk-tag--yellow",
            Domain.Grade.NotAchieved => "govuk-tag--red",
            _ => null,
        };
        if (colour is not null)
        {
            output.AddClass(colour, Encoder);
        }
        output.AddClass("app-grade", Encoder);
        output.AddClass($"app-grade--{(int)grade}", Encoder);
        output.Content.SetContent($"{(int)grade} {grade.Label()}");
    }
}
