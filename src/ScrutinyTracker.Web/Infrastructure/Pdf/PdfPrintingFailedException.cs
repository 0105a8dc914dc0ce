using Microsoft.Playwright;

namespace ScrutinyTracker.Web.Infrastructure.Pdf;

/// <summary>Chromium failed while printing, and again on a new page.</summary>
public sealed class PdfPrintingFailedException(PlaywrightException innerException)
    : PdfUnavailableException("The PDF printer stopped while printing this document, twice.", innerException);
