using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ScrutinyTracker.Web.Infrastructure.Caching;

/// <summary>
/// Evicts the cached pages of the reviews a unit of work changed, once its transaction commits (not
/// before: a reader between the save and the commit would cache what is about to change). The reviews
/// are noted where changes are saved, by <see cref="Summaries.ReviewSummaryInterceptor"/>.
/// </summary>
public sealed class ReviewPagesEviction(ReviewPageCache cache) : DbTransactionInterceptor
{
    private readonly HashSet<int> _reviews = [];
    private bool _everyReview;

    public void Note(IEnumerable<int> reviewIds) => _reviews.UnionWith(reviewIds);

    public void NoteEveryReview() => _everyReview = true;

    public override async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        await EvictAsync(cancellationToken);

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        EvictAsync(CancellationToken.None).GetAwaiter().GetResult();

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget();
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget();

    private async Task EvictAsync(CancellationToken cancellationToken)
    {
        var reviews = _reviews.ToList();
        var everyReview = _everyReview;
        Forget();
        if (everyReview)
        {
            await cache.EveryReviewChangedAsync(cancellationToken);
        }

        await cache.ChangedAsync(reviews, cancellationToken);
    }

    private void Forget()
    {
        _reviews.Clear();
        _everyReview = false;
    }
}
