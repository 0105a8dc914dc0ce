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
        Renderer = RendererWith(new PdfOptions());
    }

    public ChromiumHost Host { get; }

    public PdfRenderer Renderer { get; }

    public PdfRenderer RendererWith(PdfOptions options) => new(Host, Options.Create(options));

    public static string Html(string title, string body) =>
        $"<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>{title}</title></head><body>{body}</body></html>";

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
