using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Infrastructure.Summaries;

/// <summary>
/// Works out <see cref="ReviewSummary"/> rows for some reviews, and the <see cref="RoundSummary"/> rows of
/// their rounds, from their own rows, in a fixed number of queries whatever their number, and writes them
/// (decision 0018).
/// </summary>
public static class ReviewSummaries
{
    /// <summary>Brings the summaries of <paramref name="reviewIds"/> up to date through <paramref name="db"/>, which saves nothing else.</summary>
    public static async Task RefreshAsync(ScrutinyDbContext db, IReadOnlyCollection<int> reviewIds, CancellationToken cancellationToken)
    {
        if (reviewIds.Count == 0)
        {
            return;
        }

        var computed = await ComputeAsync(db, reviewIds, cancellationToken);
        var existing = await db.Set<ReviewSummary>().Where(s => reviewIds.Contains(s.ReviewId)).ToDictionaryAsync(s => s.ReviewId, cancellationToken);
        foreach (var summary in computed)
        {
            if (existing.TryGetValue(summary.ReviewId, out var stored))
            {
                db.Entry(stored).CurrentValues.SetValues(summary);
            }
            else
            {
                db.Add(summary);
            }
        }

        await RefreshRoundsAsync(db, reviewIds, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The <see cref="RoundSummary"/> rows of the reviews' rounds, worked out again in one query and compared with those kept.</summary>
    private static async Task RefreshRoundsAsync(ScrutinyDbContext db, IReadOnlyCollection<int> reviewIds, CancellationToken cancellationToken)
    {
        var counts = await db.ProgressUpdates.AsNoTracking()
            .Where(u => reviewIds.Contains(u.Round!.ReviewId) && u.Status == UpdateStatus.Accepted && u.Grade != null)
            .GroupBy(u => new
            {
                u.RoundId,
                Grade = u.CommitteeDecision != null && u.CommitteeDecision.Outcome == CommitteeOutcome.GradeChanged && u.CommitteeDecision.Grade != null
                    ? u.CommitteeDecision.Grade
                    : u.Grade,
            })
            .Select(g => new { g.Key.RoundId, g.Key.Grade, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var computed = counts.GroupBy(c => c.RoundId).ToDictionary(g => g.Key, g => new RoundSummary
        {
            RoundId = g.Key,
            FullyAchieved = g.Where(c => c.Grade == Grade.FullyAchieved).Sum(c => c.Count),
            OnTrack = g.Where(c => c.Grade == Grade.OnTrack).Sum(c => c.Count),
            Slipped = g.Where(c => c.Grade == Grade.Slipped).Sum(c => c.Count),
            NotAchieved = g.Where(c => c.Grade == Grade.NotAchieved).Sum(c => c.Count),
        });

        var kept = await db.RoundSummaries.Where(s => db.Rounds.Any(r => r.Id == s.RoundId && reviewIds.Contains(r.ReviewId))).ToListAsync(cancellationToken);
        foreach (var stored in kept)
        {
            if (computed.Remove(stored.RoundId, out var summary))
            {
                db.Entry(stored).CurrentValues.SetValues(summary);
            }
            else
            {
                db.Remove(stored);
            }
        }

        db.AddRange(computed.Values);
    }

    /// <summary>Summaries for every review without one (a database made before summaries, or restored from a backup).</summary>
    /// <remarks>Their committees' round labels are worked out again too: a migration that empties the summaries refills both.</remarks>
    public static async Task FillMissingAsync(ScrutinyDbContext db, CancellationToken cancellationToken)
    {
        var missing = await db.Reviews.Where(r => r.Summary == null).Select(r => new { r.Id, r.SelectCommitteeId }).ToListAsync(cancellationToken);
        foreach (var batch in missing.Chunk(200))
        {
            await RefreshAsync(db, [.. batch.Select(r => r.Id)], cancellationToken);
            db.ChangeTracker.Clear();
        }

        await CommitteeRoundLabels.RefreshAsync(db, [.. missing.Select(r => r.SelectCommitteeId).Distinct()], cancellationToken);
    }

    public static async Task<List<ReviewSummary>> ComputeAsync(ScrutinyDbContext db, IReadOnlyCollection<int> reviewIds, CancellationToken cancellationToken)
    {
        var reviews = db.Reviews.AsNoTracking().Where(r => reviewIds.Contains(r.Id));
        var facts = await reviews.Select(ReviewFacts.Projection).ToDictionaryAsync(f => f.ReviewId, cancellationToken);
        var rows = await reviews
            .Select(r => new
            {
                r.Id,
                r.Title,
                r.SelectCommitteeId,
                r.ActionPlanAgreed,
                LatestRound = r.Rounds.OrderByDescending(x => x.DueDate).ThenByDescending(x => x.Id).Select(x => x.Label).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var actions = (await ActionsAsync(reviews, cancellationToken)).ToLookup(a => a.ReviewId);

        return [.. rows.Select(r => Summary(r.Id, r.Title, r.SelectCommitteeId, r.ActionPlanAgreed, r.LatestRound, facts[r.Id], [.. actions[r.Id]]))];
    }

    private static ReviewSummary Summary(int id, string title, int committeeId, YearMonth? agreed, string? latestRound, ReviewFacts facts, List<ActionRow> actions)
    {
        var life = ReviewLife.Of(facts);
        var grades = actions.Select(a => a.Latest is { } latest ? Monitoring.EffectiveGrade(latest.Grade, latest.Outcome, latest.CommitteeGrade) : null).ToList();
        var fully = grades.Count(g => g == Grade.FullyAchieved);
        int? percent = grades.Count == 0 ? null : (int)Math.Round(100m * fully / grades.Count, MidpointRounding.AwayFromZero);
        return new ReviewSummary
        {
            ReviewId = id,
            SelectCommitteeId = committeeId,
            TitleKey = title.ToUpperInvariant(),
            AgreedYear = agreed?.Year,
            Stage = life.Stage,
            Completed = facts.Status == ReviewStatus.Completed,
            NextUpdateDue = life.NextUpdateDue,
            DueSortKey = life.NextUpdateDue ?? DateOnly.MaxValue,
            ExecutiveResponseDue = life.ExecutiveResponseDue,
            ClosedOn = life.ClosedOn,
            RoundAwaitingCommittee = life.RoundAwaitingCommittee,
            AwaitingResponses = life.AwaitingResponses,
            HasOpenRound = life.HasOpenRound,
            LatestRound = latestRound,
            FullyAchieved = fully,
            OnTrack = grades.Count(g => g == Grade.OnTrack),
            Slipped = grades.Count(g => g == Grade.Slipped),
            NotAchieved = grades.Count(g => g == Grade.NotAchieved),
            NotGraded = grades.Count(g => g is null),
            PercentFullyAchieved = percent,
            AchievedSortKey = percent ?? ReviewSummary.NoPercentSortKey,
            SignedOff = actions.Count(a => a.SignedOff),
            AwaitingCommittee = actions.Count(a => a.Latest is { AwaitsCommittee: true }),
        };
    }

    /// <summary>Actions of recommendations the Executive accepted or partially accepted, with what their latest accepted update says.</summary>
    private static Task<List<ActionRow>> ActionsAsync(IQueryable<Review> reviews, CancellationToken cancellationToken) =>
        reviews.SelectMany(r => r.Recommendations)
            .Where(x => x.ExecutiveResponse != null && x.ExecutiveResponse.Decision != ExecutiveDecision.NotAccepted)
            .SelectMany(x => x.Actions)
            .Select(a => new ActionRow(
                a.Recommendation!.ReviewId,
                a.Updates.AsQueryable().Any(Monitoring.IsSignedOffUpdate),
                a.Updates
                    .Where(u => u.Status == UpdateStatus.Accepted && u.Grade != null)
                    .OrderByDescending(u => u.Round!.DueDate).ThenByDescending(u => u.RoundId)
                    .Select(u => new LatestGrade(
                        u.Grade,
                        u.CommitteeDecision == null ? (CommitteeOutcome?)null : u.CommitteeDecision.Outcome,
                        u.CommitteeDecision == null ? (Grade?)null : u.CommitteeDecision.Grade,
                        u.Round!.Status == RoundStatus.Closed && u.Round.Consideration == null))
                    .FirstOrDefault()))
            .ToListAsync(cancellationToken);

    private sealed record ActionRow(int ReviewId, bool SignedOff, LatestGrade? Latest);

    private sealed record LatestGrade(Grade? Grade, CommitteeOutcome? Outcome, Grade? CommitteeGrade, bool AwaitsCommittee);
}
