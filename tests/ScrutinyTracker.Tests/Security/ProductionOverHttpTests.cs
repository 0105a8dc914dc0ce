using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Features.Users;

namespace ScrutinyTracker.Tests.Security;

/// <summary>
/// The app as docker-compose.yml starts it (Production, its environment variables) but on SQLite, as
/// no SQL Server runs here, reached over plain HTTP (issue 12, point 3): the README's trial on
/// http://localhost:8080 works, other plain-HTTP requests get a clear page, never a 500, and
/// X-Forwarded-Proto is believed only from a configured proxy.
/// </summary>
public sealed class ProductionOverHttpTests : IClassFixture<ProductionOverHttpTests.ComposeAppFactory>
{
    private const string Proxy = "10.0.0.5";
    private readonly ComposeAppFactory _app;

    public ProductionOverHttpTests(ComposeAppFactory app) => _app = app;

    [Fact]
    public void The_compose_file_sets_what_this_test_applies()
    {
        var environment = ComposeFile.AppEnvironment();

        environment.Keys.ShouldContain("Database__Provider");
        environment.Keys.ShouldContain("DataProtection__KeysPath");
        environment.Keys.ShouldNotContain("ASPNETCORE_FORWARDEDHEADERS_ENABLED", "it would trust X-Forwarded-* from anyone");
        environment["ForwardedHeaders__KnownProxies__0"].ShouldBe("", "no proxy is trusted unless .env names one");
    }

    [Fact]
    public async Task The_trial_on_localhost_8080_signs_in_over_plain_http()
    {
        var browser = _app.LocalBrowser();

        var signInPage = await browser.GetAsync("/account/sign-in");
        signInPage.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await browser.GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await _app.CreateAdministratorAsync("trial.admin@council.gov.uk", "harbour-lantern-pebble-orbit");
        var signIn = await browser.SubmitFormAsync("/account/sign-in", [new("Email", "trial.admin@council.gov.uk"), new("Password", "harbour-lantern-pebble-orbit")]);
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signIn.Headers.Location!.OriginalString.ShouldBe("/");
        (await browser.GetAsync("/users")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("GET", "/account/sign-in")]
    [InlineData("POST", "/account/sign-in")]
    [InlineData("GET", "/")]
    public async Task Plain_http_to_any_other_host_gets_the_needs_https_page(string method, string path)
    {
        var client = _app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("http://scrutiny.example-council.gov.uk") });

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "POST" ? new FormUrlEncodedContent([]) : null });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await HttpClientExtensions.ParseAsync(response)).TextOf("h1").ShouldBe("This service needs a secure connection");
        response.Headers.Location.ShouldBeNull("never redirected to an HTTPS address that may not exist");
    }

    [Fact]
    public async Task Https_forwarded_by_the_configured_proxy_is_served()
    {
        var client = _app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("http://scrutiny.example-council.gov.uk") });
        var request = new HttpRequestMessage(HttpMethod.Get, "/account/sign-in");
        request.Headers.Add(RemoteAddressFromHeader.Header, Proxy);
        request.Headers.Add("X-Forwarded-Proto", "https");

        var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("Set-Cookie").ShouldContain(c => c.StartsWith("ScrutinyTracker.Antiforgery=", StringComparison.Ordinal) && c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task X_Forwarded_Proto_from_anyone_else_is_ignored()
    {
        var client = _app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("http://scrutiny.example-council.gov.uk") });
        var request = new HttpRequestMessage(HttpMethod.Get, "/account/sign-in");
        request.Headers.Add(RemoteAddressFromHeader.Header, "192.0.2.44");
        request.Headers.Add("X-Forwarded-Proto", "https");

        (await client.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    public sealed class ComposeAppFactory : ScrutinyAppFactory
    {
        private readonly string _keys = Path.Combine(Path.GetTempPath(), $"scrutinytracker-keys-{Guid.NewGuid():N}");

        protected override Uri BaseAddress => new("http://localhost:8080");

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            foreach (var (name, value) in ComposeFile.AppEnvironment())
            {
                builder.UseSetting(name.Replace("__", ":", StringComparison.Ordinal), value);
            }

            builder.UseEnvironment("Production");
            // SQLite for the compose file's SQL Server, and a folder of this test's own for the keys volume.
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("Database:ConnectionString", ConnectionString);
            builder.UseSetting("DataProtection:KeysPath", _keys);
            builder.UseSetting("ForwardedHeaders:KnownProxies:0", Proxy);
            builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, RemoteAddressFromHeader>());
        }

        /// <summary>
        /// A client that keeps the app's cookies, Secure ones too, as browsers do for http://localhost
        /// (a secure context), where .NET's cookie container would drop them.
        /// </summary>
        public HttpClient LocalBrowser()
        {
            var client = CreateDefaultClient(BaseAddress, new LocalhostCookieJar());
            return client;
        }

        public async Task CreateAdministratorAsync(string email, string password)
        {
            await using var scope = Services.CreateAsyncScope();
            var output = new StringWriter();
            var exit = await scope.ServiceProvider.GetRequiredService<CreateAdminCommand>()
                .RunAsync(["--email", email, "--name", "Trial Admin"], new StringReader(password + "\n"), output, inputRedirected: true);
            exit.ShouldBe(0, output.ToString());
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (Directory.Exists(_keys))
            {
                Directory.Delete(_keys, recursive: true);
            }
        }
    }

    private sealed class LocalhostCookieJar : DelegatingHandler
    {
        private readonly Dictionary<string, string> _cookies = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (_cookies.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
            {
                foreach (var pair in setCookies.Select(c => c.Split(';')[0].Split('=', 2)))
                {
                    _cookies[pair[0]] = pair[1];
                }
            }

            return response;
        }
    }
}
