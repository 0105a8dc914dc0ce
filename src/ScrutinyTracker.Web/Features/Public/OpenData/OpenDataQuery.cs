using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Features.Reports;

namespace ScrutinyTracker.Web.Features.Public.OpenData;

/// <summary>
/// The open data: every action of every published review with its latest public grade. Every round's
/// report of those reviews is read at once by <see cref="ReportQuery"/> and made public by
/// <see cref="PublicReports.ForPublic"/>, so each row says what the public page of that round says:
/// a fixed number of queries however many reviews and rounds.
/// </summary>
public sealed class OpenDataQuery(ScrutinyDbContext db, PublicReports reports, ReportQuery reportQuery)
{
    public async Task<IReadOnlyList<OpenDataRow>> LoadAsync(CancellationToken cancellationToken)
    {
        var published = await reports.Published()
            .OrderBy(r => r.Title).ThenBy(r => r.Id)
            .Select(r => new { r.Id, PublishedAtUtc = r.PublishedAtUtc!.Value })
            .ToListAsync(cancellationToken);
        var ids = published.Select(r => r.Id).ToArray();
        var rounds = (await db.Rounds.AsNoTracking()
                .Where(r => ids.Contains(r.ReviewId))
                .OrderBy(r => r.DueDate).ThenBy(r => r.Id)
                .Select(r => new { r.ReviewId, r.Id })
                .ToListAsync(cancellationToken))
            .ToLookup(r => r.ReviewId, r => (int?)r.Id);
        var wanted = ids.SelectMany(id => rounds[id].DefaultIfEmpty().Select(roundId => (id, roundId))).ToList();
        var byReview = (await reportQuery.LoadManyAsync(wanted, includeDrafts: false, cancellationToken))
            .Select(PublicReports.ForPublic)
            .ToLookup(r => r.ReviewId);

        return published
            .SelectMany(review => RowsOf([.. byReview[review.Id]], review.PublishedAtUtc))
            .ToList();
    }

    /// <param name="reports">One review's reports, a round each, oldest first.</param>
    private static IEnumerable<OpenDataRow> RowsOf(IReadOnlyList<ReportView> reports, DateTime publishedAtUtc)
    {
        var plan = reports[^1];
        foreach (var recommendation in plan.Recommendations)
        {
            foreach (var (part, actions) in recommendation.Parts.Select(p => ((ReportPart?)p, p.Actions)).Prepend((null, recommendation.Actions)))
            {
                foreach (var action in actions)
                {
                    var latest = reports.LastOrDefault(r => r.UpdateFor(action)?.Grade is not null);
                    var update = latest?.UpdateFor(action);
                    yield return new OpenDataRow(
                        plan.ReviewId, plan.Title, plan.SelectCommittee, plan.ActionPlanAgreed, publishedAtUtc,
                        recommendation.Number, recommendation.Text, recommendation.Standing.Decision, recommendation.Standing.DecidedOn,
                        part?.Letter, part?.Text,
                        action.Id, action.Label, action.Heading, action.Responsibility, action.TargetDate, action.AgreedAction, action.SuccessMeasure,
                        update?.Grade, latest?.Round?.Id, latest?.Round?.Label, latest?.Round?.DueDate,
                        update?.Decision?.Outcome, latest?.Round?.Consideration?.MeetingDate,
                        update?.Evidence, update?.Explanation);
                }
            }
        }
    }
}
