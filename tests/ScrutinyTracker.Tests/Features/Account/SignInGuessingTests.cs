using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Tests.Features.Account;

/// <summary>
/// Sign-in resists guessing (issue 12, point 4): limited per client address and per account name,
/// and an unknown email costs the same password-hash work as a known one.
/// </summary>
public sealed class SignInGuessingTests(SignInGuessingTests.LimitedAppFactory app) : IClassFixture<SignInGuessingTests.LimitedAppFactory>
{
    private static async Task<HttpResponseMessage> TrySignInAsync(HttpClient client, string email, string password, string address)
    {
        var page = await client.GetDocumentAsync("/account/sign-in");
        client.DefaultRequestHeaders.Remove(RemoteAddressFromHeader.Header);
        client.DefaultRequestHeaders.Add(RemoteAddressFromHeader.Header, address);
        return await client.SubmitFormAsync(page, [new("Email", email), new("Password", password)]);
    }

    [Fact]
    public async Task Too_many_attempts_from_one_address_get_429_with_a_clear_page()
    {
        var client = app.CreateBrowser();
        for (var attempt = 0; attempt < LimitedAppFactory.PerAddress; attempt++)
        {
            var allowed = await TrySignInAsync(client, $"someone{attempt}@example.gov.uk", "a wrong guess at it", "198.51.100.7");
            allowed.StatusCode.ShouldBe(HttpStatusCode.OK, $"attempt {attempt + 1}");
        }

        var refused = await TrySignInAsync(client, "another@example.gov.uk", "a wrong guess at it", "198.51.100.7");

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter.ShouldNotBeNull();
        var page = await HttpClientExtensions.ParseAsync(refused);
        page.TextOf("h1").ShouldBe("Too many attempts to sign in");
        page.TextOf("main").ShouldContain("Wait 5 minutes");
        page.Title!.ShouldStartWith("Too many attempts to sign in");
        (await TrySignInAsync(client, "another@example.gov.uk", "a wrong guess at it", "198.51.100.8")).StatusCode
            .ShouldBe(HttpStatusCode.OK, "another address has its own limit");
    }

    [Fact]
    public async Task Too_many_attempts_at_one_account_get_429_from_any_address()
    {
        var client = app.CreateBrowser();
        for (var attempt = 0; attempt < LimitedAppFactory.PerAccount; attempt++)
        {
            (await TrySignInAsync(client, "Target@Example.gov.uk", "guess " + attempt, $"203.0.113.{attempt}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var refused = await TrySignInAsync(client, " target@example.gov.uk", DemoUsers.Password, "203.0.113.200");

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests, "the account name is the same whatever its case and spaces");
        (await HttpClientExtensions.ParseAsync(refused)).TextOf("h1").ShouldBe("Too many attempts to sign in");
    }

    /// <summary>
    /// Equal time, shown by counting rather than timing: the cost of a sign-in is the password hash
    /// (PBKDF2, about 100,000 iterations); every other step is a query or two. A timed comparison on a
    /// shared 2-core machine could flake; the count cannot, and the unknown email's hash is made by the
    /// app's own hasher, so each verification costs the same.
    /// </summary>
    [Fact]
    public async Task Unknown_and_known_emails_do_the_same_password_hash_work()
    {
        var counter = app.Services.GetRequiredService<CountingPasswordHasher.Counter>();

        var unknown = await counter.DuringAsync(() => TrySignInAsync(app.CreateBrowser(), "nobody.here@example.gov.uk", "a wrong guess at it", "192.0.2.1"));
        var known = await counter.DuringAsync(() => TrySignInAsync(app.CreateBrowser(), DemoUsers.CommitteeMemberEmail, "a wrong guess at it", "192.0.2.2"));
        var right = await counter.DuringAsync(() => TrySignInAsync(app.CreateBrowser(), DemoUsers.ScrutinyOfficerEmail, DemoUsers.Password, "192.0.2.3"));

        unknown.ShouldBe(1);
        known.ShouldBe(1);
        right.ShouldBe(1);
    }

    public sealed class LimitedAppFactory : ScrutinyAppFactory
    {
        public const int PerAddress = 6;
        public const int PerAccount = 4;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("SignInLimits:PerAddress", PerAddress.ToString());
            builder.UseSetting("SignInLimits:PerAccount", PerAccount.ToString());
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, RemoteAddressFromHeader>();
                services.AddSingleton<CountingPasswordHasher.Counter>();
                services.AddScoped<IPasswordHasher<ApplicationUser>>(sp => new CountingPasswordHasher(
                    new PasswordHasher<ApplicationUser>(sp.GetRequiredService<IOptions<PasswordHasherOptions>>()),
                    sp.GetRequiredService<CountingPasswordHasher.Counter>()));
            });
        }
    }

    public sealed class CountingPasswordHasher(IPasswordHasher<ApplicationUser> inner, CountingPasswordHasher.Counter counter) : IPasswordHasher<ApplicationUser>
    {
        public string HashPassword(ApplicationUser user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref counter.Verifications);
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }

        public sealed class Counter
        {
            public int Verifications;

            public async Task<int> DuringAsync(Func<Task> work)
            {
                var before = Volatile.Read(ref Verifications);
                await work();
                return Volatile.Read(ref Verifications) - before;
            }
        }
    }
}
