using PdfPigDocument = UglyToad.PdfPig.PdfDocument;
using UglyToad.PdfPig.Actions;

namespace ScrutinyTracker.Web.Infrastructure.Pdf;

/// <summary>Reads back where a printed PDF's internal links lead: the page numbers (from 1) Chromium resolved them to.</summary>
public static class PdfLinkTargets
{
    /// <summary>The target page of every link to a place in the same document, in page order and, within a page, in document order.</summary>
    public static IReadOnlyList<int> Pages(byte[] pdf)
    {
        using var document = PdfPigDocument.Open(pdf);
        return document.GetPages()
            .SelectMany(page => page.GetAnnotations())
            .Select(annotation => annotation.Action)
            .OfType<GoToAction>()
            .Select(action => action.Destination.PageNumber)
            .ToList();
    }
}
