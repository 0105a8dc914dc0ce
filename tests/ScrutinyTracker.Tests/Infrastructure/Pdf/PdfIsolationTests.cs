using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using ScrutinyTracker.Web.Infrastructure.Pdf;

namespace ScrutinyTracker.Tests.Infrastructure.Pdf;

/// <summary>
/// Why a reused page is safe (docs/decisions/0004): a document printed after another on the same
/// page can read nothing of it — not its DOM, not what a script would have kept (window, storage,
/// cookies), not the links it holds as :visited — and a crash mid-document costs a new page, not a
/// wrong PDF. Needs Chromium at /usr/bin/chromium and poppler-utils; fails without them.
/// </summary>
public sealed class PdfIsolationTests(PdfEngineFixture engine) : IClassFixture<PdfEngineFixture>
{
    private const string Secret = "secret-of-document-a";

    /// <summary>Tries every way a page has to leave something for the next document.</summary>
    private static readonly PdfDocument LeavesState = new(PdfEngineFixture.Html("Document A", $$"""
        <p id="left">{{Secret}} in the DOM</p>
        <template><p>{{Secret}} in a template</p></template>
        <script>
          window.name = "{{Secret}}"; window.leftBehind = "{{Secret}}";
          try { localStorage.setItem("s", "{{Secret}}"); sessionStorage.setItem("s", "{{Secret}}"); } catch (e) {}
          try { document.cookie = "s={{Secret}}"; } catch (e) {}
        </script>
        <a href="https://{{Secret}}.example/">a link</a>
        <iframe src="data:text/html,<p>{{Secret}} in a frame</p>"></iframe>
        """), "Document A");

    /// <summary>Prints whatever it can find of an earlier document: script-held state, leftover DOM, and visited links in red.</summary>
    private static readonly PdfDocument ReadsState = new(PdfEngineFixture.Html("Document B", $$"""
        <style>a { color: #000; font-size: 48px; } a:visited { color: #f00; }</style>
        <p>Document B</p>
        <script>
          var found = [window.name, window.leftBehind];
          // about:blank has no origin of its own: storage and cookies refuse, but are tried.
          try { found.push(document.cookie); } catch (e) {}
          try { found.push(localStorage.getItem("s"), sessionStorage.getItem("s")); } catch (e) {}
          document.write("<p>Found: " + found.join(" ") + "</p>");
        </script>
        <p><a href="https://{{Secret}}.example/">VISITED</a> <a href="data:text/html,<p>{{Secret}} in a frame</p>">VISITED</a></p>
        """), "Document B");

    [Fact]
    public async Task With_script_on_a_reused_page_would_leak_so_the_test_can_see_a_leak()
    {
        // The control: the same two documents on a bare reused page that runs script.
        var browser = await engine.Host.GetBrowserAsync();
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = true });
        var page = await context.NewPageAsync();
        await page.SetContentAsync(LeavesState.Html);
        await page.SetContentAsync(ReadsState.Html);

        (await Poppler.TextAsync(await page.PdfAsync())).ShouldContain($"Found: {Secret} {Secret}");
    }

    [Fact]
    public async Task Red_on_the_page_is_seen_so_a_visited_link_would_be()
    {
        var red = new PdfDocument(PdfEngineFixture.Html("Red", "<p style=\"color:#f00;font-size:48px\">RED</p>"), "Red");

        (await Poppler.RedPixelsOnFirstPageAsync(await engine.Renderer.RenderAsync(red))).ShouldBeGreaterThan(20);
    }

    [Fact]
    public async Task A_document_reads_nothing_of_the_one_printed_before_it_on_the_same_page()
    {
        var one = engine.EngineWith(new PdfOptions { MaxConcurrentDocuments = 1 });

        var first = await Poppler.TextAsync(await one.Renderer.RenderAsync(LeavesState));
        var pdf = await one.Renderer.RenderAsync(ReadsState);

        first.ShouldContain($"{Secret} in the DOM");
        var text = await Poppler.TextAsync(pdf);
        text.ShouldContain("Document B");
        text.ShouldNotContain(Secret);
        text.ShouldNotContain("Found:", customMessage: "no script runs");
        // Playwright's contexts keep no visited links at all (Chromium 156); this holds the line if that changes.
        (await Poppler.RedPixelsOnFirstPageAsync(pdf)).ShouldBe(0, "no link is :visited");
    }

    [Theory]
    [InlineData("the page's renderer crashes")]
    [InlineData("Chromium goes away")]
    public async Task A_document_printed_after_a_crash_mid_document_is_still_correct(string crash)
    {
        var settings = new PdfOptions { MaxConcurrentDocuments = 1 };
        await using var host = new ChromiumHost(Options.Create(settings), NullLogger<ChromiumHost>.Instance);
        var one = PdfEngine.On(host, settings);
        await one.Renderer.RenderAsync(Numbered("warm-up"));
        await one.AllPagesBackAsync();
        var browser = await host.GetBrowserAsync();
        var context = browser.Contexts.Single();
        var page = context.Pages.Single();
        var crashed = false;
        // Routes added later are asked first: the document's image holds its loading open until the crash.
        await context.RouteAsync("**/crash-here.png", async route =>
        {
            crashed = true;
            if (crash == "Chromium goes away")
            {
                await browser.CloseAsync();
                return;
            }

            var devtools = await context.NewCDPSessionAsync(page);
            _ = devtools.SendAsync("Page.crash");
        });
        var doomed = Numbered("doomed") with { Html = Numbered("doomed").Html.Replace("</body>", "<img src=\"https://printer.invalid/crash-here.png\" alt=\"\"></body>") };

        var printedAgain = await Poppler.TextAsync(await one.Renderer.RenderAsync(doomed));
        var next = await Poppler.TextAsync(await one.Renderer.RenderAsync(Numbered("next")));

        crashed.ShouldBeTrue("the crash happened while the document was loading into the page");
        printedAgain.ShouldContain("Only document doomed is printed here.", customMessage: "the crashed document is printed again on a new page");
        next.ShouldContain("Only document next is printed here.");
        next.ShouldNotContain("doomed");
        (await host.GetBrowserAsync()).Contexts.Count.ShouldBe(1, "the broken page's context is closed");
    }

    private static PdfDocument Numbered(string name) =>
        new(PdfEngineFixture.Html($"Document {name}", $"<h1>Document {name}</h1><p>Only document {name} is printed here.</p>"), $"Document {name}");
}
