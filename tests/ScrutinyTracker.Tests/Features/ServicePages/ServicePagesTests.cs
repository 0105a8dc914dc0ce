using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using ScrutinyTracker.Tests.Features.Updates;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;
using Shouldly;

namespace ScrutinyTracker.Tests.Features.ServicePages;

/// <summary>The accessibility statement, privacy notice, cookies page and help: public, and linked from every page's footer.</summary>
public sealed class ServicePagesTests(ScrutinyAppFactory app) : IClassFixture<ScrutinyAppFactory>
{
    private static readonly string[] PublicPages =
        ["/accessibility", "/privacy", "/cookies", "/help", "/help/link-officers", "/help/scrutiny-officers", "/help/committee-members"];

    [Fact]
    public async Task Anyone_can_read_the_service_pages_without_signing_in()
    {
        var anonymous = app.CreateBrowser();

        foreach (var url in PublicPages)
        {
            var page = await anonymous.GetDocumentAsync(url);
            page.QuerySelector("main h1").ShouldNotBeNull(url);
        }
    }

    [Fact]
    public async Task The_footer_of_every_page_links_to_help_and_the_service_pages_signed_in_or_not()
    {
        var signIn = await app.CreateBrowser().GetDocumentAsync("/account/sign-in");
        var signedIn = await (await app.SignedInAsync(DemoUsers.CommitteeMemberEmail)).GetDocumentAsync("/dashboard");

        foreach (var page in new[] { signIn, signedIn })
        {
            var links = page.QuerySelectorAll("footer a").ToDictionary(a => a.TextContent.Trim(), a => a.GetAttribute("href"));
            links["Help"].ShouldBe("/help");
            links["Accessibility statement"].ShouldBe("/accessibility");
            links["Privacy notice"].ShouldBe("/privacy");
            links["Cookies"].ShouldBe("/cookies");
        }
    }

    [Fact]
    public async Task The_accessibility_statement_follows_the_GOV_UK_model()
    {
        var page = await app.CreateBrowser().GetDocumentAsync("/accessibility");

        var headings = page.QuerySelectorAll("main h2, main h3").Select(h => h.TextContent.Trim()).ToList();
        headings.ShouldBe(
        [
            "How accessible this service is",
            "Feedback and contact information",
            "Reporting accessibility problems with this service",
            "Enforcement procedure",
            "Technical information about this service's accessibility",
            "Compliance status",
            "Non-accessible content",
            "Non-compliance with the accessibility regulations",
            "Content that's not within the scope of the accessibility regulations",
            "What we're doing to improve accessibility",
            "Preparation of this accessibility statement",
        ]);
        page.TextOf("[data-compliance-status]").ShouldStartWith("This service is partially compliant with the Web Content Accessibility Guidelines version 2.2 AA standard");
        page.QuerySelectorAll("[data-known-issues] li").Length.ShouldBeGreaterThan(0, "the known issues are listed");
        page.TextOf("[data-prepared]").ShouldMatch(@"^This statement was prepared on \d{1,2} [A-Z][a-z]+ \d{4}\. It was last reviewed on \d{1,2} [A-Z][a-z]+ \d{4}\.$");
        page.QuerySelector("main a[href='mailto:scrutiny@example.gov.uk']").ShouldNotBeNull("how to report a problem");
    }

    [Fact]
    public async Task The_cookies_page_names_every_cookie_the_app_sets()
    {
        var round = await app.CreateRoundAsync("Cookie Jar");
        var recorder = new SetCookieRecorder();
        var client = app.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(), recorder);
        await client.SignInAsync(DemoUsers.LinkOfficerEmail);
        (await client.SaveAllAsync(await client.GetDocumentAsync(round.FormUrl), (round.UpdateIds[0], "Evidence", "Jar found."))).StatusCode
            .ShouldBe(HttpStatusCode.Redirect);
        (await client.GetDocumentAsync(round.FormUrl)).TextOf(".govuk-notification-banner").ShouldContain("saved as a draft", customMessage: "a message carried to the next page");
        await client.SubmitFormAsync("/account/change-password", [], "main form");

        var listed = (await app.CreateBrowser().GetDocumentAsync("/cookies")).QuerySelectorAll("[data-cookie-name]").Select(c => c.TextContent.Trim()).ToList();

        recorder.Names.Count.ShouldBeGreaterThanOrEqualTo(3, string.Join(", ", recorder.Names));
        recorder.Names.ShouldBeSubsetOf(listed);
        listed.Count.ShouldBe(3);
        (await app.CreateBrowser().GetDocumentAsync("/cookies")).TextOf("main table").ShouldContain("after 8 hours without using the service", customMessage: "Session:IdleTimeout's default");
        (await app.CreateBrowser().GetDocumentAsync("/cookies")).QuerySelector(".govuk-cookie-banner").ShouldBeNull("essential cookies only, so no banner");
    }

    [Fact]
    public async Task Each_role_s_first_page_links_to_the_help_for_that_role()
    {
        foreach (var (email, help) in new[]
        {
            (DemoUsers.LinkOfficerEmail, "/help/link-officers"),
            (DemoUsers.ScrutinyOfficerEmail, "/help/scrutiny-officers"),
            (DemoUsers.AdministratorEmail, "/help/scrutiny-officers"),
            (DemoUsers.CommitteeMemberEmail, "/help/committee-members"),
        })
        {
            var first = await (await app.SignedInAsync(email)).GetDocumentAsync("/");
            first.QuerySelector("[data-role-help] a")!.GetAttribute("href").ShouldBe(help, email);
        }

        (await (await app.SignedInAsync(DemoUsers.LinkOfficerEmail)).GetDocumentAsync("/my-updates"))
            .QuerySelector("[data-role-help] a")!.GetAttribute("href").ShouldBe("/help/link-officers");
    }

    /// <summary>Records the name of every cookie the app sets, as the browser receives them.</summary>
    private sealed class SetCookieRecorder : DelegatingHandler
    {
        public HashSet<string> Names { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
            {
                foreach (var cookie in cookies)
                {
                    Names.Add(cookie.Split('=', 2)[0].Trim());
                }
            }

            return response;
        }
    }
}
