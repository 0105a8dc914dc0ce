using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Features.Shared;
using ScrutinyTracker.Web.Infrastructure.Security;

namespace ScrutinyTracker.Web.Features.CommitteePacks;

/// <summary>
/// What the committee pack page offers. The Select Committee is chosen first; then only its round labels
/// and its reviews with a round of the chosen label are offered, so a pack holds one committee's reviews:
/// a page of them at a time, narrowed by words of their titles, so the page stays small however many
/// reviews the committee has.
/// </summary>
public sealed class CommitteePackChoicesQuery(ScrutinyDbContext db, ReviewAccess access, IOptions<PagingOptions> paging)
{
    /// <param name="round">The round label to list reviews for; the committee's most recent label when not given or not one of its own.</param>
    /// <param name="committeeId">The committee the pack is for; until it is chosen no review is offered.</param>
    /// <param name="search">Words the offered reviews' titles contain, if any.</param>
    public async Task<CommitteePackChoices> LoadAsync(string? round, int? committeeId, string? search = null, int page = 1, CancellationToken cancellationToken = default)
    {
        var committees = await db.SelectCommittees.AsNoTracking()
            .OrderBy(c => c.Name)
            .Select(c => new CommitteeChoice(c.Id, c.Name))
            .ToListAsync(cancellationToken);
        var committee = committees.FirstOrDefault(c => c.Id == committeeId);

        // From the committees' round labels, kept with every round (a row per label, not every round of the
        // committee's reviews); the page is for those who see every review (ManagePlans), so every label is theirs.
        var rounds = await db.CommitteeRoundLabels.AsNoTracking()
            .Where(l => committee == null || l.SelectCommitteeId == committee.Id)
            .GroupBy(l => l.Label)
            .Select(g => new { Label = g.Key, Latest = g.Max(l => l.LatestDueDate) })
            .OrderByDescending(g => g.Latest).ThenBy(g => g.Label)
            .Select(g => g.Label)
            .ToListAsync(cancellationToken);

        round = round is not null && rounds.Contains(round) ? round : rounds.FirstOrDefault();
        search = string.IsNullOrWhiteSpace(search) ? null : search.Trim();
        if (committee is null || round is null)
        {
            return new CommitteePackChoices(committee, round, rounds, committees, [], search, 0, PaginationView.For(1, 0, paging.Value.PageSize));
        }

        var offered = access.VisibleReviews().AsNoTracking()
            .Where(r => r.SelectCommitteeId == committee.Id && r.Rounds.Any(x => x.Label == round));
        if (search is not null)
        {
            var pattern = "%" + search.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            offered = offered.Where(r => EF.Functions.Like(r.Title, pattern, "\\"));
        }

        var total = await offered.CountAsync(cancellationToken);
        var pagination = PaginationView.For(page, total, paging.Value.PageSize, label: "Pages of reviews");
        var reviews = await offered
            .OrderBy(r => r.Title).ThenBy(r => r.Id)
            .Skip(pagination.Skip(paging.Value.PageSize)).Take(paging.Value.PageSize)
            .Select(r => new ReviewChoice(r.Id, r.Title))
            .ToListAsync(cancellationToken);

        return new CommitteePackChoices(committee, round, rounds, committees, reviews, search, total, pagination);
    }
}

/// <param name="Committee">The committee chosen; null until one is.</param>
/// <param name="Round">The round label the reviews are listed for; null when no review (of the committee) has a round.</param>
/// <param name="Reviews">The page of the committee's reviews shown.</param>
/// <param name="Matching">How many of its reviews match <paramref name="Search"/> in all.</param>
public sealed record CommitteePackChoices(
    CommitteeChoice? Committee,
    string? Round,
    IReadOnlyList<string> Rounds,
    IReadOnlyList<CommitteeChoice> Committees,
    IReadOnlyList<ReviewChoice> Reviews,
    string? Search,
    int Matching,
    PaginationView Pagination);

public sealed record CommitteeChoice(int Id, string Name);

public sealed record ReviewChoice(int Id, string Title);

/// <summary>The committee pack page: the choices offered and the form.</summary>
public sealed record CommitteePackPageView(CommitteePackChoices Choices, CommitteePackForm Form);

/// <summary>The step before a pack some of whose reviews have no accepted update in the round.</summary>
public sealed record ConfirmPackView(CommitteePackForm Form, CommitteePackView Pack);
