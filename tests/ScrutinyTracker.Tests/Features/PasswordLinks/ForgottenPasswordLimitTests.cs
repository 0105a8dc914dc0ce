using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Tests.Infrastructure.Email;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Features.PasswordLinks;

namespace ScrutinyTracker.Tests.Features.PasswordLinks;

/// <summary>
/// "Forgotten your password?" is limited per client address (429 with a page) and per account (the same
/// page, no e-mail), and neither says whether an address has an account.
/// </summary>
public sealed class ForgottenPasswordLimitTests(ForgottenPasswordLimitTests.LimitedFactory app) : IClassFixture<ForgottenPasswordLimitTests.LimitedFactory>
{
    private static async Task<HttpResponseMessage> AskAsync(HttpClient client, string email, string from)
    {
        var page = await client.GetDocumentAsync("/account/forgotten-password");
        client.DefaultRequestHeaders.Remove(RemoteAddressFromHeader.Header);
        client.DefaultRequestHeaders.Add(RemoteAddressFromHeader.Header, from);
        return await client.SubmitFormAsync(page, [new("Email", email)]);
    }

    private static async Task<string> AnswerAsync(HttpResponseMessage response, string email)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await HttpClientExtensions.ParseAsync(response)).TextOf("main").Replace(email, "ADDRESS", StringComparison.Ordinal);
    }

    private Task<int> ResetsToAsync(string email) =>
        app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Kind == PasswordEmails.ResetKind && m.To.Contains(email)));

    [Fact]
    public async Task An_account_gets_at_most_the_hours_reset_e_mails_and_the_page_says_the_same_as_for_no_account()
    {
        var client = app.CreateBrowser();
        const string nobody = "no.account@example.gov.uk";
        var noAccount = await AnswerAsync(await AskAsync(client, nobody, "192.0.2.10"), nobody);

        for (var ask = 0; ask <= LimitedFactory.PerAccountPerHour; ask++)
        {
            (await AnswerAsync(await AskAsync(client, DemoUsers.ScrutinyOfficerEmail, $"192.0.2.{20 + ask}"), DemoUsers.ScrutinyOfficerEmail))
                .ShouldBe(noAccount, $"request {ask + 1}");
            (await AnswerAsync(await AskAsync(client, nobody, $"192.0.2.{40 + ask}"), nobody)).ShouldBe(noAccount);
        }

        (await ResetsToAsync(DemoUsers.ScrutinyOfficerEmail)).ShouldBe(LimitedFactory.PerAccountPerHour, "the request over the limit sends nothing");
        (await ResetsToAsync(nobody)).ShouldBe(0);

        app.Clock.Advance(TimeSpan.FromMinutes(61));
        await AskAsync(client, DemoUsers.ScrutinyOfficerEmail, "192.0.2.60");
        (await ResetsToAsync(DemoUsers.ScrutinyOfficerEmail)).ShouldBe(LimitedFactory.PerAccountPerHour + 1, "an hour on, the account may have another");
    }

    [Fact]
    public async Task Too_many_requests_from_one_address_get_429_with_a_page_whatever_addresses_are_typed()
    {
        var client = app.CreateBrowser();
        for (var ask = 0; ask < LimitedFactory.PerAddress; ask++)
        {
            (await AskAsync(client, $"person{ask}@example.gov.uk", "198.51.100.9")).StatusCode.ShouldBe(HttpStatusCode.OK, $"request {ask + 1}");
        }

        var refused = await AskAsync(client, DemoUsers.CommitteeMemberEmail, "198.51.100.9");

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter.ShouldNotBeNull();
        var page = await HttpClientExtensions.ParseAsync(refused);
        page.TextOf("h1").ShouldBe("Too many requests for a password link");
        page.TextOf("main").ShouldContain("Wait 15 minutes");
        (await ResetsToAsync(DemoUsers.CommitteeMemberEmail)).ShouldBe(0);
        (await AskAsync(client, DemoUsers.CommitteeMemberEmail, "198.51.100.10")).StatusCode.ShouldBe(HttpStatusCode.OK, "another address has its own limit");
        var signIn = await client.GetDocumentAsync("/account/sign-in");
        (await client.SubmitFormAsync(signIn, [new("Email", DemoUsers.CommitteeMemberEmail), new("Password", DemoUsers.Password)])).StatusCode
            .ShouldBe(HttpStatusCode.Redirect, "signing in from that address is limited on its own");
    }

    public sealed class LimitedFactory : EmailAppFactory
    {
        public const int PerAddress = 5;
        public const int PerAccountPerHour = 2;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ForgottenPasswordLimits:PerAddress", PerAddress.ToString());
            builder.UseSetting("ForgottenPasswordLimits:PerAccountPerHour", PerAccountPerHour.ToString());
            builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, RemoteAddressFromHeader>());
        }
    }
}
