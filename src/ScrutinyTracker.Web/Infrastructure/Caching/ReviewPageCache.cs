using System.Collections.Concurrent;
using Microsoft.AspNetCore.OutputCaching;

namespace ScrutinyTracker.Web.Infrastructure.Caching;

/// <summary>
/// What a cached review page depends on: each review's generation, moved on when a change to it commits
/// (decision 0018, "Output caching").
/// A request reads the generation before it looks in the cache, so a page rendered from data read before
/// a commit is stored under the old generation and never served after it; the old copies are evicted by
/// tag as well, to free the memory.
/// </summary>
public sealed class ReviewPageCache(IOutputCacheStore store)
{
    public const string PolicyName = "ReviewPage";
    public const string PublicPolicyName = "PublicPage";
    public const string EveryReviewTag = "review-pages";

    /// <summary>Pages about every review at once (the public list): evicted by a change to any review.</summary>
    public const string PublicListTag = "public-list";

    private readonly ConcurrentDictionary<int, long> _generations = new();
    private long _everyReview;
    private long _anyReview;

    public static string Tag(int reviewId) => $"review-{reviewId}";

    public string Generation(int reviewId) =>
        $"{Interlocked.Read(ref _everyReview)}.{_generations.GetValueOrDefault(reviewId)}";

    /// <summary>The generation of pages about every review: moved on by a change to any of them.</summary>
    public string ListGeneration() => $"{Interlocked.Read(ref _everyReview)}.{Interlocked.Read(ref _anyReview)}";

    /// <summary>Called once changes to these reviews have committed.</summary>
    public async Task ChangedAsync(IEnumerable<int> reviewIds, CancellationToken cancellationToken = default)
    {
        var any = false;
        foreach (var id in reviewIds)
        {
            any = true;
            _generations.AddOrUpdate(id, 1, (_, generation) => generation + 1);
            await store.EvictByTagAsync(Tag(id), cancellationToken);
        }

        if (any)
        {
            Interlocked.Increment(ref _anyReview);
            await store.EvictByTagAsync(PublicListTag, cancellationToken);
        }
    }

    /// <summary>Called once a change that may show on every review's pages (a person's name) has committed.</summary>
    public async Task EveryReviewChangedAsync(CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _everyReview);
        await store.EvictByTagAsync(EveryReviewTag, cancellationToken);
    }
}
