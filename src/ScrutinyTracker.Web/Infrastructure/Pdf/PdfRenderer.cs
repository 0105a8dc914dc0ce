using System.Text.Encodings.Web;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace ScrutinyTracker.Web.Infrastructure.Pdf;

/// <summary>
/// Prints HTML documents to tagged A4 PDFs with the app's Chromium. Each document gets a browser
/// context of its own, with JavaScript off and every request refused, so it can never see another
/// document or fetch anything. At most Pdf:MaxConcurrentDocuments print at once.
/// </summary>
public sealed class PdfRenderer(ChromiumHost chromium, IOptions<PdfOptions> options)
{
    private static readonly BrowserNewContextOptions IsolatedContext = new()
    {
        JavaScriptEnabled = false,
        Offline = true,
        Locale = "en-GB",
    };

    private readonly SemaphoreSlim _slots = new(options.Value.MaxConcurrentDocuments, options.Value.MaxConcurrentDocuments);

    public async Task<byte[]> RenderAsync(PdfDocument document, CancellationToken cancellationToken = default)
    {
        var timeout = options.Value.DocumentTimeout;
        if (!await _slots.WaitAsync(timeout, cancellationToken))
        {
            throw new PdfTimeoutException(
                $"The PDF could not start within {timeout.TotalSeconds:0.###} seconds because other documents were being printed.");
        }

        // The slot is released when printing really ends, not when the caller stops waiting,
        // so documents abandoned after a timeout still count against the limit until closed.
        var printing = PrintInOwnSlotAsync(document, timeout, cancellationToken);
        try
        {
            return await printing.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException exception) when (exception is not PdfTimeoutException)
        {
            throw new PdfTimeoutException($"The PDF took longer than {timeout.TotalSeconds:0.###} seconds to print and was stopped.");
        }
    }

    private async Task<byte[]> PrintInOwnSlotAsync(PdfDocument document, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(timeout);
        try
        {
            var browser = await chromium.GetBrowserAsync(stop.Token);
            return await PrintAsync(browser, document, stop.Token);
        }
        finally
        {
            _slots.Release();
        }
    }

    private static async Task<byte[]> PrintAsync(IBrowser browser, PdfDocument document, CancellationToken stop)
    {
        var context = await browser.NewContextAsync(IsolatedContext);
        // Closing the context makes Playwright abandon whatever it is still doing in it.
        await using var closeOnStop = stop.Register(() => _ = context.CloseAsync());
        try
        {
            stop.ThrowIfCancellationRequested();
            await context.RouteAsync("**/*", route => route.AbortAsync());
            var page = await context.NewPageAsync();
            await page.SetContentAsync(document.Html);
            return await page.PdfAsync(PrintOptions(document.Footer));
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    private static PagePdfOptions PrintOptions(string footer) => new()
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
