using Microsoft.AspNetCore.Mvc;
using ScrutinyTracker.Web.Features.Pdf;
using ScrutinyTracker.Web.Infrastructure.Pdf;

namespace ScrutinyTracker.Web.Features.CommitteePacks;

/// <summary>
/// Prints a committee pack whose cover gives the page each review starts on. Chromium cannot number
/// pages it has not laid out yet, so the pack is printed once to learn where its cover's links lead
/// (each review's title links to its section), then again with those numbers; the second print is
/// read back too, and printed again in the unlikely case the numbers moved the layout (decision 0007).
/// </summary>
public sealed class CommitteePackPrinter(RazorDocumentRenderer documents, PdfRenderer printer)
{
    private const int MaxPrints = 4;

    public async Task<byte[]> PrintAsync(ActionContext context, CommitteePackView pack, CancellationToken cancellationToken)
    {
        IReadOnlyList<int>? startPages = null;
        for (var print = 1; print <= MaxPrints; print++)
        {
            var html = await documents.RenderAsync(context, "CommitteePack", pack with { StartPages = startPages });
            var pdf = await printer.RenderAsync(new PdfDocument(html, pack.Name.Title), cancellationToken);
            var found = ReviewStarts(PdfLinkTargets.Pages(pdf), pack.Reports.Count);
            if (found.Count != pack.Reports.Count)
            {
                throw new InvalidOperationException($"The committee pack's cover should link to {pack.Reports.Count} reviews, but {found.Count} links were printed.");
            }

            if (startPages is not null && found.SequenceEqual(startPages))
            {
                return pdf;
            }

            startPages = found;
        }

        throw new InvalidOperationException($"The committee pack's page numbers still moved after {MaxPrints} prints.");
    }

    /// <summary>
    /// The cover's links are the first in the pack, in the order the reviews are printed. A title that wraps
    /// prints as one link per line, all to the same page; as every review starts on a page of its own, the
    /// reviews' start pages are the first <paramref name="reviews"/> different targets in a row.
    /// </summary>
    internal static List<int> ReviewStarts(IEnumerable<int> linkTargets, int reviews)
    {
        var starts = new List<int>();
        foreach (var page in linkTargets)
        {
            if (starts.Count == reviews)
            {
                break;
            }

            if (starts.Count == 0 || starts[^1] != page)
            {
                starts.Add(page);
            }
        }

        return starts;
    }
}
