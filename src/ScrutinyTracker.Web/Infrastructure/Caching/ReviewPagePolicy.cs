using System.Security.Claims;
using Microsoft.AspNetCore.OutputCaching;

namespace ScrutinyTracker.Web.Infrastructure.Caching;

/// <summary>
/// Output caching of a review's read pages (the report of a round, the history) for signed-in readers.
/// A copy is kept for one reader, their roles, the page's query and the review's generation: a page
/// shows what its reader may see (drafts, the sign-out form, the session's end), so no copy is ever served
/// to anyone else. Only a 200 without cookies is kept, and for one minute at most, since the page also
/// tells the session's end. Changes evict it at once (<see cref="ReviewPageCache"/>).
/// </summary>
public sealed class ReviewPagePolicy(ReviewPageCache cache) : IOutputCachePolicy
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var user = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (!(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
            || user is null
            || !int.TryParse(http.GetRouteValue("reviewId") as string, out var reviewId))
        {
            context.EnableOutputCaching = false;
            return ValueTask.CompletedTask;
        }

        var roles = string.Join(",", http.User.FindAll(ClaimTypes.Role).Select(c => c.Value).Order(StringComparer.Ordinal));
        var generation = cache.Generation(reviewId);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = true;
        context.AllowCacheStorage = true;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = Lifetime;
        context.Tags.Add(ReviewPageCache.Tag(reviewId));
        context.Tags.Add(ReviewPageCache.EveryReviewTag);
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.VaryByValues["user"] = user;
        context.CacheVaryByRules.VaryByValues["roles"] = roles;
        context.CacheVaryByRules.VaryByValues["generation"] = generation;
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        if (!Storable(context.HttpContext.Response))
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Only a 200 that sets no cookie (but may remove one) is kept.</summary>
    internal static bool Storable(HttpResponse response) =>
        response.StatusCode == StatusCodes.Status200OK && response.Headers.SetCookie.All(IsDeletion);

    /// <summary>
    /// A cookie being removed (the read TempData message): replaying the removal to the same reader is
    /// harmless, while a copy that sets a cookie (a renewed sign-in, an antiforgery token) is never kept.
    /// </summary>
    private static bool IsDeletion(string? cookie) =>
        cookie is not null && cookie.Contains("expires=Thu, 01 Jan 1970 00:00:00 GMT", StringComparison.OrdinalIgnoreCase)
        && cookie.Split(';')[0].TrimEnd().EndsWith('=');
}
