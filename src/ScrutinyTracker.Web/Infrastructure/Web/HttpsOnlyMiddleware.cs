using System.Net;

namespace ScrutinyTracker.Web.Infrastructure.Web;

/// <summary>
/// Outside Development, pages are served only over HTTPS (directly, or as told by a trusted proxy's
/// X-Forwarded-Proto), or over plain HTTP to a browser on the same machine (http://localhost, which
/// browsers treat as secure). Any other plain-HTTP request gets a page saying the service needs a
/// secure connection, with status 400, and is never redirected (decision 0006). /health answers over
/// anything, for load balancers and Docker's health check.
/// </summary>
public sealed class HttpsOnlyMiddleware(RequestDelegate next, ILogger<HttpsOnlyMiddleware> logger)
{
    public const string NeedsHttpsPath = "/error/needs-https";

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.IsHttps || IsLocalhost(context.Request.Host.Host) || IsHealthCheck(context.Request.Path))
        {
            await next(context);
            return;
        }

        logger.LogWarning(
            "Refused a plain HTTP request for {Path} from {Address}. Serve the app over HTTPS, or list the TLS-terminating proxy in ForwardedHeaders:KnownProxies or ForwardedHeaders:KnownNetworks (docs/deployment.md).",
            context.Request.Path, context.Connection.RemoteIpAddress);
        var originalPath = context.Request.Path;
        context.Request.Path = NeedsHttpsPath;
        context.Request.Method = HttpMethods.Get;
        context.Request.QueryString = QueryString.Empty;
        try
        {
            await next(context);
        }
        finally
        {
            context.Request.Path = originalPath;
        }
    }

    public static bool IsLocalhost(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    private static bool IsHealthCheck(PathString path) => path.StartsWithSegments("/health");
}
