using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Features.Reports;

/// <summary>
/// Reads the report of a review for a round (the latest when none is chosen), in a fixed number of
/// queries; several reports at once (a committee pack) take the same number. Callers check
/// <see cref="Infrastructure.Security.ReviewAccess"/> and decide with <see cref="ReportDrafts"/>
/// whether drafts may be included.
/// </summary>
public sealed class ReportQuery(ScrutinyDbContext db, ReportPlanQuery plan)
{
    /// <returns>Null when the review does not exist or the round is not one of its rounds.</returns>
    public async Task<ReportView?> LoadAsync(int reviewId, int? roundId, bool includeDrafts, CancellationToken cancellationToken = default) =>
        (await LoadManyAsync([(reviewId, roundId)], includeDrafts, cancellationToken)).SingleOrDefault();

    /// <returns>The reports in the order asked for, leaving out reviews that do not exist and rounds that are not the review's.</returns>
    public async Task<IReadOnlyList<ReportView>> LoadManyAsync(
        IReadOnlyList<(int ReviewId, int? RoundId)> wanted, bool includeDrafts, CancellationToken cancellationToken = default)
    {
        var reviewIds = wanted.Select(w => w.ReviewId).Distinct().ToArray();
        var reviews = await db.Reviews.AsNoTracking()
            .Where(r => reviewIds.Contains(r.Id))
            .Select(r => new ReviewRow(
                r.Id,
                r.Title,
                r.SelectCommittee!.Name,
                r.ActionPlanAgreed,
                r.LinkOfficers.OrderBy(l => l.User!.DisplayName).Select(l => l.User!.DisplayName).ToList()))
            .ToDictionaryAsync(r => r.Id, cancellationToken);
        var rounds = (await db.Rounds.AsNoTracking()
                .Where(r => reviewIds.Contains(r.ReviewId))
                .OrderBy(r => r.DueDate).ThenBy(r => r.Id)
                .Select(r => new { r.ReviewId, Round = new ReportRound(r.Id, r.Label, r.DueDate, r.Status) })
                .ToListAsync(cancellationToken))
            .ToLookup(r => r.ReviewId, r => r.Round);

        var chosen = wanted
            .Where(w => reviews.ContainsKey(w.ReviewId))
            .Select(w => Choose(reviews[w.ReviewId], [.. rounds[w.ReviewId]], w.RoundId))
            .OfType<Chosen>()
            .ToList();
        var plans = await plan.LoadManyAsync(reviewIds, cancellationToken);
        var roundIds = chosen.SelectMany(c => new[] { c.Round, c.Previous }).OfType<ReportRound>().Select(r => r.Id).Distinct().ToList();
        var updates = await UpdatesAsync(roundIds, includeDrafts, cancellationToken);
        var achievements = await AchievementsAsync(reviewIds, cancellationToken);

        return chosen.Select(c => new ReportView(
                c.Review.Id,
                c.Review.Title,
                c.Review.SelectCommittee,
                c.Review.ActionPlanAgreed,
                c.Review.LinkOfficers,
                c.Rounds,
                c.Round,
                c.Previous,
                includeDrafts,
                plans[c.Review.Id],
                updates.Where(u => u.RoundId == c.Round?.Id)
                    .ToDictionary(u => u.PlanActionId, u => new ReportUpdate(u.Evidence, u.Grade, u.Explanation, u.Status)),
                PreviousGrades(updates, achievements, c.Previous),
                AchievedBefore(achievements, c.Round)))
            .ToList();
    }

    /// <summary>The round asked for (the latest when none is) and the one before; null when the round is not the review's.</summary>
    private static Chosen? Choose(ReviewRow review, List<ReportRound> rounds, int? roundId)
    {
        var index = roundId is { } id ? rounds.FindIndex(r => r.Id == id) : rounds.Count - 1;
        if (roundId is not null && index < 0)
        {
            return null;
        }

        return new Chosen(review, rounds, index >= 0 ? rounds[index] : null, index >= 1 ? rounds[index - 1] : null);
    }

    /// <summary>The updates of the chosen rounds and the ones before, in one query (even when there are none).</summary>
    private Task<List<UpdateRow>> UpdatesAsync(List<int> roundIds, bool includeDrafts, CancellationToken cancellationToken) =>
        db.ProgressUpdates.AsNoTracking()
            .Where(u => roundIds.Contains(u.RoundId) && (includeDrafts || u.Status == UpdateStatus.Accepted))
            .Select(u => new UpdateRow(u.PlanActionId, u.RoundId, u.Evidence, u.Grade, u.Explanation, u.Status))
            .ToListAsync(cancellationToken);

    /// <summary>Every accepted Fully Achieved update of these reviews, earliest round first, in one query.</summary>
    private Task<List<AchievementRow>> AchievementsAsync(int[] reviewIds, CancellationToken cancellationToken) =>
        db.ProgressUpdates.AsNoTracking()
            .Where(u => reviewIds.Contains(u.Round!.ReviewId) && u.Status == UpdateStatus.Accepted && u.Grade == Grade.FullyAchieved)
            .OrderBy(u => u.Round!.DueDate).ThenBy(u => u.RoundId)
            .Select(u => new AchievementRow(u.PlanActionId, u.Round!.Label, u.Round.DueDate))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Each action's grade in the round before: its update's, or Fully Achieved when it was achieved even
    /// earlier (and so had no update then), so that it is not counted as newly achieved again.
    /// </summary>
    private static Dictionary<int, Grade> PreviousGrades(List<UpdateRow> updates, List<AchievementRow> achievements, ReportRound? previous)
    {
        var grades = updates.Where(u => u.RoundId == previous?.Id && u.Grade is not null)
            .ToDictionary(u => u.PlanActionId, u => u.Grade!.Value);
        foreach (var actionId in AchievedBefore(achievements, previous).Keys)
        {
            grades.TryAdd(actionId, Grade.FullyAchieved);
        }

        return grades;
    }

    /// <summary>Actions achieved in a round before <paramref name="round"/>, with the label of the round that first achieved them.</summary>
    private static Dictionary<int, string> AchievedBefore(List<AchievementRow> achievements, ReportRound? round) =>
        round is null
            ? []
            : achievements.Where(a => a.DueDate < round.DueDate)
                .GroupBy(a => a.PlanActionId)
                .ToDictionary(g => g.Key, g => g.First().RoundLabel);

    private sealed record AchievementRow(int PlanActionId, string RoundLabel, DateOnly DueDate);

    private sealed record ReviewRow(int Id, string Title, string SelectCommittee, YearMonth? ActionPlanAgreed, List<string> LinkOfficers);

    private sealed record Chosen(ReviewRow Review, IReadOnlyList<ReportRound> Rounds, ReportRound? Round, ReportRound? Previous);

    private sealed record UpdateRow(int PlanActionId, int RoundId, string Evidence, Grade? Grade, string? Explanation, UpdateStatus Status);
}
