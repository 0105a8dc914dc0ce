using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;
using Shouldly;

namespace ScrutinyTracker.Tests.Features.ServicePages;

/// <summary>A council's own name, contact address and logo, in a web root of its own (a copy of the app's, with the logo added).</summary>
public sealed class TestshireAppFactory : ScrutinyAppFactory
{
    public const string Name = "Testshire County Council";
    public const string Email = "scrutiny@testshire.gov.uk";

    /// <summary>A 1 x 1 pixel PNG.</summary>
    private static readonly byte[] Logo = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");

    private readonly string _webRoot = Path.Combine(Path.GetTempPath(), $"scrutinytracker-webroot-{Guid.NewGuid():N}");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        CopyDirectory(Path.Combine(AppWebProject(), "wwwroot"), _webRoot);
        Directory.CreateDirectory(Path.Combine(_webRoot, "images"));
        File.WriteAllBytes(Path.Combine(_webRoot, "images", "testshire.png"), Logo);
        builder.UseWebRoot(_webRoot);
        builder.UseSetting("Council:Name", Name);
        builder.UseSetting("Council:ContactEmail", Email);
        builder.UseSetting("Council:LogoPath", "images/testshire.png");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (Directory.Exists(_webRoot))
        {
            Directory.Delete(_webRoot, recursive: true);
        }
    }

    private static string AppWebProject()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "ScrutinyTracker.Web");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("src/ScrutinyTracker.Web not found above the test folder.");
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}

public sealed class CouncilIdentityTests(TestshireAppFactory app) : IClassFixture<TestshireAppFactory>
{
    [Fact]
    public async Task The_council_is_named_in_the_header_with_its_logo_and_in_the_footer_with_its_address()
    {
        var page = await app.CreateBrowser().GetDocumentAsync("/account/sign-in");

        var header = page.QuerySelector("header .govuk-generic-header__homepage-link")!;
        header.TextContent.Trim().ShouldBe(TestshireAppFactory.Name);
        var logo = header.QuerySelector("img")!;
        logo.GetAttribute("src")!.ShouldStartWith("/images/testshire.png");
        logo.GetAttribute("alt").ShouldBe("", "the name beside it says whose logo it is");
        (await app.CreateBrowser().GetAsync(logo.GetAttribute("src"))).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        page.TextOf("footer").ShouldContain($"ScrutinyTracker is run by {TestshireAppFactory.Name}.");
        page.QuerySelector($"footer a[href='mailto:{TestshireAppFactory.Email}']").ShouldNotBeNull();
        (await app.CreateBrowser().GetDocumentAsync("/accessibility")).TextOf("main").ShouldContain(TestshireAppFactory.Name);
    }

    [Fact]
    public async Task A_report_s_pdf_names_the_council_with_its_logo_on_the_first_page()
    {
        var client = await app.SignedInAsync(DemoUsers.CommitteeMemberEmail);
        var reviewId = await app.WithDbAsync(db => db.Reviews.Where(r => r.Title == "Hate Crime").Select(r => r.Id).SingleAsync());

        var pdf = await (await client.GetAsync($"/reviews/{reviewId}/report.pdf")).ShouldBePdfAttachmentAsync("Hate Crime - Progress Update - March 2020.pdf");

        var pages = await Poppler.PagesAsync(pdf);
        pages[0].ShouldStartWith(TestshireAppFactory.Name);
        pages.Skip(1).ShouldAllBe(p => !p.Contains(TestshireAppFactory.Name + " SCRUTINY"), "only the first page carries it");
        (await Poppler.ImagePagesAsync(pdf)).ShouldBe([1], "the logo, printed from the page itself");
    }
}

public sealed class CouncilOptionsTests
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
    [InlineData("Council:Name", "", "Set Council:Name to the council's name")]
    [InlineData("Council:ContactEmail", "not an address", "Council:ContactEmail must be an e-mail address")]
    [InlineData("Council:LogoPath", "images/missing.png", "Council:LogoPath names wwwroot/images/missing.png, which does not exist.")]
    [InlineData("Council:LogoPath", "../appsettings.json", "Council:LogoPath must be a path under wwwroot")]
    [InlineData("Council:LogoPath", "css/app.css", "Council:LogoPath must be an .svg, .png, .jpg or .gif image.")]
    public void The_app_does_not_start_with_an_invalid_council_setting(string key, string value, string message)
    {
        using var app = new AppWith(key, value);

        Should.Throw<OptionsValidationException>(() => app.Services).Message.ShouldContain(message);
    }

    private sealed class ProductionWithoutCouncil : ScrutinyAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }
    }

    [Fact]
    public void Outside_Development_the_app_does_not_start_until_the_council_is_named_the_demos_name_is_Developments_only()
    {
        using var app = new ProductionWithoutCouncil();

        var refusal = Should.Throw<OptionsValidationException>(() => app.Services).Message;

        refusal.ShouldContain("Set Council:Name to the council's name");
        refusal.ShouldContain("Set Council:ContactEmail");
    }
}
