using System.Text;
using System.Text.Encodings.Web;

namespace ScrutinyTracker.Web.Infrastructure.Email;

/// <summary>A person an e-mail goes to.</summary>
public sealed record EmailRecipient(string Address, string Name);

/// <summary>
/// What an e-mail says, in GOV.UK Notify's style: the council's name, a heading, short paragraphs and
/// one link, as plain text and as simple HTML (inline styles only: mail programs drop style sheets).
/// </summary>
public sealed class EmailContent(string heading)
{
    private readonly List<string> _paragraphs = [];
    private (string Text, Uri Url)? _link;
    private readonly List<string> _after = [];
    private (string Text, Uri Url)? _footer;

    public string Heading { get; } = heading;

    public EmailContent Paragraph(string text)
    {
        (_link is null ? _paragraphs : _after).Add(text);
        return this;
    }

    public EmailContent Link(string text, Uri url)
    {
        _link = (text, url);
        return this;
    }

    /// <summary>A small line at the end, under the message: the link to stop such e-mails.</summary>
    public EmailContent Footer(string text, Uri url)
    {
        _footer = (text, url);
        return this;
    }

    public string Text(string council)
    {
        var text = new StringBuilder().Append(council).Append("\n\n").Append(Heading).Append("\n\n");
        foreach (var paragraph in _paragraphs)
        {
            text.Append(paragraph).Append("\n\n");
        }

        if (_link is { } link)
        {
            text.Append(link.Text).Append(":\n").Append(link.Url.AbsoluteUri).Append("\n\n");
        }

        foreach (var paragraph in _after)
        {
            text.Append(paragraph).Append("\n\n");
        }

        if (_footer is { } footer)
        {
            text.Append("---\n").Append(footer.Text).Append(": ").Append(footer.Url.AbsoluteUri).Append("\n\n");
        }

        return text.ToString().TrimEnd() + "\n";
    }

    public string Html(string council, string subject)
    {
        var e = HtmlEncoder.Default;
        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(e.Encode(subject)).Append("</title></head>")
            .Append("<body style=\"margin:0;padding:0;font-family:Helvetica,Arial,sans-serif;font-size:19px;line-height:1.3;color:#0b0c0c;background:#ffffff\">")
            .Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" style=\"background:#0b0c0c\"><tr>")
            .Append("<td style=\"padding:16px 20px;color:#ffffff;font-size:24px;font-weight:700\">").Append(e.Encode(council)).Append("</td></tr></table>")
            .Append("<table role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" style=\"max-width:580px\"><tr><td style=\"padding:20px\">")
            .Append("<h1 style=\"margin:0 0 20px;font-size:28px;line-height:1.1\">").Append(e.Encode(Heading)).Append("</h1>");
        foreach (var paragraph in _paragraphs)
        {
            AppendParagraph(html, paragraph);
        }

        if (_link is { } link)
        {
            html.Append("<p style=\"margin:0 0 20px\"><a href=\"").Append(e.Encode(link.Url.AbsoluteUri))
                .Append("\" style=\"color:#1d70b8\">").Append(e.Encode(link.Text)).Append("</a></p>");
        }

        foreach (var paragraph in _after)
        {
            AppendParagraph(html, paragraph);
        }

        if (_footer is { } footer)
        {
            html.Append("<p style=\"margin:30px 0 0;font-size:16px;color:#505a5f\"><a href=\"").Append(e.Encode(footer.Url.AbsoluteUri))
                .Append("\" style=\"color:#1d70b8\">").Append(e.Encode(footer.Text)).Append("</a></p>");
        }

        return html.Append("</td></tr></table></body></html>").ToString();
    }

    /// <summary>A paragraph's own line breaks (a scrutiny officer's comment as typed) are kept.</summary>
    private static void AppendParagraph(StringBuilder html, string paragraph) =>
        html.Append("<p style=\"margin:0 0 20px\">")
            .Append(string.Join("<br>", paragraph.Split('\n').Select(HtmlEncoder.Default.Encode)))
            .Append("</p>");
}
