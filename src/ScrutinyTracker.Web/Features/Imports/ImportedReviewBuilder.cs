using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Features.Imports;

/// <summary>
/// The review, plan and round an imported document becomes, as unsaved entities: the preview shows
/// exactly these (<see cref="ImportPreview"/>) and confirming saves them. The document's recommendations
/// were accepted (the committee agreed a plan for them) with the date not recorded; a round with
/// evidence is closed, its updates accepted, and considered by the committee at a meeting not recorded,
/// grade 1 signed off and the rest continued, as for rounds made before the monitoring cycle
/// (docs/decisions/0010 and 0011).
/// </summary>
public static class ImportedReviewBuilder
{
    public sealed record Importer(string UserId, DateTime NowUtc);

    public static Review Build(ImportedDocument document, int selectCommitteeId, IEnumerable<string> linkOfficerIds, Importer importer)
    {
        var review = new Review
        {
            Title = document.Review!.Trim(),
            SelectCommitteeId = selectCommitteeId,
            ActionPlanAgreed = document.ActionPlanAgreed,
            LinkOfficers = linkOfficerIds.Distinct().Select(id => new ReviewLinkOfficer { UserId = id }).ToList(),
        };
        var round = document.HasProgress ? NewRound(document.Round!, selectCommitteeId, importer) : null;
        if (round is not null)
        {
            review.Rounds.Add(round);
        }

        foreach (var (imported, index) in document.Recommendations.Select((r, i) => (r, i)))
        {
            var recommendation = new Recommendation
            {
                Number = imported.Number,
                Text = imported.Text,
                Position = index,
                ExecutiveResponse = new ExecutiveResponse { Decision = ExecutiveDecision.Accepted, RecordedById = importer.UserId, RecordedAtUtc = importer.NowUtc },
            };
            review.Recommendations.Add(recommendation);
            AddActions(recommendation, null, imported.Actions, round, importer);
            foreach (var (importedPart, partIndex) in imported.Parts.Select((p, i) => (p, i)))
            {
                var part = new RecommendationPart { Letter = importedPart.Letter, Text = importedPart.Text, Position = partIndex };
                recommendation.Parts.Add(part);
                AddActions(recommendation, part, importedPart.Actions, round, importer);
            }
        }

        return review;
    }

    public static Round NewRound(string label, int selectCommitteeId, Importer importer)
    {
        var month = YearMonth.TryParse(label, out var m) ? m : throw new InvalidOperationException("Build only a document without problems.");
        return new Round
        {
            Label = month.ToString(),
            DueDate = month.LastDay,
            Status = RoundStatus.Closed,
            OpenedAtUtc = importer.NowUtc,
            ClosedAtUtc = importer.NowUtc,
            Consideration = new CommitteeConsideration
            {
                MeetingDate = null,
                SelectCommitteeId = selectCommitteeId,
                RecordedById = importer.UserId,
                RecordedAtUtc = importer.NowUtc,
            },
        };
    }

    private static void AddActions(Recommendation recommendation, RecommendationPart? part, IReadOnlyList<ImportedAction> actions, Round? round, Importer importer)
    {
        foreach (var (imported, position) in actions.Select((a, i) => (a, i)))
        {
            var action = new PlanAction
            {
                Heading = imported.Heading,
                Responsibility = imported.Responsibility,
                TargetDate = imported.TargetDate,
                AgreedAction = imported.AgreedAction,
                SuccessMeasure = imported.SuccessMeasure,
                Position = position,
                Part = part,
            };
            action.SetTargetDate(imported.TargetDate);
            recommendation.Actions.Add(action);
            if (round is not null && imported.HasProgress)
            {
                action.Updates.Add(AcceptedUpdate(imported, round, importer));
            }
        }
    }

    /// <summary>An update as the document reports it: accepted, and decided by the committee (grade 1 signed off).</summary>
    public static ProgressUpdate AcceptedUpdate(ImportedAction imported, Round round, Importer importer) => new()
    {
        Round = round,
        Evidence = imported.Evidence ?? "",
        Grade = imported.Grade,
        Explanation = imported.Explanation,
        Status = UpdateStatus.Accepted,
        UpdatedById = importer.UserId,
        UpdatedAtUtc = importer.NowUtc,
        SubmittedById = importer.UserId,
        SubmittedAtUtc = importer.NowUtc,
        ReviewedById = importer.UserId,
        ReviewedAtUtc = importer.NowUtc,
        CommitteeDecision = new CommitteeDecision
        {
            Outcome = imported.Grade == Grade.FullyAchieved ? CommitteeOutcome.SignedOff : CommitteeOutcome.ContinueMonitoring,
        },
    };
}
