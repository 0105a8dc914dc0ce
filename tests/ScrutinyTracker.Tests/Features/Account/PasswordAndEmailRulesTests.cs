using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Features.Users;
using ScrutinyTracker.Web.Infrastructure.Security;

namespace ScrutinyTracker.Tests.Features.Account;

/// <summary>
/// Every place a password is chosen refuses guessable ones, saying why (issue 12, point 4); every
/// RFC 5321 mailbox a council uses is a valid account name.
/// </summary>
public sealed class PasswordAndEmailRulesTests(ScrutinyAppFactory app) : IClassFixture<ScrutinyAppFactory>
{
    [Theory]
    [InlineData("password1234", "‘password’, one of the most commonly used passwords")]
    [InlineData("Password123!", "‘password’, one of the most commonly used passwords")]
    [InlineData("qwertyuiop12", "one of the most commonly used passwords")]
    [InlineData("iloveyou1234", "one of the most commonly used passwords")]
    [InlineData("Welcome12345", "one of the most commonly used passwords")]
    [InlineData("Scrutiny2024!", "the name of this service")]
    [InlineData("aaaaaaaaaaaaaaaa", "repeated characters")]
    public void Common_breached_style_and_personal_passwords_are_refused_with_the_reason(string password, string reason)
    {
        var why = StrongPasswordValidator.WhyGuessable(password, ["pat.jones@council.gov.uk", "pat", "jones"]);

        why.ShouldNotBeNull();
        why.ShouldContain(reason);
    }

    [Theory]
    [InlineData("my own long passphrase")]
    [InlineData("harbour lantern pebble orbit")]
    [InlineData(DemoUsers.Password)]
    public void Long_passphrases_are_accepted(string password) =>
        StrongPasswordValidator.WhyGuessable(password, ["pat.jones@council.gov.uk"]).ShouldBeNull();

    [Fact]
    public void A_password_made_of_the_persons_own_name_and_email_is_refused() =>
        StrongPasswordValidator.WhyGuessable("pat.jones@council.gov.uk", ["pat.jones@council.gov.uk", "pat", "jones", "council"])
            .ShouldBe("it contains your name, your email address or the name of this service");

    [Fact]
    public void Every_suggested_one_time_password_is_strong()
    {
        for (var i = 0; i < 300; i++)
        {
            var suggestion = OneTimePasswords.Suggest();
            StrongPasswordValidator.WhyGuessable(suggestion, ["new.person@council.gov.uk", "new", "person"]).ShouldBeNull(suggestion);
        }
    }

    [Fact]
    public async Task Changing_to_a_common_password_is_refused_with_a_message_that_says_why_and_what_to_do()
    {
        const string email = "weak.change@example.gov.uk";
        await CreateUserAsync(email);
        var client = await app.SignedInAsync(email);

        var response = await client.SubmitFormAsync("/account/change-password",
            [new("CurrentPassword", DemoUsers.Password), new("NewPassword", "Password123!"), new("ConfirmPassword", "Password123!")]);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await HttpClientExtensions.ParseAsync(response);
        page.TextOf(".govuk-error-summary").ShouldContain("Choose a password that is harder to guess: it is built on ‘password’");
        page.TextOf(".govuk-error-summary").ShouldContain("Try three or four random words together");
        page.QuerySelector(".govuk-error-summary a[href='#NewPassword']").ShouldNotBeNull();
    }

    [Fact]
    public async Task An_administrator_cannot_give_a_guessable_one_time_password()
    {
        var admin = await app.SignedInAsync(DemoUsers.AdministratorEmail);

        var created = await admin.SubmitFormAsync("/users/new",
            [new("DisplayName", "Weak Start"), new("Email", "weak.start@example.gov.uk"), new("Role", Roles.CommitteeMember), new("OneTimePassword", "welcome12345")]);

        (await HttpClientExtensions.ParseAsync(created)).TextOf(".govuk-error-summary").ShouldContain("harder to guess");
        await using var scope = app.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync("weak.start@example.gov.uk")).ShouldBeNull();
    }

    [Fact]
    public async Task Create_admin_refuses_a_guessable_password()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var output = new StringWriter();

        var exit = await scope.ServiceProvider.GetRequiredService<CreateAdminCommand>()
            .RunAsync(["--email", "first.admin@council.gov.uk"], new StringReader("administrator1\n"), output, inputRedirected: true);

        exit.ShouldBe(1);
        output.ToString().ShouldContain("harder to guess");
        (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync("first.admin@council.gov.uk")).ShouldBeNull();
    }

    [Theory]
    [InlineData("siobhan.o'brien@council.gov.uk")]
    [InlineData("pat+scrutiny@council.gov.uk")]
    [InlineData("first_last@sub.council.gov.uk")]
    [InlineData("o'neill-smith@example-council.org.uk")]
    [InlineData("j.{team}|x@council.gov.uk")]
    [InlineData("A.Person@COUNCIL.GOV.UK")]
    [InlineData("x@y.co")]
    public void Valid_addresses_are_accepted(string address) => EmailAddresses.IsValid(address).ShouldBeTrue();

    [Theory]
    [InlineData("no-at-sign.council.gov.uk")]
    [InlineData("two@at@council.gov.uk")]
    [InlineData(".leading.dot@council.gov.uk")]
    [InlineData("trailing.dot.@council.gov.uk")]
    [InlineData("double..dot@council.gov.uk")]
    [InlineData("space in@council.gov.uk")]
    [InlineData("name@council")]
    [InlineData("name@-council.gov.uk")]
    [InlineData("name@council_gov.uk")]
    [InlineData("name@council..gov.uk")]
    [InlineData("\"quoted name\"@council.gov.uk")]
    [InlineData("name@[10.0.0.1]")]
    [InlineData("zoë@council.gov.uk")]
    [InlineData("name@council.gov.123")]
    [InlineData("@council.gov.uk")]
    [InlineData("name@")]
    public void Invalid_addresses_are_refused(string address) => EmailAddresses.IsValid(address).ShouldBeFalse();

    [Fact]
    public void The_local_part_may_be_64_characters_and_no_more()
    {
        EmailAddresses.IsValid(new string('a', 64) + "@council.gov.uk").ShouldBeTrue();
        EmailAddresses.IsValid(new string('a', 65) + "@council.gov.uk").ShouldBeFalse();
    }

    [Fact]
    public async Task An_apostrophe_in_an_email_address_makes_an_account_that_signs_in()
    {
        var admin = await app.SignedInAsync(DemoUsers.AdministratorEmail);

        var created = await admin.SubmitFormAsync("/users/new",
            [new("DisplayName", "Siobhán O'Brien"), new("Email", "siobhan.o'brien@council.gov.uk"), new("Role", Roles.LinkOfficer), new("OneTimePassword", "harbour-lantern-pebble-orbit")]);

        created.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HttpClientExtensions.ParseAsync(created)).QuerySelector(".govuk-error-summary").ShouldBeNull();
        var signIn = await app.CreateBrowser().SubmitFormAsync("/account/sign-in",
            [new("Email", "siobhan.o'brien@council.gov.uk"), new("Password", "harbour-lantern-pebble-orbit")]);
        signIn.Headers.Location!.OriginalString.ShouldBe("/account/change-password");
    }

    [Fact]
    public async Task An_invalid_address_is_refused_by_every_path_that_saves_a_user()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();

        var result = await users.CreateAsync(new ApplicationUser { UserName = "double..dot@council.gov.uk", Email = "double..dot@council.gov.uk", DisplayName = "X" }, DemoUsers.Password);

        result.Succeeded.ShouldBeFalse();
        result.Errors.ShouldContain(e => e.Code == nameof(IdentityErrorDescriber.InvalidEmail));
    }

    private async Task CreateUserAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, DisplayName = email };
        (await users.CreateAsync(user, DemoUsers.Password)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, Roles.CommitteeMember)).Succeeded.ShouldBeTrue();
    }
}
