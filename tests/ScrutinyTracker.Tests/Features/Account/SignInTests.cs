using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Tests.Features.Account;

public sealed class SignInTests(ScrutinyAppFactory app) : IClassFixture<ScrutinyAppFactory>
{
    private async Task<string> CreateUserAsync(string email, bool mustChangePassword = false)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, DisplayName = email, MustChangePassword = mustChangePassword };
        (await users.CreateAsync(user, DemoUsers.Password)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, Roles.CommitteeMember)).Succeeded.ShouldBeTrue();
        return user.Id;
    }

    private static Task<HttpResponseMessage> TrySignInAsync(HttpClient client, string email, string password) =>
        client.SubmitFormAsync("/account/sign-in", [new("Email", email), new("Password", password)]);

    [Fact]
    public async Task The_right_password_signs_in_and_lands_on_the_reviews()
    {
        var client = app.CreateBrowser();

        var response = await TrySignInAsync(client, DemoUsers.ScrutinyOfficerEmail, DemoUsers.Password);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/");
        (await client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message_that_does_not_say_which_part_was_wrong()
    {
        var page = await HttpClientExtensions.ParseAsync(await TrySignInAsync(app.CreateBrowser(), DemoUsers.ScrutinyOfficerEmail, "not-the-password"));

        page.TextOf(".govuk-error-summary").ShouldContain("Enter a correct email address and password");
        var unknown = await HttpClientExtensions.ParseAsync(await TrySignInAsync(app.CreateBrowser(), "nobody@example.gov.uk", "not-the-password"));
        unknown.TextOf(".govuk-error-summary").ShouldBe(page.TextOf(".govuk-error-summary"));
    }

    [Fact]
    public async Task Empty_fields_are_named_in_the_error_summary()
    {
        var page = await HttpClientExtensions.ParseAsync(await TrySignInAsync(app.CreateBrowser(), "", ""));

        page.TextOf(".govuk-error-summary").ShouldContain("Enter your email address");
        page.TextOf(".govuk-error-summary").ShouldContain("Enter your password");
        page.QuerySelector(".govuk-error-summary a[href='#Email']").ShouldNotBeNull();
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_for_15_minutes()
    {
        const string email = "lockout@example.gov.uk";
        var userId = await CreateUserAsync(email);
        var client = app.CreateBrowser();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            (await TrySignInAsync(client, email, "wrong-password-" + attempt)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var locked = await TrySignInAsync(client, email, DemoUsers.Password);

        locked.StatusCode.ShouldBe(HttpStatusCode.OK, "even the right password is refused while locked");
        (await HttpClientExtensions.ParseAsync(locked)).TextOf(".govuk-error-summary").ShouldContain("locked");
        await using var scope = app.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByIdAsync(userId);
        var lockedFor = user!.LockoutEnd!.Value - DateTimeOffset.UtcNow;
        lockedFor.TotalMinutes.ShouldBeInRange(14, 15.1);
    }

    [Fact]
    public async Task Four_wrong_passwords_do_not_lock_the_account()
    {
        const string email = "four-tries@example.gov.uk";
        await CreateUserAsync(email);
        var client = app.CreateBrowser();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            await TrySignInAsync(client, email, "wrong-password-" + attempt);
        }

        (await TrySignInAsync(client, email, DemoUsers.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_deactivated_user_cannot_sign_in()
    {
        const string email = "deactivated@example.gov.uk";
        var userId = await CreateUserAsync(email);
        await app.WithDbAsync(async db =>
        {
            (await db.Users.FindAsync(userId))!.IsActive = false;
            await db.SaveChangesAsync();
        });

        var response = await TrySignInAsync(app.CreateBrowser(), email, DemoUsers.Password);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HttpClientExtensions.ParseAsync(response)).TextOf(".govuk-error-summary").ShouldContain("deactivated");
        var guess = await TrySignInAsync(app.CreateBrowser(), email, "a wrong guess at it");
        var guessed = (await HttpClientExtensions.ParseAsync(guess)).TextOf(".govuk-error-summary");
        guessed.ShouldContain("Enter a correct email address and password");
        guessed.ShouldNotContain("deactivated");
    }

    [Fact]
    public async Task A_one_time_password_must_be_changed_before_anything_else()
    {
        const string email = "first-time@example.gov.uk";
        await CreateUserAsync(email, mustChangePassword: true);
        var client = app.CreateBrowser();

        var signIn = await TrySignInAsync(client, email, DemoUsers.Password);
        signIn.Headers.Location!.OriginalString.ShouldBe("/account/change-password");
        var elsewhere = await client.GetAsync("/");
        elsewhere.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        elsewhere.Headers.Location!.OriginalString.ShouldBe("/account/change-password");

        var changed = await client.SubmitFormAsync("/account/change-password",
        [
            new("CurrentPassword", DemoUsers.Password),
            new("NewPassword", "my own long passphrase"),
            new("ConfirmPassword", "my own long passphrase"),
        ]);

        changed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var again = app.CreateBrowser();
        await again.SignInAsync(email, "my own long passphrase");
    }

    [Fact]
    public async Task A_new_password_shorter_than_12_characters_is_refused()
    {
        const string email = "short-password@example.gov.uk";
        await CreateUserAsync(email);
        var client = app.CreateBrowser();
        await client.SignInAsync(email);

        var response = await client.SubmitFormAsync("/account/change-password",
            [new("CurrentPassword", DemoUsers.Password), new("NewPassword", "short-11ch!"), new("ConfirmPassword", "short-11ch!")]);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HttpClientExtensions.ParseAsync(response)).TextOf(".govuk-error-summary").ShouldContain("at least 12 characters");
    }

    [Fact]
    public async Task The_sign_in_cookie_is_http_only_and_same_site_lax()
    {
        var response = await TrySignInAsync(app.CreateBrowser(), DemoUsers.CommitteeMemberEmail, DemoUsers.Password);

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ScrutinyTracker.Auth=", StringComparison.Ordinal));
        cookie.ShouldContain("httponly", Case.Insensitive);
        cookie.ShouldContain("samesite=lax", Case.Insensitive);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var client = app.CreateBrowser();
        await client.SignInAsync(DemoUsers.CommitteeMemberEmail);
        var home = await client.GetDocumentAsync("/");

        var signOut = await client.SubmitFormAsync(home, [], "form[action='/account/sign-out']");

        signOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetAsync("/")).Headers.Location!.AbsolutePath.ShouldBe("/account/sign-in");
    }

    [Fact]
    public void Sessions_slide_for_8_hours_and_passwords_need_12_characters()
    {
        var cookie = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>>()
            .Get(IdentityConstants.ApplicationScheme);
        var identity = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<IdentityOptions>>().Value;

        cookie.ExpireTimeSpan.ShouldBe(TimeSpan.FromHours(8));
        cookie.SlidingExpiration.ShouldBeTrue();
        identity.Password.RequiredLength.ShouldBe(12);
        identity.Lockout.MaxFailedAccessAttempts.ShouldBe(5);
        identity.Lockout.DefaultLockoutTimeSpan.ShouldBe(TimeSpan.FromMinutes(15));
    }
}
