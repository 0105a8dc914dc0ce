using Microsoft.AspNetCore.Routing.Template;

namespace ScrutinyTracker.Web.Infrastructure.Security;

/// <summary>
/// Where signing in may return to: a page of this app that answers GET. A form's POST address is not
/// one (returning there answered 405 and lost the form); the page the form was on is.
/// </summary>
public sealed class ReturnUrls(EndpointDataSource endpoints)
{
    private readonly Lazy<IReadOnlyList<TemplateMatcher>> _pages = new(() => endpoints.Endpoints
        .OfType<RouteEndpoint>()
        .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains(HttpMethods.Get) ?? true)
        .Where(e => e.RoutePattern.RawText is { } raw && !raw.StartsWith("error", StringComparison.Ordinal) && !raw.StartsWith("account/sign-in", StringComparison.Ordinal))
        .Select(e => new TemplateMatcher(TemplateParser.Parse(e.RoutePattern.RawText!.TrimStart('/')), []))
        .ToList());

    /// <summary>The URL if it is a local page that answers GET, else null.</summary>
    public string? PageOrNull(string? url)
    {
        if (string.IsNullOrEmpty(url) || url[0] != '/' || (url.Length > 1 && url[1] is '/' or '\\') || url.Any(char.IsControl))
        {
            return null;
        }

        var path = url.Split('?', '#')[0];
        return _pages.Value.Any(page => page.TryMatch(path, [])) ? url : null;
    }

    /// <summary>The page a request came from (its Referer), if it is one of this app's GET pages.</summary>
    public string? FromReferrer(HttpRequest request) =>
        Uri.TryCreate(request.Headers.Referer.ToString(), UriKind.Absolute, out var referrer)
        && string.Equals(referrer.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)
        && string.Equals(referrer.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
            ? PageOrNull(referrer.PathAndQuery)
            : null;
}
