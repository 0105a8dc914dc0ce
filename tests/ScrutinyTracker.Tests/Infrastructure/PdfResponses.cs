using System.Net;
using Shouldly;

namespace ScrutinyTracker.Tests.Infrastructure;

public static class PdfResponses
{
    /// <summary>Checks the response is a PDF download named <paramref name="fileName"/> and answers its bytes.</summary>
    public static async Task<byte[]> ShouldBePdfAttachmentAsync(this HttpResponseMessage response, string fileName)
    {
        if (response.StatusCode != HttpStatusCode.OK)
        {
            // E.g. 503 when Chromium is missing: the page says what to install.
            var page = await HttpClientExtensions.ParseAsync(response);
            throw new ShouldAssertException($"Expected a PDF, got {(int)response.StatusCode}: {Poppler.Squash(page.QuerySelector("main")?.TextContent ?? page.Body!.TextContent)}");
        }

        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        response.Content.Headers.ContentDisposition.FileNameStar.ShouldBe(fileName);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        pdf.AsSpan(0, 5).ToArray().ShouldBe("%PDF-"u8.ToArray());
        return pdf;
    }
}
