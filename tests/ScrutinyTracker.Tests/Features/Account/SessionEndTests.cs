using AngleSharp.Dom;
using System.Net;
using ScrutinyTracker.Tests.Features.Updates;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;

namespace ScrutinyTracker.Tests.Features.Account;

/// <summary>A save made after the session ended: signing in returns to the page, never to a POST address.</summary>
public sealed class SessionEndTests(ScrutinyAppFactory app) : IClassFixture<ScrutinyAppFactory>
{
    [Fact]
    public async Task A_save_after_the_session_ended_signs_in_back_to_the_round_form_not_its_post_address()
    {
        var round = await app.CreateRoundAsync("Session ended");
        var signedOut = app.CreateBrowser();
        var request = new HttpRequestMessage(HttpMethod.Post, $"{round.FormUrl}/{round.UpdateIds[0]}") { Content = new FormUrlEncodedContent([]) };
        request.Headers.Referrer = new Uri($"http://localhost{round.FormUrl}");

        var save = await signedOut.SendAsync(request);

        save.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var signIn = new HttpRequestMessage(HttpMethod.Get, save.Headers.Location);
        signIn.Headers.Referrer = request.Headers.Referrer;
        var page = await HttpClientExtensions.ParseAsync(await signedOut.SendAsync(signIn));
        page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name='ReturnUrl']")!.Value.ShouldBe(round.FormUrl);

        var signedIn = await signedOut.SubmitFormAsync(page, [new("Email", DemoUsers.LinkOfficerEmail), new("Password", DemoUsers.Password)]);
        signedIn.Headers.Location!.OriginalString.ShouldBe(round.FormUrl);
    }

    [Theory]
    [InlineData("/rounds/1/submit")]
    [InlineData("//evil.example/")]
    [InlineData("https://evil.example/")]
    [InlineData("/account/sign-in")]
    public async Task Sign_in_never_returns_to_a_post_address_or_another_site(string returnUrl)
    {
        var client = app.CreateBrowser();
        var page = await client.GetDocumentAsync($"/account/sign-in?ReturnUrl={Uri.EscapeDataString(returnUrl)}");

        var response = await client.SubmitFormAsync(page, [new("Email", DemoUsers.CommitteeMemberEmail), new("Password", DemoUsers.Password), new("ReturnUrl", returnUrl)]);

        response.Headers.Location!.OriginalString.ShouldBe("/");
    }

    [Fact]
    public async Task Stay_signed_in_answers_when_the_session_ends_and_the_page_carries_it()
    {
        var client = await app.SignedInAsync(DemoUsers.LinkOfficerEmail);
        var page = await client.GetDocumentAsync("/my-updates");
        var dialog = page.QuerySelector("dialog[data-session-timeout]")!;
        var expires = DateTimeOffset.Parse(dialog.GetAttribute("data-expires-at")!, System.Globalization.CultureInfo.InvariantCulture);
        (expires - DateTimeOffset.UtcNow).ShouldBeInRange(TimeSpan.FromHours(7.9), TimeSpan.FromHours(8.1), "Session:IdleTimeout defaults to 8 hours");
        dialog.GetAttribute("data-warn-seconds").ShouldBe("300");

        var token = page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("dialog input[name='__RequestVerificationToken']")!.Value;
        var stay = new HttpRequestMessage(HttpMethod.Post, "/account/stay-signed-in") { Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]) };
        stay.Headers.Add("X-Requested-With", "fetch");
        var response = await client.SendAsync(stay);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("\"expiresAt\"");
        var anonymous = new HttpRequestMessage(HttpMethod.Post, "/account/stay-signed-in") { Content = new FormUrlEncodedContent([]) };
        anonymous.Headers.Add("X-Requested-With", "fetch");
        (await app.CreateBrowser().SendAsync(anonymous)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
