using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Tests.Infrastructure.Email;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Tests.Features.PasswordLinks;

/// <summary>An invitation to a new account and a forgotten password, each a single-use link by e-mail, through a real SMTP server.</summary>
public sealed partial class PasswordLinkTests(EmailAppFactory app) : IClassFixture<EmailAppFactory>
{
    private const string NewPassword = "walnut-harbor-quiver-falcon-27";

    private async Task<ReceivedEmail> MailToAsync(string email, string subject)
    {
        await Eventually.ReturnsAsync(() => Task.FromResult(app.Smtp.Received.Count(m => m.EnvelopeTo.Contains(email) && m.Message.Subject == subject)), c => c >= 1, $"{subject} to {email}");
        return app.Smtp.Received.Single(m => m.EnvelopeTo.Contains(email) && m.Message.Subject == subject);
    }

    private static string LinkIn(ReceivedEmail mail) => new Uri(SetPasswordLink().Match(mail.Text).Value).PathAndQuery;

    private async Task<HttpResponseMessage> SetPasswordAsync(HttpClient client, string link, string password)
    {
        var page = await client.GetDocumentAsync(link);
        page.TextOf("h1").ShouldBe("Choose your password");
        return await client.SubmitFormAsync(page, [new("NewPassword", password), new("ConfirmPassword", password)]);
    }

    [Fact]
    public async Task An_administrator_invites_a_new_user_whose_link_sets_a_password_once()
    {
        var admin = await app.SignedInAsync(DemoUsers.AdministratorEmail);
        var form = await admin.GetDocumentAsync("/users/new");
        ((IElement)form.QuerySelector("#SendInvitation")!).HasAttribute("checked").ShouldBeTrue("an invitation is the default when mail is set up");

        var added = await admin.SubmitFormAsync(form, [new("DisplayName", "Ivy Invited"), new("Email", "ivy.invited@example.gov.uk"), new("Role", Roles.LinkOfficer), new("OneTimePassword", "")]);

        added.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HttpClientExtensions.ParseAsync(added)).TextOf("main").ShouldContain("We are sending an invitation to ivy.invited@example.gov.uk");
        (await app.WithDbAsync(db => db.Users.Where(u => u.Email == "ivy.invited@example.gov.uk").Select(u => u.PasswordHash).SingleAsync())).ShouldBeNull();
        var invitation = await MailToAsync("ivy.invited@example.gov.uk", "You have been invited to ScrutinyTracker");
        invitation.Text.ShouldContain("Your account name is ivy.invited@example.gov.uk");
        var link = LinkIn(invitation);
        var browser = app.CreateBrowser();

        var set = await SetPasswordAsync(browser, link, NewPassword);

        set.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        set.Headers.Location!.OriginalString.ShouldBe("/account/sign-in");
        await app.CreateBrowser().SignInAsync("ivy.invited@example.gov.uk", NewPassword);
        (await browser.GetDocumentAsync(link)).TextOf("h1").ShouldBe("This link does not work any more");
    }

    [Fact]
    public async Task An_invitation_link_works_for_72_hours_on_the_apps_clock_and_not_a_minute_after()
    {
        var admin = await app.SignedInAsync(DemoUsers.AdministratorEmail);
        await admin.SubmitFormAsync(await admin.GetDocumentAsync("/users/new"),
            [new("DisplayName", "Eve Expiring"), new("Email", "eve.expiring@example.gov.uk"), new("Role", Roles.LinkOfficer), new("OneTimePassword", "")]);
        var link = LinkIn(await MailToAsync("eve.expiring@example.gov.uk", "You have been invited to ScrutinyTracker"));

        await ShouldExpireAsync(link, TimeSpan.FromHours(72), "eve.expiring@example.gov.uk", passwordBefore: null);
    }

    [Fact]
    public async Task A_reset_link_works_for_2_hours_on_the_apps_clock_and_not_a_minute_after()
    {
        var before = await PasswordHashAsync(DemoUsers.LinkOfficerEmail);
        await app.CreateBrowser().SubmitFormAsync("/account/forgotten-password", [new("Email", DemoUsers.LinkOfficerEmail)]);
        var link = LinkIn(await MailToAsync(DemoUsers.LinkOfficerEmail, "Reset your ScrutinyTracker password"));

        await ShouldExpireAsync(link, TimeSpan.FromHours(2), DemoUsers.LinkOfficerEmail, before);
    }

    /// <summary>The link's page opens a minute before it expires; the password posted two minutes later is refused and nothing changes.</summary>
    private async Task ShouldExpireAsync(string link, TimeSpan lifespan, string email, string? passwordBefore)
    {
        var browser = app.CreateBrowser();
        app.Clock.Advance(lifespan - TimeSpan.FromMinutes(1));
        var page = await browser.GetDocumentAsync(link);
        page.TextOf("h1").ShouldBe("Choose your password");

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        var late = await browser.SubmitFormAsync(page, [new("NewPassword", NewPassword), new("ConfirmPassword", NewPassword)]);

        (await HttpClientExtensions.ParseAsync(late)).TextOf("h1").ShouldBe("This link does not work any more");
        (await browser.GetDocumentAsync(link)).TextOf("h1").ShouldBe("This link does not work any more");
        (await PasswordHashAsync(email)).ShouldBe(passwordBefore);
    }

    private Task<string?> PasswordHashAsync(string email) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.PasswordHash).SingleAsync());

    [Fact]
    public async Task A_forgotten_password_is_reset_by_a_link_and_the_page_says_the_same_for_an_address_with_no_account()
    {
        var anonymous = app.CreateBrowser();
        var unknown = await HttpClientExtensions.ParseAsync(await anonymous.SubmitFormAsync("/account/forgotten-password", [new("Email", "nobody@example.gov.uk")]));
        var known = await HttpClientExtensions.ParseAsync(await anonymous.SubmitFormAsync("/account/forgotten-password", [new("Email", DemoUsers.CommitteeMemberEmail)]));

        known.TextOf("main").Replace(DemoUsers.CommitteeMemberEmail, "ADDRESS").ShouldBe(unknown.TextOf("main").Replace("nobody@example.gov.uk", "ADDRESS"));
        var reset = await MailToAsync(DemoUsers.CommitteeMemberEmail, "Reset your ScrutinyTracker password");
        (await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To.Contains("nobody@example.gov.uk")))).ShouldBe(0);

        var set = await SetPasswordAsync(anonymous, LinkIn(reset), NewPassword);

        set.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await app.CreateBrowser().SignInAsync(DemoUsers.CommitteeMemberEmail, NewPassword);
        var old = await app.CreateBrowser().SubmitFormAsync("/account/sign-in", [new("Email", DemoUsers.CommitteeMemberEmail), new("Password", DemoUsers.Password)]);
        old.StatusCode.ShouldNotBe(HttpStatusCode.Redirect, "the old password no longer works");
        (await anonymous.GetDocumentAsync(LinkIn(reset))).TextOf("h1").ShouldBe("This link does not work any more");
    }

    [GeneratedRegex(@"https://\S+/account/set-password\?\S+")]
    private static partial Regex SetPasswordLink();
}
