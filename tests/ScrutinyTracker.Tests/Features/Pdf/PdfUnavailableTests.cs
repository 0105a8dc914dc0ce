using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;
using Shouldly;

namespace ScrutinyTracker.Tests.Features.Pdf;

/// <summary>The app configured with a Chromium path where there is none.</summary>
public sealed class NoChromiumAppFactory : ScrutinyAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Pdf:BrowserPath", "/opt/no-such-chromium/chrome");
    }
}

/// <summary>The app with a time limit no document can meet.</summary>
public sealed class ImpatientPdfAppFactory : ScrutinyAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Pdf:DocumentTimeout", "00:00:00.001");
    }
}

public sealed class NoChromiumTests(NoChromiumAppFactory app) : IClassFixture<NoChromiumAppFactory>
{
    [Fact]
    public async Task Without_Chromium_the_download_says_what_to_install_and_the_report_still_works()
    {
        var reviewId = await app.WithDbAsync(db => db.Reviews.Where(r => r.Title == "Hate Crime").Select(r => r.Id).SingleAsync());
        var client = app.CreateBrowser();
        await client.SignInAsync(DemoUsers.CommitteeMemberEmail);

        var download = await client.GetAsync($"/reviews/{reviewId}/report.pdf");
        var report = await client.GetDocumentAsync($"/reviews/{reviewId}/report");

        download.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var page = await HttpClientExtensions.ParseAsync(download);
        page.TextOf("main h1").ShouldBe("Sorry, the PDF could not be made");
        var text = page.QuerySelector("main")!.TextContent;
        text.ShouldContain("/opt/no-such-chromium/chrome");
        text.ShouldContain("apt-get install chromium");
        text.ShouldContain("Pdf:BrowserPath");
        report.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ShouldContain(h => h!.Contains("report.pdf"));
    }
}

public sealed class PdfTimeLimitTests(ImpatientPdfAppFactory app) : IClassFixture<ImpatientPdfAppFactory>
{
    [Fact]
    public async Task A_pdf_over_the_time_limit_answers_a_page_saying_so_not_a_hung_request()
    {
        var reviewId = await app.WithDbAsync(db => db.Reviews.Where(r => r.Title == "Hate Crime").Select(r => r.Id).SingleAsync());
        var client = app.CreateBrowser();
        await client.SignInAsync(DemoUsers.CommitteeMemberEmail);

        var download = await client.GetAsync($"/reviews/{reviewId}/report.pdf");

        download.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var page = await HttpClientExtensions.ParseAsync(download);
        page.QuerySelector("main")!.TextContent.ShouldContain("The PDF took longer than 0.001 seconds to print and was stopped.");
    }
}
