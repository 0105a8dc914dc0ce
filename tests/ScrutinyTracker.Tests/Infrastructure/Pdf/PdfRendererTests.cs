using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ScrutinyTracker.Web.Infrastructure.Pdf;
using Shouldly;

namespace ScrutinyTracker.Tests.Infrastructure.Pdf;

/// <summary>The PDF engine with small documents. Needs Chromium at /usr/bin/chromium and poppler-utils; fails without them.</summary>
public sealed class PdfRendererTests(PdfEngineFixture engine) : IClassFixture<PdfEngineFixture>
{
    private static readonly PdfDocument Small = new(
        PdfEngineFixture.Html("Engine test – Progress Update", "<h1>Recommendation 1</h1><p>Evidence of progress.</p><h2>Part a</h2><p>More evidence.</p>"),
        "Engine test – Progress Update – March 2020");

    [Fact]
    public async Task Html_prints_to_a_tagged_A4_pdf_titled_from_the_page()
    {
        var pdf = await engine.Renderer.RenderAsync(Small);

        var info = await Poppler.InfoAsync(pdf);
        info["Tagged"].ShouldBe("yes");
        Poppler.ShouldBeA4(info);
        info["Title"].ShouldBe("Engine test – Progress Update");
        (await Poppler.TextAsync(pdf)).ShouldContain("Recommendation 1 Evidence of progress. Part a More evidence.");
    }

    [Fact]
    public async Task Every_page_has_the_footer_with_page_x_of_y()
    {
        var body = string.Concat(Enumerable.Range(1, 3).Select(n => $"<h1 style=\"break-before: page\">Section {n}</h1>"));
        var pdf = await engine.Renderer.RenderAsync(new PdfDocument(PdfEngineFixture.Html("Three pages", body), "Hate Crime – Progress Update – March 2020"));

        var pages = await Poppler.PagesAsync(pdf);
        pages.Count.ShouldBe(3);
        for (var n = 1; n <= 3; n++)
        {
            pages[n - 1].ShouldContain($"Hate Crime – Progress Update – March 2020 · Page {n} of 3");
        }
    }

    [Fact]
    public async Task A_title_in_the_footer_is_printed_as_text_not_markup()
    {
        var pdf = await engine.Renderer.RenderAsync(Small with { Footer = "Fish & Chips <b>or</b> <span class=\"pageNumber\"></span>" });

        (await Poppler.TextAsync(pdf)).ShouldContain("Fish & Chips <b>or</b> <span class=\"pageNumber\"></span> · Page 1 of 1");
    }

    [Fact]
    public async Task Headings_become_bookmarks()
    {
        var pdf = await engine.Renderer.RenderAsync(Small);

        (await Poppler.BookmarksAsync(pdf)).ShouldBe(["Recommendation 1", "Part a"]);
    }

    [Fact]
    public async Task A_document_fetches_nothing_and_runs_no_script()
    {
        using var server = new TcpListener(IPAddress.Loopback, 0);
        server.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)server.LocalEndpoint).Port}";
        var body = $"""
            <link rel="stylesheet" href="{url}/style.css">
            <img src="{url}/logo.png" alt="">
            <iframe src="{url}/frame"></iframe>
            <p>Printed text</p>
            <script>document.write("Script ran");</script>
            """;

        var pdf = await engine.Renderer.RenderAsync(new PdfDocument(PdfEngineFixture.Html("Isolated", body), "Isolated"));

        server.Pending().ShouldBeFalse("the document must not connect anywhere");
        var text = await Poppler.TextAsync(pdf);
        text.ShouldContain("Printed text");
        text.ShouldNotContain("Script ran");
    }

    [Fact]
    public async Task A_missing_browser_is_reported_with_what_to_install_and_configure()
    {
        var settings = new PdfOptions { BrowserPath = "/nowhere/chromium" };
        await using var host = new ChromiumHost(Options.Create(settings), NullLogger<ChromiumHost>.Instance);
        var renderer = PdfEngine.On(host, settings).Renderer;

        var error = await Should.ThrowAsync<ChromiumNotFoundException>(() => renderer.RenderAsync(Small));

        error.Message.ShouldBe("Chromium was not found at /nowhere/chromium. Install the 'chromium' package (apt-get install chromium) or set Pdf:BrowserPath.");
    }

    [Fact]
    public async Task A_document_over_the_time_limit_fails_clearly_and_frees_its_place()
    {
        var settings = new PdfOptions { MaxConcurrentDocuments = 1 };
        var one = engine.EngineWith(settings);
        var renderer = one.Renderer;
        await renderer.RenderAsync(Small);
        await one.AllPagesBackAsync();

        settings.DocumentTimeout = TimeSpan.FromMilliseconds(1);
        var error = await Should.ThrowAsync<PdfTimeoutException>(() => renderer.RenderAsync(Small));
        error.Message.ShouldBe("The PDF took longer than 0.001 seconds to print and was stopped.");

        settings.DocumentTimeout = TimeSpan.FromSeconds(30);
        (await renderer.RenderAsync(Small)).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task A_browser_that_went_away_is_started_again()
    {
        var first = await engine.Host.GetBrowserAsync();
        await first.CloseAsync();

        var pdf = await engine.Renderer.RenderAsync(Small);

        (await Poppler.TextAsync(pdf)).ShouldContain("Evidence of progress.");
        (await engine.Host.GetBrowserAsync()).ShouldNotBeSameAs(first);
    }

    [Fact]
    public async Task No_more_than_the_configured_number_of_documents_print_at_once()
    {
        var engine2 = engine.EngineWith(new PdfOptions { MaxConcurrentDocuments = 2 });
        var browser = await engine.Host.GetBrowserAsync();
        var contextsBefore = browser.Contexts.Count;
        var rendering = Task.WhenAll(Enumerable.Range(0, 6).Select(_ => engine2.Renderer.RenderAsync(Small)));

        var most = 0;
        var mostContexts = 0;
        while (!rendering.IsCompleted)
        {
            most = Math.Max(most, engine2.Pool.Lent);
            mostContexts = Math.Max(mostContexts, browser.Contexts.Count - contextsBefore);
            await Task.Delay(2);
        }

        (await rendering).Length.ShouldBe(6);
        most.ShouldBe(2);
        mostContexts.ShouldBeLessThanOrEqualTo(2, "each of the two pages has a context of its own, reused");
    }
}
