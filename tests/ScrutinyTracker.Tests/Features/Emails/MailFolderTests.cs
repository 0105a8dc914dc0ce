using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using MimeKit;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Tests.Infrastructure.Email;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Infrastructure.Email;

namespace ScrutinyTracker.Tests.Features.Emails;

/// <summary>In Development with no mail server set, e-mails are .eml files in a folder, listed for administrators.</summary>
public sealed class MailFolderTests(MailFolderTests.DevelopmentMailFactory app) : IClassFixture<MailFolderTests.DevelopmentMailFactory>
{
    public sealed class DevelopmentMailFactory : ScrutinyAppFactory
    {
        public string Folder { get; } = Directory.CreateTempSubdirectory("scrutinytracker-mail-").FullName;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            // As with no Email settings at all, but into a folder of the test's own rather than the app's App_Data/mail.
            builder.UseSetting("Email:Provider", "Automatic");
            builder.UseSetting("Email:Folder", Folder);
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            // WebApplicationFactory.Dispose() runs this override twice (once through its DisposeAsync).
            if (Directory.Exists(Folder))
            {
                Directory.Delete(Folder, recursive: true);
            }
        }
    }

    [Fact]
    public async Task A_round_opened_in_Development_writes_an_eml_file_that_the_folder_page_lists_and_shows()
    {
        var reviewId = await app.ReviewReadyToOpenAsync("Graffiti");

        await app.OpenRoundAsync(reviewId);

        var sent = (await Eventually.ReturnsAsync(() => app.OutboxAboutAsync("Graffiti"), m => m.Count == 1 && m[0].Status == OutboxStatus.Sent, "the file written")).Single();
        var file = Path.Combine(app.Folder, FolderTransport.FileName(sent.MessageId));
        var message = await MimeMessage.LoadAsync(file);
        message.MessageId.ShouldBe(sent.MessageId);
        message.To.ToString().ShouldContain(DemoUsers.LinkOfficerEmail);
        (message.TextBody ?? "").ShouldContain("http://localhost:5000/rounds/");

        var admin = await app.SignedInAsync(DemoUsers.AdministratorEmail);
        (await admin.GetDocumentAsync("/emails")).TextOf("main").ShouldContain("E-mails are written to a folder instead of being sent");
        var list = await admin.GetDocumentAsync("/emails/folder");
        var link = list.QuerySelectorAll("main table a").Single(a => a.TextContent == "Graffiti: progress updates due by 31 May 2021");
        var shown = await admin.GetDocumentAsync(link.GetAttribute("href")!);
        shown.TextOf("h1").ShouldBe("Graffiti: progress updates due by 31 May 2021");
        shown.TextOf("main").ShouldContain("The May 2021 round of Graffiti is open");
        (await admin.GetAsync("/emails/folder/..%2Fsecrets.eml")).StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
    }
}

public sealed class EmailSettingsTests
{
    private static IHostEnvironment Environment(string name) => new HostingEnvironment { EnvironmentName = name };

    [Fact]
    public void With_no_settings_Development_writes_files_and_production_sends_nothing()
    {
        EmailSettings.Resolve(new EmailOptions(), Environment(Environments.Development)).ShouldBe(EmailProvider.Folder);
        EmailSettings.Resolve(new EmailOptions(), Environment(Environments.Production)).ShouldBe(EmailProvider.None);
        EmailSettings.Resolve(new EmailOptions { Smtp = { Host = "smtp.council.gov.uk" } }, Environment(Environments.Production)).ShouldBe(EmailProvider.Smtp);
    }

    [Fact]
    public void An_smtp_server_outside_Development_needs_the_sites_address_for_the_links()
    {
        var result = new EmailOptionsValidation(Environment(Environments.Production)).Validate(null, new EmailOptions { Smtp = { Host = "smtp.council.gov.uk" }, FromAddress = "not an address" });

        result.Failed.ShouldBeTrue();
        result.Failures.ShouldBe([
            "Set Email:SiteUrl to the address people open the service at, e.g. https://scrutiny.council.gov.uk: e-mails link to it.",
            "Email:FromAddress must be an e-mail address, e.g. scrutiny@council.gov.uk, not 'not an address'.",
        ]);
    }
}
