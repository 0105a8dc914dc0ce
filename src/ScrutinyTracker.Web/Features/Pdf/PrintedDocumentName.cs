using System.Text;

namespace ScrutinyTracker.Web.Features.Pdf;

/// <summary>
/// "Hate Crime – Progress Update – March 2020": a printed document's title (PDF title and page
/// footer) and the name of the file it downloads as.
/// </summary>
public sealed record PrintedDocumentName(string Title)
{
    private const int MaxFileNameLength = 150;

    public static PrintedDocumentName ForReport(string reviewTitle, string? roundLabel, bool withDrafts) =>
        new(string.Join(" – ", new[] { reviewTitle, "Progress Update", roundLabel, withDrafts ? "Draft" : null }.OfType<string>()));

    public static PrintedDocumentName ForCommitteePack(string committee, string roundLabel) =>
        new($"{committee} – Progress Updates – {roundLabel}");

    /// <summary>"Hate Crime – Actions by round": a spreadsheet of a review's, the dashboard's or a pack's actions.</summary>
    public static PrintedDocumentName ForActions(string subject, bool withDrafts) =>
        new(string.Join(" – ", new[] { subject, "Actions by round", withDrafts ? "Draft" : null }.OfType<string>()));

    /// <summary>"Hate Crime - Progress Update - March 2020.pdf": plain hyphens, nothing a file system refuses.</summary>
    public string FileName => FileNameWith(".pdf");

    /// <summary>The file name with another extension: ".docx", ".xlsx", ".csv".</summary>
    public string FileNameWith(string extension)
    {
        var name = new StringBuilder();
        foreach (var c in Title.Replace('–', '-').Replace('—', '-'))
        {
            name.Append(char.IsControl(c) || Path.GetInvalidFileNameChars().Contains(c) || "\\/:*?\"<>|".Contains(c) ? ' ' : c);
        }

        var cleaned = string.Join(' ', name.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim('.', ' ');
        if (cleaned.Length > MaxFileNameLength)
        {
            cleaned = cleaned[..MaxFileNameLength].TrimEnd('.', ' ');
        }

        return (cleaned.Length == 0 ? "Progress Update" : cleaned) + extension;
    }
}
