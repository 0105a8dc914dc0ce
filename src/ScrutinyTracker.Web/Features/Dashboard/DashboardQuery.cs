using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Features.Shared;
using ScrutinyTracker.Web.Infrastructure.Security;

namespace ScrutinyTracker.Web.Features.Dashboard;

/// <summary>
/// Where the reviews the user may see stand, a page at a time. Each review's standing is its
/// <see cref="ReviewSummary"/>, kept with every change, so the database filters, sorts, counts and pages the
/// summaries and reads the shown page only; five queries whatever the number of reviews (decision 0018).
/// </summary>
public sealed class DashboardQuery(ScrutinyDbContext db, ReviewAccess access, TimeProvider clock, IOptions<PagingOptions> paging)
{
    public int PageSize => paging.Value.PageSize;

    public async Task<DashboardView> LoadAsync(DashboardFilter filter, CancellationToken cancellationToken = default)
    {
        var visible = access.VisibleReviews().AsNoTracking();
        var matching = Filtered(visible, filter);

        // From the summaries themselves, grouped by a constant, so that the database adds them up in one pass
        // (grouping the reviews made one subquery per total).
        var matchingIds = matching.Select(r => r.Id);
        var totals = await db.ReviewSummaries.AsNoTracking()
            .Where(s => matchingIds.Contains(s.ReviewId))
            .GroupBy(_ => 1)
            .Select(g => new
            {
                Reviews = g.Count(),
                FullyAchieved = g.Sum(s => s.FullyAchieved),
                OnTrack = g.Sum(s => s.OnTrack),
                Slipped = g.Sum(s => s.Slipped),
                NotAchieved = g.Sum(s => s.NotAchieved),
                NotGraded = g.Sum(s => s.NotGraded),
                SignedOff = g.Sum(s => s.SignedOff),
                AwaitingCommittee = g.Sum(s => s.AwaitingCommittee),
            })
            .SingleOrDefaultAsync(cancellationToken);
        var pagination = PaginationView.For(filter.Page, totals?.Reviews ?? 0, PageSize);

        var items = await Sorted(matching, filter.SortOrTitle)
            .Skip(pagination.Skip(PageSize)).Take(PageSize)
            .Select(r => new PageRow(r.Id, r.Title, r.SelectCommitteeId, r.SelectCommittee!.Name, r.ActionPlanAgreed, r.Summary!))
            .ToListAsync(cancellationToken);
        var trends = await TrendsAsync(visible, [.. items.Select(i => i.Id)], cancellationToken);

        // Each committee looked for among the visible reviews (an index seek each), not every review read for its committee.
        var committees = await db.SelectCommittees.AsNoTracking()
            .Where(c => visible.Any(r => r.SelectCommitteeId == c.Id))
            .Select(c => new { SelectCommitteeId = c.Id, c.Name })
            .ToListAsync(cancellationToken);
        var years = await visible
            .Where(r => r.Summary!.AgreedYear != null)
            .Select(r => r.Summary!.AgreedYear!.Value)
            .Distinct()
            .ToListAsync(cancellationToken);

        return new DashboardView(
            filter,
            Infrastructure.UkTime.Today(clock),
            [.. items.Select(i => ToItem(i, [.. trends[i.Id]]))],
            totals?.Reviews ?? 0,
            new DashboardTotals(
                GradeCounts.Of([
                    (Grade.FullyAchieved, totals?.FullyAchieved ?? 0), (Grade.OnTrack, totals?.OnTrack ?? 0),
                    (Grade.Slipped, totals?.Slipped ?? 0), (Grade.NotAchieved, totals?.NotAchieved ?? 0), (null, totals?.NotGraded ?? 0),
                ]),
                totals?.SignedOff ?? 0,
                totals?.AwaitingCommittee ?? 0),
            pagination,
            [.. committees.Select(c => (c.SelectCommitteeId, c.Name)).OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase)],
            [.. years.OrderDescending()],
            PageSize);
    }

    /// <summary>Every review the filter selects, on every page, in the dashboard's order: what its export holds.</summary>
    public async Task<IReadOnlyList<int>> MatchingReviewIdsAsync(DashboardFilter filter, CancellationToken cancellationToken = default) =>
        await Sorted(Filtered(access.VisibleReviews().AsNoTracking(), filter), filter.SortOrTitle).Select(r => r.Id).ToListAsync(cancellationToken);

    private static DashboardItem ToItem(PageRow row, List<RoundTrend> trend)
    {
        var summary = row.Summary;
        return new DashboardItem(
            row.Id, row.Title, row.SelectCommitteeId, row.SelectCommittee, row.ActionPlanAgreed, summary.Life, summary.LatestRound, summary.HasOpenRound,
            GradeCounts.Of([
                (Grade.FullyAchieved, summary.FullyAchieved), (Grade.OnTrack, summary.OnTrack), (Grade.Slipped, summary.Slipped),
                (Grade.NotAchieved, summary.NotAchieved), (null, summary.NotGraded),
            ]),
            summary.SignedOff,
            summary.AwaitingCommittee,
            trend);
    }

    /// <summary>
    /// Every review has a summary; saying so lets the database walk the summaries' index for the sort and stop at
    /// the page, rather than sort every review (decision 0018).
    /// </summary>
    private static IQueryable<Review> Filtered(IQueryable<Review> reviews, DashboardFilter filter)
    {
        reviews = reviews.Where(r => r.Summary != null);
        if (filter.Committee is { } committee)
        {
            reviews = reviews.Where(r => r.Summary!.SelectCommitteeId == committee);
        }

        if (filter.Stage is { } stage)
        {
            reviews = reviews.Where(r => r.Summary!.Stage == stage);
        }

        if (filter.Year is { } year)
        {
            reviews = reviews.Where(r => r.Summary!.AgreedYear == year);
        }

        return reviews;
    }

    /// <summary>
    /// Reviews without a value to sort by (no actions, no next due date) come last, by the summaries' sort keys,
    /// which an index serves (ordering by "IS NULL" first made SQLite sort every matching summary); ties by title,
    /// whatever its case.
    /// </summary>
    private static IQueryable<Review> Sorted(IQueryable<Review> reviews, string sort)
    {
        var ordered = sort switch
        {
            DashboardFilter.SortByDueDate => reviews.OrderBy(r => r.Summary!.DueSortKey),
            DashboardFilter.SortByAchieved => reviews.OrderBy(r => r.Summary!.AchievedSortKey),
            _ => reviews.OrderBy(r => r.Summary!.TitleKey),
        };
        // The review's id as its summary's key (the same value), which ends every index of the summaries, so SQLite
        // sorts nothing of the last term either.
        return ordered.ThenBy(r => r.Summary!.TitleKey).ThenBy(r => r.Summary!.ReviewId);
    }

    /// <summary>Accepted grades per round of the shown reviews, the committee's where it changed one, as each round's summary keeps them.</summary>
    private static async Task<ILookup<int, RoundTrend>> TrendsAsync(IQueryable<Review> visible, List<int> ids, CancellationToken cancellationToken)
    {
        var rounds = await visible.Where(r => ids.Contains(r.Id)).SelectMany(r => r.Rounds)
            .Where(x => x.Summary != null)
            .OrderBy(x => x.DueDate).ThenBy(x => x.Id)
            .Select(x => new { x.ReviewId, x.Label, x.Summary!.FullyAchieved, x.Summary.OnTrack, x.Summary.Slipped, x.Summary.NotAchieved })
            .ToListAsync(cancellationToken);
        return rounds.ToLookup(x => x.ReviewId, x => new RoundTrend(x.Label, GradeCounts.Of([
            (Grade.FullyAchieved, x.FullyAchieved), (Grade.OnTrack, x.OnTrack), (Grade.Slipped, x.Slipped), (Grade.NotAchieved, x.NotAchieved),
        ])));
    }

    private sealed record PageRow(int Id, string Title, int SelectCommitteeId, string SelectCommittee, YearMonth? ActionPlanAgreed, ReviewSummary Summary);
}
