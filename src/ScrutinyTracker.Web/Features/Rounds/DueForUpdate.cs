using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Features.Shared;

namespace ScrutinyTracker.Web.Features.Rounds;

/// <summary>
/// What needs a scrutiny officer's attention: Executive responses awaited, reviews due for their next
/// round, rounds awaiting the committee, and open rounds still missing updates; each list a page at a time.
/// </summary>
public sealed record DueForUpdateView(
    DateOnly Today,
    Paged<ResponseDue> Responses,
    Paged<ReviewDue> Reviews,
    Paged<RoundAwaitingCommittee> AwaitingCommittee,
    Paged<RoundWaiting> Rounds);

/// <summary>One page of a list, and where it is among the list's pages.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Total, PaginationView Pagination)
{
    public int Count => Items.Count;
}

/// <summary>A review with recommendations still awaiting the Executive's response; due two months after the report went to it.</summary>
public sealed record ResponseDue(int ReviewId, string Title, int Awaiting, DateOnly? DueDate);

/// <summary>A review with no open round whose next round is due within 30 days, or overdue.</summary>
public sealed record ReviewDue(int ReviewId, string Title, DateOnly DueDate, string? LastRound, IReadOnlyList<string> LinkOfficers);

/// <summary>A closed round whose committee decisions are not recorded yet.</summary>
public sealed record RoundAwaitingCommittee(int RoundId, int ReviewId, string Title, string Label, string SelectCommittee);

/// <summary>An open round in which some updates are not yet submitted (drafts) or were returned.</summary>
public sealed record RoundWaiting(int RoundId, int ReviewId, string Title, string Label, DateOnly DueDate, int NotSubmitted, int Returned, IReadOnlyList<string> LinkOfficers);

/// <summary>The page a user asked for of each of Due for update's lists.</summary>
public sealed record DueForUpdatePages(int Responses = 1, int Reviews = 1, int Committee = 1, int Rounds = 1);

/// <summary>
/// Nine queries (a count and a page for each list, and the link officers shown), whatever the number of reviews. Reviews are chosen by
/// their <see cref="ReviewSummary"/>, whose due dates follow each review's <see cref="MonitoringIntervals"/>.
/// </summary>
public sealed class DueForUpdateQuery(ScrutinyDbContext db, TimeProvider clock, IOptions<PagingOptions> paging)
{
    private static readonly IReadOnlyList<string> NoOfficers = [];

    private int PageSize => paging.Value.PageSize;

    public async Task<DueForUpdateView> LoadAsync(DueForUpdatePages pages, CancellationToken cancellationToken)
    {
        var today = Infrastructure.UkTime.Today(clock);
        var monitored = db.Reviews.AsNoTracking().Where(r => r.Status == ReviewStatus.Monitoring && r.MonitoringClosedOn == null);

        var responses = await PageAsync(
            monitored.Where(r => r.Summary!.AwaitingResponses > 0)
                .OrderBy(r => r.Summary!.ExecutiveResponseDue == null).ThenBy(r => r.Summary!.ExecutiveResponseDue).ThenBy(r => r.Title).ThenBy(r => r.Id)
                .Select(r => new ResponseDue(r.Id, r.Title, r.Summary!.AwaitingResponses, r.Summary.ExecutiveResponseDue)),
            pages.Responses, "responses-page", "Pages of Executive responses awaited", cancellationToken);

        var dueBy = today.AddDays(RoundSchedule.DueSoonDays);
        var reviews = await PageAsync(
            monitored.Where(r => (r.Summary!.Stage == ReviewStage.ActionPlanAgreed || r.Summary.Stage == ReviewStage.Monitoring)
                    && !r.Summary.HasOpenRound && r.Summary.RoundAwaitingCommittee == null
                    && r.Summary.NextUpdateDue != null && r.Summary.NextUpdateDue <= dueBy)
                .OrderBy(r => r.Summary!.NextUpdateDue).ThenBy(r => r.Title).ThenBy(r => r.Id)
                .Select(r => new ReviewDue(r.Id, r.Title, r.Summary!.NextUpdateDue!.Value, r.Summary.LatestRound, NoOfficers)),
            pages.Reviews, "reviews-page", "Pages of reviews due for their next round", cancellationToken);

        // From the summaries (a review's closed round still awaiting the committee), through the unique
        // index on a review's round labels: not a probe of every closed round of the archive.
        var awaitingCommittee = await PageAsync(
            monitored.Where(r => r.Summary!.RoundAwaitingCommittee != null)
                // "Not open" rather than "closed": SQLite would otherwise read every closed round of the archive
                // through the status index, before finding the few the summaries name.
                .SelectMany(r => r.Rounds.Where(x => x.Label == r.Summary!.RoundAwaitingCommittee && x.Status != RoundStatus.Open && x.Consideration == null),
                    (r, x) => new { Review = r, Round = x })
                .OrderBy(p => p.Round.DueDate).ThenBy(p => p.Review.Title).ThenBy(p => p.Round.Id)
                .Select(p => new RoundAwaitingCommittee(p.Round.Id, p.Review.Id, p.Review.Title, p.Round.Label, p.Review.SelectCommittee!.Name)),
            pages.Committee, "committee-page", "Pages of rounds awaiting the committee", cancellationToken);

        var open = await PageAsync(
            db.Rounds.AsNoTracking()
                .Where(x => x.Status == RoundStatus.Open && x.Updates.Any(u => u.Status == UpdateStatus.Draft || u.Status == UpdateStatus.Returned))
                .OrderBy(x => x.DueDate).ThenBy(x => x.Review!.Title).ThenBy(x => x.Id)
                .Select(x => new RoundWaiting(
                    x.Id,
                    x.ReviewId,
                    x.Review!.Title,
                    x.Label,
                    x.DueDate,
                    x.Updates.Count(u => u.Status == UpdateStatus.Draft),
                    x.Updates.Count(u => u.Status == UpdateStatus.Returned),
                    NoOfficers)),
            pages.Rounds, "rounds-page", "Pages of open rounds waiting for updates", cancellationToken);

        var officers = await db.LinkOfficerNamesAsync([.. reviews.Items.Select(r => r.ReviewId), .. open.Items.Select(r => r.ReviewId)], cancellationToken);
        return new DueForUpdateView(
            today,
            responses,
            reviews with { Items = [.. reviews.Items.Select(r => r with { LinkOfficers = officers(r.ReviewId) })] },
            awaitingCommittee,
            open with { Items = [.. open.Items.Select(r => r with { LinkOfficers = officers(r.ReviewId) })] });
    }

    private async Task<Paged<T>> PageAsync<T>(IQueryable<T> ordered, int requested, string parameter, string label, CancellationToken cancellationToken)
    {
        var total = await ordered.CountAsync(cancellationToken);
        var pagination = PaginationView.For(requested, total, PageSize, parameter, label);
        var items = await ordered.Skip(pagination.Skip(PageSize)).Take(PageSize).ToListAsync(cancellationToken);
        return new Paged<T>(items, total, pagination);
    }
}
