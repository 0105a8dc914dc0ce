using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Features.Reports;

namespace ScrutinyTracker.Web.Features.Imports;

/// <summary>
/// The report of a review that is not saved yet, for the preview: the entities
/// <see cref="ImportedReviewBuilder"/> made, in the shape the report's own <c>_Document.cshtml</c> renders.
/// Actions are numbered in document order, since nothing has an id yet.
/// </summary>
public static class ImportPreview
{
    public static ReportView ReportOf(Review review, string selectCommittee, IReadOnlyList<string> linkOfficers)
    {
        var ids = new Dictionary<PlanAction, int>(ReferenceEqualityComparer.Instance);
        var recommendations = review.Recommendations.OrderBy(r => r.Position).Select(r => new ReportRecommendation(
                r.Number,
                r.Text,
                Actions(r.Actions.Where(a => a.Part is null), $"{r.Number}", ids),
                r.Parts.OrderBy(p => p.Position)
                    .Select(p => new ReportPart(p.Letter, p.Text, Actions(r.Actions.Where(a => a.Part == p), $"{r.Number}{p.Letter}", ids)))
                    .ToList()))
            .ToList();
        var round = review.Rounds.OrderByDescending(r => r.DueDate).FirstOrDefault();
        var reportRound = round is null ? null : new ReportRound(0, round.Label, round.DueDate, round.Status)
        {
            Consideration = round.Consideration is { } c ? new RoundConsideration(c.MeetingDate, selectCommittee, c.MinuteReference) : null,
        };
        var updates = ids
            .SelectMany(pair => pair.Key.Updates.Where(u => u.Round == round).Select(u => (Id: pair.Value, Update: u)))
            .ToDictionary(x => x.Id, x => Update(x.Update, reportRound!, selectCommittee));
        return new ReportView(0, review.Title, selectCommittee, review.ActionPlanAgreed, linkOfficers,
            reportRound is null ? [] : [reportRound], reportRound, null, false, recommendations, updates, new Dictionary<int, Grade>());
    }

    private static List<ReportAction> Actions(IEnumerable<PlanAction> actions, string number, Dictionary<PlanAction, int> ids)
    {
        var group = actions.OrderBy(a => a.Position).ToList();
        return group.Select((a, index) =>
        {
            var id = ids.Count + 1;
            ids[a] = id;
            return new ReportAction(id, ReportPlanQuery.Label(number, a.Heading, index, group.Count), a.Heading, a.Responsibility, a.TargetDate, a.AgreedAction, a.SuccessMeasure);
        }).ToList();
    }

    private static ReportUpdate Update(ProgressUpdate update, ReportRound round, string selectCommittee) =>
        new(update.Evidence, update.Grade, update.Explanation, update.Status)
        {
            Decision = update.CommitteeDecision is { } d
                ? new ReportDecision(d.Outcome, d.Grade, d.Reason, d.Outcome == CommitteeOutcome.SignedOff ? new SignOff(round.Label, selectCommittee, round.Consideration?.MeetingDate) : null)
                : null,
        };
}
