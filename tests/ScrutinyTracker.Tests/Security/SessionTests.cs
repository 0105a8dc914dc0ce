using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Infrastructure.Security.Sessions;

namespace ScrutinyTracker.Tests.Security;

/// <summary>
/// Access ends when it should (issue 12, points 1 and 2): the security stamp is checked at least every
/// minute, and sessions live on the server, so a copied cookie dies with its session. Time is the
/// app's own clock, moved by the test.
/// </summary>
public sealed class SessionTests(TimeControlledAppFactory app) : IClassFixture<TimeControlledAppFactory>
{
    private static readonly TimeSpan PastTheInterval = TimeSpan.FromSeconds(61);

    private static bool IsSentToSignIn(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.AbsolutePath == "/account/sign-in";

    [Fact]
    public void The_stamp_is_checked_every_minute_at_most()
    {
        app.Services.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value.ValidationInterval
            .ShouldBeLessThanOrEqualTo(TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task A_new_security_stamp_alone_ends_an_old_cookie_once_the_interval_passes()
    {
        const string email = "stamp.only@example.gov.uk";
        var userId = await app.CreateUserAsync(email, Roles.CommitteeMember);
        var member = await app.SignedInAsync(email);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            await users.UpdateSecurityStampAsync((await users.FindByIdAsync(userId))!);
        }

        (await member.GetAsync("/dashboard")).StatusCode.ShouldBe(HttpStatusCode.OK, "not checked again yet");
        app.Clock.Advance(PastTheInterval);

        IsSentToSignIn(await member.GetAsync("/dashboard")).ShouldBeTrue("the check finds the new stamp and ends the session");
        (await app.WithDbAsync(db => db.UserSessions.CountAsync(s => s.UserId == userId))).ShouldBe(0);
    }

    [Fact]
    public async Task A_deactivated_link_officers_old_cookie_is_refused()
    {
        const string email = "deactivated.officer@example.gov.uk";
        var userId = await app.CreateUserAsync(email, Roles.LinkOfficer);
        var officer = await app.SignedInAsync(email);
        (await officer.GetAsync("/my-updates")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var admin = await app.SignedInAsync(DemoUsers.AdministratorEmail);

        (await admin.SubmitFormAsync($"/users/{userId}/deactivate", [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        app.Clock.Advance(PastTheInterval);

        IsSentToSignIn(await officer.GetAsync("/my-updates")).ShouldBeTrue();
        var signIn = await app.CreateBrowser().SubmitFormAsync("/account/sign-in", [new("Email", email), new("Password", DemoUsers.Password)]);
        signIn.StatusCode.ShouldBe(HttpStatusCode.OK, "and cannot sign in again");
    }

    [Fact]
    public async Task A_deactivated_committee_member_is_refused_at_once_though_their_session_and_report_are_cached()
    {
        const string email = "cached.member@example.gov.uk";
        var userId = await app.CreateUserAsync(email, Roles.CommitteeMember);
        var member = await app.SignedInAsync(email);
        var report = $"/reviews/{await app.WithDbAsync(db => db.Reviews.Where(r => r.Title == "Hate Crime").Select(r => r.Id).SingleAsync())}/report";
        await member.GetStringAsync("/");
        (await member.GetAsync(report)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await member.GetAsync(report)).StatusCode.ShouldBe(HttpStatusCode.OK, "served from the output cache, the session from this instance's copy");
        app.Services.GetRequiredService<SessionCache>().Find(await SessionKeyAsync(userId)).ShouldNotBeNull("the session is cached");
        var admin = await app.SignedInAsync(DemoUsers.AdministratorEmail);

        (await admin.SubmitFormAsync($"/users/{userId}/deactivate", [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        IsSentToSignIn(await member.GetAsync(report)).ShouldBeTrue("no time has passed: the cached session was forgotten when the account changed");
        IsSentToSignIn(await member.GetAsync("/dashboard")).ShouldBeTrue();
    }

    [Fact]
    public async Task A_role_change_ends_a_cached_session_at_once()
    {
        const string email = "cached.officer@example.gov.uk";
        var userId = await app.CreateUserAsync(email, Roles.ScrutinyOfficer);
        var officer = await app.SignedInAsync(email);
        (await officer.GetAsync("/select-committees")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await officer.GetAsync("/select-committees")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var admin = await app.SignedInAsync(DemoUsers.AdministratorEmail);

        (await admin.SubmitFormAsync($"/users/{userId}/edit", [new("Role", Roles.CommitteeMember)])).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        IsSentToSignIn(await officer.GetAsync("/select-committees")).ShouldBeTrue("no time has passed");
    }

    [Fact]
    public async Task Another_instances_end_of_a_session_is_seen_once_the_cached_copy_is_older_than_the_cache_duration()
    {
        const string email = "other.instance@example.gov.uk";
        var userId = await app.CreateUserAsync(email, Roles.CommitteeMember);
        var member = await app.SignedInAsync(email);
        (await member.GetAsync("/dashboard")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // As another instance would: the row is deleted without this instance's knowledge.
        await app.WithDbAsync(db => db.UserSessions.Where(s => s.UserId == userId).ExecuteDeleteAsync());
        var duration = app.Services.GetRequiredService<IOptions<ScrutinyTracker.Web.Infrastructure.Security.SignInSessionOptions>>().Value.CacheDuration;
        (await member.GetAsync("/dashboard")).StatusCode.ShouldBe(HttpStatusCode.OK, "within the cache duration this instance still has its copy");
        app.Clock.Advance(duration);

        IsSentToSignIn(await member.GetAsync("/dashboard")).ShouldBeTrue();
    }

    [Fact]
    public async Task A_scrutiny_officer_changed_to_committee_member_can_no_longer_add_select_committees()
    {
        const string email = "demoted.officer@example.gov.uk";
        var userId = await app.CreateUserAsync(email, Roles.ScrutinyOfficer);
        var officer = await app.SignedInAsync(email);
        var form = await officer.GetDocumentAsync("/select-committees");
        var admin = await app.SignedInAsync(DemoUsers.AdministratorEmail);

        var edit = await admin.SubmitFormAsync($"/users/{userId}/edit", [new("Role", Roles.CommitteeMember)]);
        edit.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        app.Clock.Advance(PastTheInterval);

        var added = await officer.SubmitFormAsync(form, [new("Form.Name", "Committee Added After Demotion")]);
        IsSentToSignIn(added).ShouldBeTrue();
        (await app.WithDbAsync(db => db.SelectCommittees.AnyAsync(c => c.Name == "Committee Added After Demotion"))).ShouldBeFalse();
        var again = await app.SignedInAsync(email);
        (await again.GetAsync("/select-committees")).Headers.Location!.OriginalString.ShouldContain("/account/access-denied", Case.Sensitive, "signed in again, they have the new role");
    }

    [Fact]
    public async Task A_password_set_by_an_administrator_ends_the_old_passwords_sessions()
    {
        const string email = "new.password@example.gov.uk";
        var userId = await app.CreateUserAsync(email, Roles.CommitteeMember);
        var member = await app.SignedInAsync(email);
        var admin = await app.SignedInAsync(DemoUsers.AdministratorEmail);

        (await admin.SubmitFormAsync($"/users/{userId}/password", [])).StatusCode.ShouldBe(HttpStatusCode.OK);

        IsSentToSignIn(await member.GetAsync("/dashboard")).ShouldBeTrue();
    }

    [Fact]
    public async Task A_cookie_copied_before_signing_out_is_refused_afterwards()
    {
        var browser = app.CreateBrowser();
        var signIn = await browser.SubmitFormAsync("/account/sign-in", [new("Email", DemoUsers.CommitteeMemberEmail), new("Password", DemoUsers.Password)]);
        var copy = CopyWithCookie(signIn);
        (await copy.GetAsync("/dashboard")).StatusCode.ShouldBe(HttpStatusCode.OK, "the copy works while the session lasts");

        var home = await browser.GetDocumentAsync("/");
        (await browser.SubmitFormAsync(home, [], "form[action='/account/sign-out']")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        IsSentToSignIn(await copy.GetAsync("/dashboard")).ShouldBeTrue();
    }

    [Fact]
    public async Task An_administrator_sees_a_persons_sessions_and_ends_one_or_all()
    {
        const string email = "many.sessions@example.gov.uk";
        var userId = await app.CreateUserAsync(email, Roles.CommitteeMember);
        var laptop = app.CreateBrowser();
        laptop.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0");
        await laptop.SignInAsync(email);
        var phone = app.CreateBrowser();
        phone.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1");
        await phone.SignInAsync(email);
        var tablet = await app.SignedInAsync(email);
        var admin = await app.SignedInAsync(DemoUsers.AdministratorEmail);

        var page = await admin.GetDocumentAsync($"/users/{userId}/sessions");
        var browsers = page.QuerySelectorAll("main tbody th").Select(th => th.TextContent.Trim()).ToList();
        browsers.ShouldBe(["Firefox on Windows", "Safari on iPhone", "Unknown browser"], ignoreOrder: true);
        page.QuerySelectorAll("main tbody td").Select(td => td.TextContent).ShouldContain(t => t.Contains(" at "), "when they signed in and were last seen");

        var laptopKey = await app.WithDbAsync(db => db.UserSessions.Where(s => s.UserId == userId && s.UserAgent!.Contains("Firefox")).Select(s => s.Key).SingleAsync());
        var ended = await admin.SubmitFormAsync(page, [], $"form[action$='/sessions/{laptopKey}/end']");
        ended.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        IsSentToSignIn(await laptop.GetAsync("/dashboard")).ShouldBeTrue();
        (await phone.GetAsync("/dashboard")).StatusCode.ShouldBe(HttpStatusCode.OK, "only that session ended");

        var everywhere = await admin.SubmitFormAsync($"/users/{userId}/sessions", [], "form[action$='/sessions/end-all']");
        everywhere.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        IsSentToSignIn(await phone.GetAsync("/dashboard")).ShouldBeTrue();
        IsSentToSignIn(await tablet.GetAsync("/dashboard")).ShouldBeTrue();
        (await admin.GetDocumentAsync($"/users/{userId}/sessions")).TextOf("main").ShouldContain("is not signed in anywhere");
    }

    [Fact]
    public async Task Sessions_slide_while_used_and_expired_ones_are_refused_and_deleted()
    {
        const string email = "sliding.session@example.gov.uk";
        var userId = await app.CreateUserAsync(email, Roles.CommitteeMember);
        var used = await app.SignedInAsync(email);
        var idle = await app.SignedInAsync(email);
        var signedIn = app.Clock.GetUtcNow().UtcDateTime;

        app.Clock.Advance(TimeSpan.FromHours(5));
        (await used.GetAsync("/dashboard")).StatusCode.ShouldBe(HttpStatusCode.OK);
        app.Clock.Advance(TimeSpan.FromHours(4));

        (await used.GetAsync("/dashboard")).StatusCode.ShouldBe(HttpStatusCode.OK, "used 5 hours in, it slid past the first 8 hours");
        IsSentToSignIn(await idle.GetAsync("/dashboard")).ShouldBeTrue("unused for 9 hours, it expired");
        var sessions = await app.WithDbAsync(db => db.UserSessions.AsNoTracking().Where(s => s.UserId == userId).ToListAsync());
        sessions.ShouldHaveSingleItem().ExpiresAtUtc.ShouldBeGreaterThan(signedIn.AddHours(8));
        sessions[0].LastSeenAtUtc.ShouldBeGreaterThan(signedIn.AddHours(8));
    }

    [Fact]
    public async Task Expired_sessions_are_cleaned_up()
    {
        const string email = "forgotten.session@example.gov.uk";
        var userId = await app.CreateUserAsync(email, Roles.CommitteeMember);
        await app.SignedInAsync(email);

        app.Clock.Advance(TimeSpan.FromHours(9));
        await app.Services.GetRequiredService<ExpiredSessionCleanup>().DeleteExpiredAsync();

        (await app.WithDbAsync(db => db.UserSessions.CountAsync(s => s.UserId == userId))).ShouldBe(0);
    }

    private Task<string> SessionKeyAsync(string userId) =>
        app.WithDbAsync(db => db.UserSessions.Where(s => s.UserId == userId).Select(s => s.Key).SingleAsync());

    /// <summary>A second client that sends only the sign-in cookie taken from <paramref name="signIn"/>, as an attacker holding a copy would.</summary>
    private HttpClient CopyWithCookie(HttpResponseMessage signIn)
    {
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ScrutinyTracker.Auth=", StringComparison.Ordinal)).Split(';')[0];
        var copy = app.CreateDefaultClient(new NoCookies());
        copy.DefaultRequestHeaders.Add("Cookie", cookie);
        return copy;
    }

    private sealed class NoCookies : DelegatingHandler;
}
