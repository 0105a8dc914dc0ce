using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;
using Xunit.Abstractions;

namespace ScrutinyTracker.Tests.Security;

/// <summary>
/// Every MVC endpoint, found in the app's endpoint data source, checked against <see cref="EndpointRules"/>:
/// as anonymous, as each role, and for link officers on a review they are not assigned to. An endpoint
/// without a rule fails, so nothing new ships unguarded. GETs are really requested; POSTs are requested
/// where the answer must be a refusal, and their policies are evaluated where the role is allowed (a
/// real allowed POST would change the data the other checks rely on).
/// </summary>
public sealed class AuthorizationMatrixTests(MatrixFactory app, ITestOutputHelper output) : IClassFixture<MatrixFactory>
{
    private static readonly string[] ReviewScopedParameters = ["reviewId", "roundId", "recommendationId", "partId", "actionId", "updateId"];

    private static readonly Dictionary<string, string> EmailOf = new()
    {
        [Roles.Administrator] = DemoUsers.AdministratorEmail,
        [Roles.ScrutinyOfficer] = DemoUsers.ScrutinyOfficerEmail,
        [Roles.LinkOfficer] = DemoUsers.LinkOfficerEmail,
        [Roles.CommitteeMember] = DemoUsers.CommitteeMemberEmail,
    };

    internal IReadOnlyList<AppEndpoint> Endpoints()
    {
        _ = app.Server;
        return app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ControllerActionDescriptor>() is not null)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"])
                .Select(method => new AppEndpoint(method, "/" + e.RoutePattern.RawText!.TrimStart('/'), e)))
            .ToList();
    }

    [Fact]
    public void Every_endpoint_has_a_rule_and_every_rule_an_endpoint()
    {
        var endpoints = Endpoints().Select(e => e.Key).ToHashSet();

        endpoints.Where(e => !EndpointRules.ByEndpoint.ContainsKey(e)).ShouldBeEmpty(
            "these endpoints have no line in EndpointRules: add one saying who may call them");
        EndpointRules.ByEndpoint.Keys.Where(k => !endpoints.Contains(k)).ShouldBeEmpty(
            "these rules name endpoints that no longer exist");
        endpoints.ShouldNotContain(e => e.StartsWith("ANY ", StringComparison.Ordinal), "every action declares its HTTP method");
    }

    [Fact]
    public async Task Anonymous_visitors_reach_only_the_public_endpoints()
    {
        await app.PrepareAsync();
        var client = app.CreateBrowser();
        var failures = new List<string>();
        foreach (var endpoint in Endpoints())
        {
            var rule = EndpointRules.ByEndpoint[endpoint.Key];
            var response = await SendAsync(client, endpoint, app.Own, token: null);
            var refused = IsSignInChallenge(response);
            if (rule.Anonymous == refused)
            {
                failures.Add($"{endpoint.Key}: anonymous got {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        failures.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(Roles.Administrator)]
    [InlineData(Roles.ScrutinyOfficer)]
    [InlineData(Roles.LinkOfficer)]
    [InlineData(Roles.CommitteeMember)]
    public async Task Each_role_reaches_exactly_what_the_table_allows(string role)
    {
        await app.PrepareAsync();
        var client = app.CreateBrowser();
        await client.SignInAsync(EmailOf[role]);
        var token = await AntiforgeryTokenAsync(client);
        var principal = await PrincipalAsync(role);
        var failures = new List<string>();

        foreach (var endpoint in Endpoints())
        {
            var rule = EndpointRules.ByEndpoint[endpoint.Key];
            var allowed = rule.AllowedRoles.Contains(role);
            if (allowed && endpoint.Method != HttpMethods.Get)
            {
                if (!await PoliciesAllowAsync(endpoint, principal))
                {
                    failures.Add($"{endpoint.Key}: {role} should be allowed but the endpoint's policies refuse");
                }

                continue;
            }

            var response = await SendAsync(client, endpoint, app.OwnFor(role), token);
            var status = (int)response.StatusCode;
            output.WriteLine($"{role} {endpoint.Key} → {status}");
            // Public pages (sign-in, error pages) answer with their own status codes; only a challenge refuses them.
            var refused = rule.Anonymous ? IsSignInChallenge(response) || IsAccessDenied(response) : IsRefusal(response);
            if (allowed && (refused || (status >= 500 && !rule.Anonymous)))
            {
                failures.Add($"{endpoint.Key}: {role} should be allowed but got {status} {response.Headers.Location}");
            }
            else if (!allowed && !IsRefusal(response))
            {
                failures.Add($"{endpoint.Key}: {role} should be refused but got {status}");
            }
        }

        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_link_officer_gets_not_found_for_every_page_of_a_review_they_are_not_assigned_to()
    {
        await app.PrepareAsync();
        var client = app.CreateBrowser();
        await client.SignInAsync(DemoUsers.LinkOfficerEmail);
        var token = await AntiforgeryTokenAsync(client);
        var failures = new List<string>();
        var checkedEndpoints = 0;

        foreach (var endpoint in Endpoints().Where(e => e.Parameters.Any(p => ReviewScopedParameters.Contains(p))))
        {
            var rule = EndpointRules.ByEndpoint[endpoint.Key];
            if (!rule.AllowedRoles.Contains(Roles.LinkOfficer))
            {
                continue;
            }

            checkedEndpoints++;

            var response = await SendAsync(client, endpoint, app.Other, token);
            if (response.StatusCode != HttpStatusCode.NotFound)
            {
                failures.Add($"{endpoint.Key}: got {(int)response.StatusCode} for another review");
            }
            else if ((await response.Content.ReadAsStringAsync()).Contains(MatrixFactory.OtherReviewTitle, StringComparison.Ordinal))
            {
                failures.Add($"{endpoint.Key}: the not-found page shows the other review's title");
            }
        }

        failures.ShouldBeEmpty();
        checkedEndpoints.ShouldBeGreaterThan(5, "the round form, its posts and the reports are review pages a link officer may use");
    }

    [Fact]
    public async Task Every_post_is_refused_without_an_antiforgery_token()
    {
        await app.PrepareAsync();
        var failures = new List<string>();
        // The error pages answer POST only to show a failed POST's error; they change nothing.
        foreach (var endpoint in Endpoints().Where(e => e.Method == HttpMethods.Post && !e.Template.StartsWith("/error", StringComparison.Ordinal)))
        {
            var rule = EndpointRules.ByEndpoint[endpoint.Key];
            var client = app.CreateBrowser();
            if (!rule.Anonymous)
            {
                await client.SignInAsync(EmailOf[rule.AllowedRoles.Contains(Roles.Administrator) ? Roles.Administrator : rule.AllowedRoles.First()]);
            }

            var response = await SendAsync(client, endpoint, app.Own, token: null);
            if (response.StatusCode != HttpStatusCode.BadRequest)
            {
                failures.Add($"{endpoint.Key}: without a token got {(int)response.StatusCode}");
            }
        }

        failures.ShouldBeEmpty();
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, AppEndpoint endpoint, IReadOnlyDictionary<string, string> ids, string? token)
    {
        var url = endpoint.Url(ids);
        if (endpoint.Method == HttpMethods.Get)
        {
            return await client.GetAsync(url);
        }

        var fields = token is null ? [] : new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", token) };
        return await client.SendAsync(new HttpRequestMessage(new HttpMethod(endpoint.Method), url) { Content = new FormUrlEncodedContent(fields) });
    }

    private static bool IsSignInChallenge(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Unauthorized
        || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.AbsolutePath.StartsWith("/account/sign-in", StringComparison.Ordinal));

    private static bool IsAccessDenied(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/account/access-denied", StringComparison.Ordinal);

    private static bool IsRefusal(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.Unauthorized
        || (response.StatusCode == HttpStatusCode.Redirect
            && response.Headers.Location!.OriginalString is var location
            && (location.Contains("/account/access-denied", StringComparison.Ordinal) || location.Contains("/account/sign-in", StringComparison.Ordinal)));

    /// <summary>Any page's sign-out form carries a token valid for this user.</summary>
    private static async Task<string> AntiforgeryTokenAsync(HttpClient client)
    {
        var page = await client.GetDocumentAsync("/account/change-password");
        return page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
    }

    private async Task<ClaimsPrincipal> PrincipalAsync(string role)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ApplicationUser>>();
        var factory = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.IUserClaimsPrincipalFactory<ApplicationUser>>();
        return await factory.CreateAsync((await users.FindByEmailAsync(EmailOf[role]))!);
    }

    private async Task<bool> PoliciesAllowAsync(AppEndpoint endpoint, ClaimsPrincipal principal)
    {
        var provider = app.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var policy = await AuthorizationPolicy.CombineAsync(provider,
                endpoint.Endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>(),
                endpoint.Endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>())
            ?? await provider.GetFallbackPolicyAsync();
        if (policy is null || endpoint.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return true;
        }

        var result = await app.Services.GetRequiredService<IAuthorizationService>().AuthorizeAsync(principal, policy);
        return result.Succeeded;
    }
}

internal sealed record AppEndpoint(string Method, string Template, RouteEndpoint Endpoint)
{
    public string Key => $"{Method} {Template}";

    public IEnumerable<string> Parameters => Endpoint.RoutePattern.Parameters.Select(p => p.Name);

    public string Url(IReadOnlyDictionary<string, string> ids)
    {
        var url = Template;
        foreach (var parameter in Endpoint.RoutePattern.Parameters)
        {
            if (!ids.TryGetValue(parameter.Name, out var value))
            {
                throw new InvalidOperationException($"{Key}: add a sample value for the route parameter '{parameter.Name}' in MatrixFactory");
            }

            var start = url.IndexOf("{" + parameter.Name, StringComparison.Ordinal);
            var end = url.IndexOf('}', start);
            url = url[..start] + Uri.EscapeDataString(value) + url[(end + 1)..];
        }

        return url;
    }
}
