using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Infrastructure.Security;

namespace ScrutinyTracker.Web.Features.CommitteePacks;

/// <summary>What the committee pack page offers: round labels, committees, and the reviews with a round of the chosen label.</summary>
public sealed class CommitteePackChoicesQuery(ScrutinyDbContext db, ReviewAccess access)
{
    /// <param name="round">The round label to list reviews for; the most recent label when not given.</param>
    /// <param name="committeeId">Only reviews of this committee, when given.</param>
    public async Task<CommitteePackChoices> LoadAsync(string? round, int? committeeId, CancellationToken cancellationToken = default)
    {
        var rounds = await access.VisibleReviews().SelectMany(r => r.Rounds)
            .GroupBy(r => r.Label)
            .Select(g => new { Label = g.Key, Latest = g.Max(r => r.DueDate) })
            .OrderByDescending(g => g.Latest).ThenBy(g => g.Label)
            .Select(g => g.Label)
            .ToListAsync(cancellationToken);

        var committees = await db.SelectCommittees.AsNoTracking()
            .OrderBy(c => c.Name)
            .Select(c => new CommitteeChoice(c.Id, c.Name))
            .ToListAsync(cancellationToken);

        round = round is not null && rounds.Contains(round) ? round : rounds.FirstOrDefault();
        var reviews = round is null
            ? []
            : await access.VisibleReviews().AsNoTracking()
                .Where(r => r.Rounds.Any(x => x.Label == round))
                .Where(r => committeeId == null || r.SelectCommitteeId == committeeId)
                .OrderBy(r => r.Title).ThenBy(r => r.Id)
                .Select(r => new ReviewChoice(r.Id, r.Title, r.SelectCommitteeId, r.SelectCommittee!.Name))
                .ToListAsync(cancellationToken);

        return new CommitteePackChoices(round, rounds, committees, reviews);
    }
}

/// <param name="Round">The round label the reviews are listed for; null when no review has a round.</param>
public sealed record CommitteePackChoices(string? Round, IReadOnlyList<string> Rounds, IReadOnlyList<CommitteeChoice> Committees, IReadOnlyList<ReviewChoice> Reviews)
{
    /// <summary>The committee the pack is most likely for: the one chosen, or the one all listed reviews belong to.</summary>
    public int? LikelyCommittee(int? chosen) =>
        chosen ?? (Reviews.Select(r => r.SelectCommitteeId).Distinct().ToList() is [var only] ? only : null);
}

public sealed record CommitteeChoice(int Id, string Name);

public sealed record ReviewChoice(int Id, string Title, int SelectCommitteeId, string SelectCommittee);

/// <summary>The committee pack page: the choices offered, the committee the list is narrowed to, and the form.</summary>
public sealed record CommitteePackPageView(CommitteePackChoices Choices, int? FilterCommitteeId, CommitteePackForm Form);
