using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ScrutinyTracker.Web.Features.Shared.TagHelpers;

/// <summary>
/// <c>&lt;paragraphs text="@update.Evidence" /&gt;</c>: typed text as the paragraphs it was typed in, each a
/// <c>&lt;p class="app-paragraph"&gt;</c> (a blank line starts a new one, a single line break is a
/// <c>&lt;br&gt;</c>), encoded. In a PDF each paragraph is a P of its own, so a screen reader gets it
/// whole; a line break kept as text would run the words either side of it together.
/// The blank lines stay between the paragraphs as (unrendered) text, so the text reads back as typed.
/// </summary>
[HtmlTargetElement("paragraphs", TagStructure = TagStructure.WithoutEndTag)]
public sealed partial class ParagraphsTagHelper : TagHelper
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;

    [HtmlAttributeName("text")]
    public string? Text { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        var text = (Text ?? "").Replace("\r\n", "\n").Replace('\r', '\n').Trim('\n');
        if (text.Trim().Length == 0)
        {
            output.SuppressOutput();
            return;
        }

        var html = new System.Text.StringBuilder();
        var start = 0;
        foreach (Match gap in BlankLines().Matches(text))
        {
            AppendParagraph(html, text[start..gap.Index]);
            html.Append(gap.Value);
            start = gap.Index + gap.Length;
        }

        AppendParagraph(html, text[start..]);
        output.Content.SetHtmlContent(html.ToString());
    }

    private static void AppendParagraph(System.Text.StringBuilder html, string paragraph)
    {
        html.Append("<p class=\"app-paragraph\">");
        html.AppendJoin("<br>", paragraph.Split('\n').Select(Encoder.Encode));
        html.Append("</p>");
    }

    /// <summary>A line break, then nothing but blanks up to at least one more.</summary>
    [GeneratedRegex(@"\n[ \t]*(?:\n[ \t]*)+")]
    private static partial Regex BlankLines();
}
