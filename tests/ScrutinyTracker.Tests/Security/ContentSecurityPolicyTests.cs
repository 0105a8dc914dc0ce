using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Http;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Tests.Security;

/// <summary>
/// A Content-Security-Policy on every page (issue 12, point 5): scripts only from the app's own files,
/// with no nonce and never 'unsafe-inline'; and no view carries an inline script, an inline style or an
/// event-handler attribute.
/// </summary>
public sealed partial class ContentSecurityPolicyTests(MatrixFactory app) : IClassFixture<MatrixFactory>
{
    [Fact]
    public async Task Every_page_has_a_strict_policy_and_no_inline_script()
    {
        await app.PrepareAsync();
        var admin = await app.SignedInAsync(DemoUsers.AdministratorEmail);
        var anonymous = app.CreateBrowser();
        var matrix = new AuthorizationMatrixTests(app, new NullOutput());
        var failures = new List<string>();
        var pages = 0;

        foreach (var endpoint in matrix.Endpoints().Where(e => e.Method == HttpMethods.Get))
        {
            var client = EndpointRules.ByEndpoint[endpoint.Key].Anonymous ? anonymous : admin;
            var response = await client.GetAsync(endpoint.Url(app.Own));
            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            pages++;
            failures.AddRange(await CheckAsync(endpoint.Key, response));
        }

        foreach (var (client, url) in new[] { (admin, "/no-such-page"), (anonymous, "/error/429"), (anonymous, "/error/needs-https"), (admin, "/error") })
        {
            failures.AddRange(await CheckAsync(url, await client.GetAsync(url)));
        }

        failures.ShouldBeEmpty();
        pages.ShouldBeGreaterThan(20, "the reviews, reports, forms, users and account pages are all HTML");
    }

    [Theory]
    [InlineData("/css/app.css")]
    [InlineData("/health")]
    public async Task Files_and_the_health_check_have_the_policy_too(string url)
    {
        var response = await app.CreateBrowser().GetAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Policy(response).ShouldNotBeNull();
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        response.Headers.GetValues("X-Frame-Options").ShouldBe(["DENY"]);
    }

    [Fact]
    public void No_view_has_an_inline_script_an_inline_style_or_an_event_handler()
    {
        var views = Directory.EnumerateFiles(Path.Combine(ComposeFile.RepositoryRoot(), "src", "ScrutinyTracker.Web", "Features"), "*.cshtml", SearchOption.AllDirectories)
            // The printed PDF's page inlines app.css because the printing browser fetches nothing; it is
            // never served over HTTP, and is printed with JavaScript off.
            .Where(path => Path.GetFileName(path) != "_PrintLayout.cshtml")
            .ToList();
        var failures = new List<string>();
        foreach (var view in views)
        {
            var text = File.ReadAllText(view);
            var name = Path.GetRelativePath(ComposeFile.RepositoryRoot(), view);
            failures.AddRange(ScriptTag().Matches(text).Where(m => !m.Value.Contains("src="))
                .Select(m => $"{name}: inline script: {m.Value}"));
            failures.AddRange(InlineStyle().Matches(text).Select(m => $"{name}: inline style: {m.Value}"));
            failures.AddRange(EventHandler().Matches(text).Select(m => $"{name}: event-handler attribute: {m.Value}"));
        }

        views.Count.ShouldBeGreaterThan(40);
        failures.ShouldBeEmpty();
    }

    private static async Task<IEnumerable<string>> CheckAsync(string name, HttpResponseMessage response)
    {
        var failures = new List<string>();
        var policy = Policy(response);
        if (policy is null)
        {
            return [$"{name}: no Content-Security-Policy header"];
        }

        var scriptSrc = policy.Split(';').Select(d => d.Trim()).FirstOrDefault(d => d.StartsWith("script-src ", StringComparison.Ordinal));
        if (scriptSrc != "script-src 'self'")
        {
            return [$"{name}: script-src is not only 'self': {policy}"];
        }

        foreach (var directive in new[] { "default-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "base-uri 'self'", "form-action 'self'" })
        {
            if (!policy.Contains(directive))
            {
                failures.Add($"{name}: missing {directive}");
            }
        }

        var page = await HttpClientExtensions.ParseAsync(response);
        failures.AddRange(page.QuerySelectorAll("script:not([src])")
            .Select(s => $"{name}: inline script: {s.OuterHtml[..Math.Min(80, s.OuterHtml.Length)]}"));
        failures.AddRange(page.QuerySelectorAll("[style], style").Select(e => $"{name}: inline style on <{e.LocalName}>"));
        failures.AddRange(page.All.SelectMany(e => e.Attributes).Where(a => a.Name.StartsWith("on", StringComparison.Ordinal))
            .Select(a => $"{name}: event handler {a.Name}"));
        return failures;
    }

    private static string? Policy(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Content-Security-Policy", out var values) ? values.Single() : null;

    [GeneratedRegex(@"<script\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();

    [GeneratedRegex(@"<style\b|\sstyle\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineStyle();

    [GeneratedRegex(@"\son[a-z]+\s*=\s*[""']", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandler();

    private sealed class NullOutput : Xunit.Abstractions.ITestOutputHelper
    {
        public void WriteLine(string message) { }

        public void WriteLine(string format, params object[] args) { }
    }
}
