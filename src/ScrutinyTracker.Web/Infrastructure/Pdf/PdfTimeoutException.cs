namespace ScrutinyTracker.Web.Infrastructure.Pdf;

/// <summary>A document did not get its turn, or did not print, within Pdf:DocumentTimeout.</summary>
public sealed class PdfTimeoutException(string message) : PdfUnavailableException(message);
