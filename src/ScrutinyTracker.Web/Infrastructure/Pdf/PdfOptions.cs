using System.ComponentModel.DataAnnotations;

namespace ScrutinyTracker.Web.Infrastructure.Pdf;

/// <summary>The "Pdf" configuration section: the Chromium that prints documents and its limits.</summary>
public sealed class PdfOptions
{
    public const string Section = "Pdf";

    [Required(ErrorMessage = "Set Pdf:BrowserPath to the Chromium executable, e.g. /usr/bin/chromium.")]
    public string BrowserPath { get; set; } = "/usr/bin/chromium";

    /// <summary>Documents printed at once, each on a reused page of its own; the rest wait their turn.</summary>
    [Range(1, 16, ErrorMessage = "Pdf:MaxConcurrentDocuments must be between 1 and 16.")]
    public int MaxConcurrentDocuments { get; set; } = 2;

    /// <summary>
    /// Documents a pooled page prints before its browser context is closed and a new one made, so
    /// whatever Chromium keeps per context (caches, memory) never grows for long.
    /// </summary>
    [Range(1, 10_000, ErrorMessage = "Pdf:DocumentsPerContext must be between 1 and 10000.")]
    public int DocumentsPerContext { get; set; } = 100;

    /// <summary>How long a document may wait for its turn, and then how long it may take to print.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00", ErrorMessage = "Pdf:DocumentTimeout must be more than zero and at most 10 minutes (e.g. 00:00:30).")]
    public TimeSpan DocumentTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
