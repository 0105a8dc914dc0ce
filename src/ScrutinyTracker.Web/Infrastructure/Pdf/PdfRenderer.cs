using System.Text.Encodings.Web;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace ScrutinyTracker.Web.Infrastructure.Pdf;

/// <summary>
/// Prints HTML documents to tagged A4 PDFs with the app's Chromium, each on a page of the
/// <see cref="PdfPagePool"/> lent to it alone (JavaScript off, every request refused), so it can never
/// see another document or fetch anything. A document waits at most Pdf:DocumentTimeout for a page and
/// then as long again to print; either limit, and a printer that keeps failing, end in a
/// <see cref="PdfUnavailableException"/>, never in another error.
/// </summary>
public sealed class PdfRenderer(PdfPagePool pool, IOptions<PdfOptions> options, ILogger<PdfRenderer> logger)
{
    public async Task<byte[]> RenderAsync(PdfDocument document, CancellationToken cancellationToken = default)
    {
        var timeout = options.Value.DocumentTimeout;
        var lease = await pool.TryLendAsync(timeout, cancellationToken)
            ?? throw new PdfTimeoutException(
                $"The PDF could not start within {Seconds(timeout)} seconds because other documents were being printed.");

        // The page is given back when printing really ends, not when the caller stops waiting, so
        // a document abandoned after a timeout keeps its place in the limit until its context is closed.
        var printing = PrintAsync(lease, document, timeout, cancellationToken);
        // A print given up on below may still fail later; its failure is seen here, not left unobserved.
        _ = printing.ContinueWith(abandoned => _ = abandoned.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        try
        {
            return await printing.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw PrintTookTooLong(timeout);
        }
    }

    private async Task<byte[]> PrintAsync(PdfPageLease lease, PdfDocument document, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(timeout);
        var printed = false;
        try
        {
            var pdf = await PrintWithOneRetryAsync(lease, document, stop.Token);
            printed = true;
            return pdf;
        }
        catch (Exception exception) when (stop.IsCancellationRequested && !cancellationToken.IsCancellationRequested && exception is not PdfUnavailableException)
        {
            // Out of time, wherever it happened: waiting for Chromium to start, opening a page or printing.
            throw PrintTookTooLong(timeout);
        }
        catch (PlaywrightException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new PdfPrintingFailedException(exception);
        }
        catch (PlaywrightException) when (cancellationToken.IsCancellationRequested)
        {
            // The reader went away and the page was closed under the print: a cancellation, not a failure.
            throw new OperationCanceledException(cancellationToken);
        }
        finally
        {
            // Not awaited: the page is emptied after the PDF is sent, and stays lent until then.
            _ = lease.ReturnAsync(reusable: printed);
        }
    }

    /// <summary>A page or browser that crashed is replaced, and the document printed once more on a new page.</summary>
    private async Task<byte[]> PrintWithOneRetryAsync(PdfPageLease lease, PdfDocument document, CancellationToken stop)
    {
        for (var attempt = 1; ; attempt++)
        {
            var page = await lease.OpenAsync(stop);
            // Closing the context makes Playwright abandon whatever it is still doing in it.
            await using var closeOnStop = stop.Register(() => _ = page.CloseAsync());
            try
            {
                stop.ThrowIfCancellationRequested();
                return await page.PrintAsync(document.Html, PrintOptions(document.Footer));
            }
            catch (PlaywrightException exception) when (attempt == 1 && !stop.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Chromium failed while printing a PDF; printing it again on a new page");
                await lease.DiscardAsync();
            }
        }
    }

    private static PdfTimeoutException PrintTookTooLong(TimeSpan timeout) =>
        new($"The PDF took longer than {Seconds(timeout)} seconds to print and was stopped.");

    private static string Seconds(TimeSpan timeout) => timeout.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The print options of every document: A4, the margins app.css gives printed pages, backgrounds,
    /// tags, outline and the footer. Public so the benchmark prints with exactly the same ones.
    /// </summary>
    public static PagePdfOptions PrintOptions(string footer) => new()
    {
        // Chromium rounds page sizes to its own units: 210 x 297 mm prints at 595.92 x 841.92 pt,
        // nearer A4 (595.28 x 841.89) than Format = "A4" does (595.92 x 842.88).
        Width = "210mm",
        Height = "297mm",
        // The margins app.css gives printed pages (@page), with the footer in the bottom one.
        Margin = new Margin { Top = "20mm", Right = "15mm", Bottom = "20mm", Left = "15mm" },
        PrintBackground = true,
        Tagged = true,
        Outline = true,
        DisplayHeaderFooter = true,
        HeaderTemplate = "<span></span>",
        FooterTemplate = FooterTemplate(footer),
    };

    /// <summary>"Hate Crime – Progress Update – March 2020 · Page 2 of 6". The footer is HTML, so the title is encoded.</summary>
    private static string FooterTemplate(string footer) =>
        "<div style=\"width:100%;margin:0 15mm;font-family:arial,sans-serif;font-size:9pt;color:#0b0c0c;\">"
        + HtmlEncoder.Default.Encode(footer)
        + " · Page <span class=\"pageNumber\"></span> of <span class=\"totalPages\"></span></div>";
}
