using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Features.Reports;

/// <summary>
/// Reads the report of a review for a round (when none is chosen, the latest closed round, or the latest
/// when none is closed), in a fixed number of queries; several reports at once (a committee pack) take
/// the same number. Callers check <see cref="Infrastructure.Security.ReviewAccess"/> and decide with
/// <see cref="ReportDrafts"/> whether drafts may be included.
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
                r.LinkOfficers.OrderBy(l => l.User!.DisplayName).Select(l => l.User!.DisplayName).ToList(),
                r.MonitoringClosedOn,
                r.MonitoringClosedReason))
            .ToDictionaryAsync(r => r.Id, cancellationToken);
        var rounds = (await db.Rounds.AsNoTracking()
                .Where(r => reviewIds.Contains(r.ReviewId))
                .OrderBy(r => r.DueDate).ThenBy(r => r.Id)
                .Select(r => new
                {
                    r.ReviewId,
                    Round = new ReportRound(r.Id, r.Label, r.DueDate, r.Status)
                    {
                        Consideration = r.Consideration == null
                            ? null
                            : new RoundConsideration(r.Consideration.MeetingDate, r.Consideration.SelectCommittee!.Name, r.Consideration.MinuteReference),
                    },
                })
                .ToListAsync(cancellationToken))
            .ToLookup(r => r.ReviewId, r => r.Round);

        var chosen = wanted
            .Where(w => reviews.ContainsKey(w.ReviewId))
            .Select(w => Choose(reviews[w.ReviewId], [.. rounds[w.ReviewId]], w.RoundId))
            .OfType<Chosen>()
            .ToList();
        var plans = await plan.LoadManyAsync(reviewIds, cancellationToken);
        var roundIds = chosen.SelectMany(c => new[] { c.Round, c.Previous }).OfType<ReportRound>().Select(r => r.Id).Distinct().ToList();
        var updates = (await UpdatesAsync(roundIds, includeDrafts, cancellationToken)).ToLookup(u => u.RoundId);
        var signOffs = (await SignOffsAsync(reviewIds, cancellationToken)).ToLookup(s => s.ReviewId);

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
                c.Round is null ? [] : updates[c.Round.Id].ToDictionary(u => u.PlanActionId, u => ToUpdate(u, c.Round)),
                PreviousGrades(c.Previous is null ? [] : updates[c.Previous.Id], signOffs[c.Review.Id], c.Previous),
                SignedOffBefore(signOffs[c.Review.Id], c.Round))
            {
                MonitoringClosedLine = c.Review.MonitoringClosedOn is { } on
                    ? $"The {c.Review.SelectCommittee} closed monitoring of this review on {Infrastructure.UkTime.Date(on)}: {c.Review.MonitoringClosedReason}"
                    : null,
            })
            .ToList();
    }

    /// <summary>
    /// The round asked for; when none is, the latest closed round (an open round has nothing a reader can
    /// use yet), or the latest when none is closed. Null when the round is not the review's.
    /// </summary>
    private static Chosen? Choose(ReviewRow review, List<ReportRound> rounds, int? roundId)
    {
        var index = roundId is { } id ? rounds.FindIndex(r => r.Id == id)
            : rounds.FindLastIndex(r => r.Status == RoundStatus.Closed) is var closed and >= 0 ? closed
            : rounds.Count - 1;
        if (roundId is not null && index < 0)
        {
            return null;
        }

        return new Chosen(review, rounds, index >= 0 ? rounds[index] : null, index >= 1 ? rounds[index - 1] : null);
    }

    /// <summary>The updates of the chosen rounds and the ones before, with the committee's decisions, in one query.</summary>
    private Task<List<UpdateRow>> UpdatesAsync(List<int> roundIds, bool includeDrafts, CancellationToken cancellationToken) =>
        db.ProgressUpdates.AsNoTracking()
            .Where(u => roundIds.Contains(u.RoundId) && (includeDrafts || u.Status == UpdateStatus.Accepted))
            .Select(u => new UpdateRow(
                u.PlanActionId,
                u.RoundId,
                u.Evidence,
                u.Grade,
                u.Explanation,
                u.Status,
                u.ExpectedBy,
                u.DelayReason,
                u.CommitteeDecision == null ? (CommitteeOutcome?)null : u.CommitteeDecision.Outcome,
                u.CommitteeDecision == null ? null : u.CommitteeDecision.Grade,
                u.CommitteeDecision == null ? null : u.CommitteeDecision.Reason))
            .ToListAsync(cancellationToken);

    /// <summary>Every update of these reviews the committee signed off, earliest round first, in one query.</summary>
    private Task<List<SignOffRow>> SignOffsAsync(int[] reviewIds, CancellationToken cancellationToken) =>
        db.ProgressUpdates.AsNoTracking()
            .Where(u => reviewIds.Contains(u.Round!.ReviewId))
            .Where(Monitoring.IsSignedOffUpdate)
            .OrderBy(u => u.Round!.DueDate).ThenBy(u => u.RoundId)
            .Select(u => new SignOffRow(
                u.Round!.ReviewId,
                u.PlanActionId,
                u.Round!.DueDate,
                new SignOff(u.Round.Label, u.Round.Consideration!.SelectCommittee!.Name, u.Round.Consideration.MeetingDate)))
            .ToListAsync(cancellationToken);

    private static ReportUpdate ToUpdate(UpdateRow row, ReportRound round) =>
        new(row.Evidence, row.Grade, row.Explanation, row.Status)
        {
            ExpectedBy = row.ExpectedBy,
            DelayReason = row.DelayReason,
            Decision = row.Outcome is { } outcome
                ? new ReportDecision(outcome, row.CommitteeGrade, row.Reason, outcome == CommitteeOutcome.SignedOff && round.Consideration is { } c
                    ? new SignOff(round.Label, c.SelectCommittee, c.MeetingDate)
                    : null)
                : null,
        };

    /// <summary>
    /// Each action's grade in the round before (the committee's where it changed one), or Fully Achieved
    /// when it was signed off even earlier (and so had no update then), so that it is not counted as newly
    /// achieved again.
    /// </summary>
    private static Dictionary<int, Grade> PreviousGrades(IEnumerable<UpdateRow> previousUpdates, IEnumerable<SignOffRow> signOffs, ReportRound? previous)
    {
        var grades = previousUpdates
            .Select(u => (u.PlanActionId, Grade: Monitoring.EffectiveGrade(u.Grade, u.Outcome, u.CommitteeGrade)))
            .Where(u => u.Grade is not null)
            .ToDictionary(u => u.PlanActionId, u => u.Grade!.Value);
        foreach (var actionId in SignedOffBefore(signOffs, previous).Keys)
        {
            grades.TryAdd(actionId, Grade.FullyAchieved);
        }

        return grades;
    }

    /// <summary>Actions signed off in a round before <paramref name="round"/>, with the first sign-off.</summary>
    private static Dictionary<int, SignOff> SignedOffBefore(IEnumerable<SignOffRow> signOffs, ReportRound? round) =>
        round is null
            ? []
            : signOffs.Where(s => s.DueDate < round.DueDate)
                .GroupBy(s => s.PlanActionId)
                .ToDictionary(g => g.Key, g => g.First().SignOff);

    private sealed record SignOffRow(int ReviewId, int PlanActionId, DateOnly DueDate, SignOff SignOff);

    private sealed record ReviewRow(
        int Id, string Title, string SelectCommittee, YearMonth? ActionPlanAgreed, List<string> LinkOfficers, DateOnly? MonitoringClosedOn, string? MonitoringClosedReason);

    private sealed record Chosen(ReviewRow Review, IReadOnlyList<ReportRound> Rounds, ReportRound? Round, ReportRound? Previous);

    private sealed record UpdateRow(
        int PlanActionId, int RoundId, string Evidence, Grade? Grade, string? Explanation, UpdateStatus Status,
        YearMonth? ExpectedBy, string? DelayReason, CommitteeOutcome? Outcome, Grade? CommitteeGrade, string? Reason);
}
