namespace ScrutinyTracker.Web.Infrastructure.Pdf;

/// <summary>PDFs cannot be printed because there is no Chromium at the configured path.</summary>
public sealed class ChromiumNotFoundException(string browserPath)
    : PdfUnavailableException($"Chromium was not found at {browserPath}. Install the 'chromium' package (apt-get install chromium) or set Pdf:BrowserPath.")
{
    public string BrowserPath { get; } = browserPath;
}
