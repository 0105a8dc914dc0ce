namespace ScrutinyTracker.Web.Infrastructure.Pdf;

/// <summary>
/// A document to print: complete HTML (with its <c>&lt;title&gt;</c>, <c>lang</c> and inline CSS,
/// since the page may fetch nothing) and the plain text that starts every page's footer.
/// </summary>
public sealed record PdfDocument(string Html, string Footer);
