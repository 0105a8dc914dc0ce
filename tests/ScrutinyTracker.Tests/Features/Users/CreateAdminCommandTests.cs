using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Features.Users;

namespace ScrutinyTracker.Tests.Features.Users;

/// <summary>Production starts with no accounts; the first administrator comes from the create-admin command.</summary>
public sealed class CreateAdminCommandTests(ProductionAppFactory app) : IClassFixture<ProductionAppFactory>
{
    private async Task<(int ExitCode, string Output)> RunAsync(string password, params string[] args)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var output = new StringWriter();
        var exit = await scope.ServiceProvider.GetRequiredService<CreateAdminCommand>()
            .RunAsync(args, new StringReader(password + "\n"), output, inputRedirected: true);
        return (exit, output.ToString());
    }

    [Fact]
    public async Task Production_has_no_accounts_and_no_demo_reviews()
    {
        _ = app.Server;
        (await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email!.EndsWith("@example.gov.uk")))).ShouldBeFalse();
        (await app.WithDbAsync(db => db.Reviews.AnyAsync())).ShouldBeFalse();
    }

    [Fact]
    public async Task Creates_an_administrator_who_can_sign_in()
    {
        var (exit, output) = await RunAsync("a long enough admin passphrase", "--email", "first.admin@council.gov.uk", "--name", "First Admin");

        exit.ShouldBe(0, output);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var admin = await users.FindByEmailAsync("first.admin@council.gov.uk");
        admin.ShouldNotBeNull().DisplayName.ShouldBe("First Admin");
        (await users.IsInRoleAsync(admin, Roles.Administrator)).ShouldBeTrue();

        var client = app.CreateBrowser();
        var signIn = await client.SubmitFormAsync("/account/sign-in", [new("Email", "first.admin@council.gov.uk"), new("Password", "a long enough admin passphrase")]);
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signIn.Headers.Location!.OriginalString.ShouldBe("/");
    }

    [Fact]
    public async Task Refuses_a_weak_password_and_creates_nobody()
    {
        var (exit, output) = await RunAsync("short", "--email", "weak@council.gov.uk");

        exit.ShouldBe(1);
        output.ShouldContain("at least 12 characters");
        (await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "weak@council.gov.uk"))).ShouldBeFalse();
    }

    [Fact]
    public async Task Refuses_an_email_that_already_has_an_account()
    {
        (await RunAsync("a long enough admin passphrase", "--email", "twice@council.gov.uk")).ExitCode.ShouldBe(0);

        var (exit, output) = await RunAsync("another long passphrase", "--email", "twice@council.gov.uk");

        exit.ShouldBe(1);
        output.ShouldContain("already exists");
    }

    [Fact]
    public async Task Explains_its_usage_without_an_email()
    {
        var (exit, output) = await RunAsync("whatever");

        exit.ShouldBe(2);
        output.ShouldContain("Usage: create-admin --email");
    }

    [Fact]
    public async Task Outside_development_the_sign_in_cookie_is_secure()
    {
        (await RunAsync("a long enough admin passphrase", "--email", "cookie.admin@council.gov.uk")).ExitCode.ShouldBe(0);

        var response = await app.CreateBrowser().SubmitFormAsync("/account/sign-in",
            [new("Email", "cookie.admin@council.gov.uk"), new("Password", "a long enough admin passphrase")]);

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ScrutinyTracker.Auth=", StringComparison.Ordinal));
        cookie.ShouldContain("secure", Case.Insensitive);
        cookie.ShouldContain("httponly", Case.Insensitive);
    }
}
