using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ScrutinyTracker.Web.Infrastructure.Pdf;

namespace ScrutinyTracker.Tests.Infrastructure.Pdf;

/// <summary>One Chromium (at the default /usr/bin/chromium) shared by a test class, closed afterwards.</summary>
public sealed class PdfEngineFixture : IAsyncLifetime
{
    public PdfEngineFixture()
    {
        Host = new ChromiumHost(Options.Create(new PdfOptions()), NullLogger<ChromiumHost>.Instance);
        Renderer = EngineWith(new PdfOptions()).Renderer;
    }

    public ChromiumHost Host { get; }

    public PdfRenderer Renderer { get; }

    public PdfRenderer RendererWith(PdfOptions options) => EngineWith(options).Renderer;

    /// <summary>A page pool of its own, and a renderer printing with it, on the shared Chromium.</summary>
    public PdfEngine EngineWith(PdfOptions options) => PdfEngine.On(Host, options);

    public static string Html(string title, string body) =>
        $"<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>{title}</title></head><body>{body}</body></html>";

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

public sealed record PdfEngine(PdfPagePool Pool, PdfRenderer Renderer)
{
    public static PdfEngine On(ChromiumHost host, PdfOptions options)
    {
        var pool = new PdfPagePool(host, Options.Create(options), NullLogger<PdfPagePool>.Instance);
        return new PdfEngine(pool, new PdfRenderer(pool, Options.Create(options), NullLogger<PdfRenderer>.Instance));
    }

    /// <summary>Waits (polling, no fixed sleep) until every page is back in the pool after the documents sent.</summary>
    public async Task AllPagesBackAsync()
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (Pool.Lent > 0)
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException($"{Pool.Lent} page(s) still lent after a minute");
            }

            await Task.Delay(10);
        }
    }
}
