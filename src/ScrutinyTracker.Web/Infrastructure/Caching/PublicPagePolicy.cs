using Microsoft.AspNetCore.OutputCaching;

namespace ScrutinyTracker.Web.Infrastructure.Caching;

/// <summary>
/// Output caching of the public pages (the list of published reviews, a published review's page and its
/// PDF) for readers who are not signed in, the only readers they are the same for (decision 0027): a
/// signed-in reader's copy carries their navigation, so it is never kept nor served from here. A copy is
/// keyed by the address, the day (pages say what is overdue) and the generation of what it shows — the
/// review's, or for the list every review's — and is evicted by tag once a change commits, a publication
/// or withdrawal among them, so a withdrawn review leaves at once (<see cref="ReviewPageCache"/>).
/// </summary>
public sealed class PublicPagePolicy(ReviewPageCache cache, TimeProvider clock) : IOutputCachePolicy
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        if (!(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
            || http.User.Identity?.IsAuthenticated == true)
        {
            context.EnableOutputCaching = false;
            return ValueTask.CompletedTask;
        }

        var generation = int.TryParse(http.GetRouteValue("reviewId") as string, out var reviewId)
            ? AddReview(context, reviewId)
            : AddList(context);
        var day = UkTime.Today(clock).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = true;
        context.AllowCacheStorage = true;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = Lifetime;
        context.Tags.Add(ReviewPageCache.EveryReviewTag);
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.VaryByValues["generation"] = generation;
        context.CacheVaryByRules.VaryByValues["day"] = day;
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        // A 304 (the reader has it), a 404 (not published), a 429 (too many requests) are never kept.
        if (!ReviewPagePolicy.Storable(context.HttpContext.Response))
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }

    private string AddReview(OutputCacheContext context, int reviewId)
    {
        context.Tags.Add(ReviewPageCache.Tag(reviewId));
        return "review " + cache.Generation(reviewId);
    }

    private string AddList(OutputCacheContext context)
    {
        context.Tags.Add(ReviewPageCache.PublicListTag);
        return "list " + cache.ListGeneration();
    }
}
