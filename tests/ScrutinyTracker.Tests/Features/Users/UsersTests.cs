using System.Net;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Tests.Features.Users;

public sealed class UsersTests(ScrutinyAppFactory app) : IClassFixture<ScrutinyAppFactory>
{
    private Task<HttpClient> AdminAsync() => app.SignedInAsync(DemoUsers.AdministratorEmail);

    private static List<KeyValuePair<string, string>> NewUser(string email, string role = Roles.LinkOfficer, string password = "apple-banana-cherry-42") =>
        [new("DisplayName", "Pat Example"), new("Email", email), new("Role", role), new("OneTimePassword", password)];

    [Fact]
    public async Task An_administrator_adds_a_user_who_must_then_choose_their_own_password()
    {
        var admin = await AdminAsync();

        var created = await admin.SubmitFormAsync("/users/new", NewUser("pat.example@example.gov.uk"));

        created.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HttpClientExtensions.ParseAsync(created)).TextOf("main").ShouldContain("apple-banana-cherry-42");
        var user = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == "pat.example@example.gov.uk"));
        user.MustChangePassword.ShouldBeTrue();
        (await app.WithDbAsync(db => db.UserRoles.Where(r => r.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).SingleAsync()))
            .ShouldBe(Roles.LinkOfficer);

        var pat = app.CreateBrowser();
        var signIn = await pat.SubmitFormAsync("/account/sign-in", [new("Email", "pat.example@example.gov.uk"), new("Password", "apple-banana-cherry-42")]);
        signIn.Headers.Location!.OriginalString.ShouldBe("/account/change-password");
    }

    [Fact]
    public async Task The_add_user_form_names_every_missing_or_wrong_field()
    {
        var admin = await AdminAsync();

        var response = await admin.SubmitFormAsync("/users/new",
            [new("DisplayName", ""), new("Email", "not-an-email"), new("Role", ""), new("OneTimePassword", "short")]);

        var summary = (await HttpClientExtensions.ParseAsync(response)).TextOf(".govuk-error-summary");
        summary.ShouldContain("Enter the person's full name");
        summary.ShouldContain("Enter an email address in the correct format");
        summary.ShouldContain("Select the person's role");
        summary.ShouldContain("One-time password must be at least 12 characters");
    }

    [Fact]
    public async Task A_second_account_with_the_same_email_is_refused()
    {
        var admin = await AdminAsync();

        var response = await admin.SubmitFormAsync("/users/new", NewUser(DemoUsers.CommitteeMemberEmail));

        (await HttpClientExtensions.ParseAsync(response)).TextOf(".govuk-error-summary").ShouldContain("already an account with this email");
    }

    [Fact]
    public async Task Deactivating_asks_first_then_stops_sign_in_and_reactivating_restores_it()
    {
        var admin = await AdminAsync();
        await admin.SubmitFormAsync("/users/new", NewUser("leaver@example.gov.uk", Roles.CommitteeMember));
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "leaver@example.gov.uk").Select(u => u.Id).SingleAsync());

        var confirm = await admin.GetDocumentAsync($"/users/{userId}/deactivate");
        confirm.TextOf("h1").ShouldContain("Are you sure");
        (await admin.SubmitFormAsync(confirm, [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == userId))).IsActive.ShouldBeFalse();
        var refused = await app.CreateBrowser().SubmitFormAsync("/account/sign-in", [new("Email", "leaver@example.gov.uk"), new("Password", "apple-banana-cherry-42")]);
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);

        var show = await admin.GetDocumentAsync($"/users/{userId}");
        (await admin.SubmitFormAsync(show, [], $"form[action='/users/{userId}/reactivate']")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == userId))).IsActive.ShouldBeTrue();
    }

    [Fact]
    public async Task An_administrator_cannot_deactivate_their_own_account()
    {
        var admin = await AdminAsync();
        var adminId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == DemoUsers.AdministratorEmail).Select(u => u.Id).SingleAsync());

        var response = await admin.SubmitFormAsync($"/users/{adminId}/deactivate", []);

        (await HttpClientExtensions.ParseAsync(response)).TextOf(".govuk-error-summary").ShouldContain("cannot deactivate your own account");
        (await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == adminId))).IsActive.ShouldBeTrue();
    }

    [Fact]
    public async Task Changing_a_role_is_recorded_in_the_audit_trail()
    {
        var admin = await AdminAsync();
        await admin.SubmitFormAsync("/users/new", NewUser("mover@example.gov.uk", Roles.CommitteeMember));
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "mover@example.gov.uk").Select(u => u.Id).SingleAsync());

        var edited = await admin.SubmitFormAsync($"/users/{userId}/edit", [new("Role", Roles.ScrutinyOfficer)]);

        edited.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var roleChanges = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == typeof(Microsoft.AspNetCore.Identity.IdentityUserRole<string>).Name && a.EntityId.StartsWith(userId)).ToListAsync());
        // Each role row is audited as its two fields, UserId and RoleId: added as committee member, removed, added as scrutiny officer.
        roleChanges.Select(a => a.Kind).ShouldBe([AuditKind.Added, AuditKind.Added, AuditKind.Deleted, AuditKind.Deleted, AuditKind.Added, AuditKind.Added], ignoreOrder: true);
        roleChanges.ShouldAllBe(a => a.UserName == DemoUsers.AdministratorEmail);
    }

    [Fact]
    public async Task A_one_time_password_can_be_set_and_unlocks_the_account()
    {
        var admin = await AdminAsync();
        var userId = await app.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == DemoUsers.CommitteeMemberEmail);
            user.LockoutEnd = DateTimeOffset.UtcNow.AddMinutes(10);
            await db.SaveChangesAsync();
            return user.Id;
        });

        var response = await admin.SubmitFormAsync($"/users/{userId}/password", [new("OneTimePassword", "orbit-river-timber-velvet-7")]);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var user = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == userId));
        user.MustChangePassword.ShouldBeTrue();
        user.LockoutEnd.ShouldBeNull();
        var client = app.CreateBrowser();
        var signIn = await client.SubmitFormAsync("/account/sign-in", [new("Email", DemoUsers.CommitteeMemberEmail), new("Password", "orbit-river-timber-velvet-7")]);
        signIn.Headers.Location!.OriginalString.ShouldBe("/account/change-password");
    }

    [Fact]
    public async Task The_user_list_pages_after_25_people()
    {
        var admin = await AdminAsync();
        await app.WithDbAsync(async db =>
        {
            for (var i = 0; i < 30; i++)
            {
                db.Users.Add(new ApplicationUser { UserName = $"bulk{i}@example.gov.uk", Email = $"bulk{i}@example.gov.uk", NormalizedEmail = $"BULK{i}@EXAMPLE.GOV.UK", DisplayName = $"Bulk {i:00}" });
            }

            await db.SaveChangesAsync();
        });

        var page = await admin.GetDocumentAsync("/users?search=bulk");

        page.QuerySelectorAll("main tbody tr").Length.ShouldBe(25);
        page.QuerySelector(".govuk-pagination__next a")!.GetAttribute("href")!.ShouldContain("page=2");
        (await admin.GetDocumentAsync("/users?search=bulk&page=2")).QuerySelectorAll("main tbody tr").Length.ShouldBe(5);
    }

    [Fact]
    public async Task Renaming_someone_keeps_them_signed_in_and_a_stale_edit_is_refused()
    {
        var admin = await AdminAsync();
        await admin.SubmitFormAsync("/users/new", NewUser("renamed@example.gov.uk", Roles.CommitteeMember));
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "renamed@example.gov.uk").Select(u => u.Id).SingleAsync());
        var stampBefore = await app.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.SecurityStamp).SingleAsync());
        var staleForm = await admin.GetDocumentAsync($"/users/{userId}/edit");

        (await admin.SubmitFormAsync($"/users/{userId}/edit", [new("DisplayName", "Pat Renamed")])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stale = await admin.SubmitFormAsync(staleForm, [new("DisplayName", "Pat Overwritten")]);
        stale.StatusCode.ShouldBe(HttpStatusCode.OK, stale.Headers.Location?.ToString());

        (await app.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.SecurityStamp).SingleAsync())).ShouldBe(stampBefore);
        (await HttpClientExtensions.ParseAsync(stale)).TextOf(".govuk-error-summary").ShouldContain("Someone else changed this account");
        (await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == userId))).DisplayName.ShouldBe("Pat Renamed");

        var again = await admin.SubmitFormAsync(await HttpClientExtensions.ParseAsync(stale), []);
        again.StatusCode.ShouldBe(HttpStatusCode.Redirect, "saving again after seeing the conflict keeps this form's answers");
        (await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == userId))).DisplayName.ShouldBe("Pat Overwritten");
    }
}
