namespace ScrutinyTracker.Web.Infrastructure.Pdf;

/// <summary>A PDF could not be made; the download answers a page saying why (503), never an error page.</summary>
public abstract class PdfUnavailableException(string message, Exception? innerException = null) : Exception(message, innerException);
