using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;
using Shouldly;

namespace ScrutinyTracker.Tests.Infrastructure.Pdf;

public sealed class PdfOptionsTests
{
    private sealed class AppWith(string key, string value) : ScrutinyAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting(key, value);
        }
    }

    [Theory]
    [InlineData("Pdf:MaxConcurrentDocuments", "0", "Pdf:MaxConcurrentDocuments must be between 1 and 16.")]
    [InlineData("Pdf:DocumentTimeout", "00:00:00", "Pdf:DocumentTimeout must be more than zero and at most 10 minutes (e.g. 00:00:30).")]
    [InlineData("Pdf:BrowserPath", "", "Set Pdf:BrowserPath to the Chromium executable, e.g. /usr/bin/chromium.")]
    public void The_app_does_not_start_with_invalid_pdf_settings(string key, string value, string message)
    {
        using var app = new AppWith(key, value);

        var error = Should.Throw<OptionsValidationException>(() => app.Services);

        error.Message.ShouldContain(message);
    }
}
