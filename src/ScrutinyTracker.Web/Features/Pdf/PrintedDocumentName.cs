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

    /// <summary>"Hate Crime - Progress Update - March 2020.pdf": plain hyphens, nothing a file system refuses.</summary>
    public string FileName
    {
        get
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

            return (cleaned.Length == 0 ? "Progress Update" : cleaned) + ".pdf";
        }
    }
}
