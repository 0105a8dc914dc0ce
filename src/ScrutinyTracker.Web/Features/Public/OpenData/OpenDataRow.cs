using System.Globalization;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Features.Public.OpenData;

/// <summary>
/// One action of a published review with its latest public grade: the one of the latest round in which
/// it has an accepted update (the committee's where it changed it). Dates are ISO 8601. See docs/open-data.md.
/// </summary>
public sealed record OpenDataRow(
    int ReviewId,
    string Review,
    string SelectCommittee,
    YearMonth? ActionPlanAgreed,
    DateTime ReviewPublishedUtc,
    int Recommendation,
    string RecommendationText,
    ExecutiveDecision? ExecutiveResponse,
    DateOnly? ExecutiveResponseDate,
    string? Part,
    string? PartText,
    int ActionId,
    string ActionLabel,
    string? ColumnHeading,
    string Responsibility,
    string TargetDate,
    string AgreedAction,
    string SuccessMeasure,
    Grade? Grade,
    int? GradeRoundId,
    string? GradeRound,
    DateOnly? GradeRoundDueDate,
    CommitteeOutcome? CommitteeDecision,
    DateOnly? CommitteeMeetingDate,
    string? Evidence,
    string? Explanation);

/// <summary>The columns of the CSV and the properties of the JSON, in order, named once for both.</summary>
public static class OpenDataColumns
{
    public sealed record Column(string Name, string Meaning, Func<OpenDataRow, object?> Value);

    public static IReadOnlyList<Column> All { get; } =
    [
        new("review_id", "The review's number in ScrutinyTracker; its page is /public/reviews/{review_id}.", r => r.ReviewId),
        new("review", "The review's title.", r => r.Review),
        new("select_committee", "The Select Committee that carried out the review.", r => r.SelectCommittee),
        new("action_plan_agreed", "The month the Select Committee agreed the action plan (YYYY-MM); empty until it has.", r => r.ActionPlanAgreed is { } m ? $"{m.Year:D4}-{m.Month:D2}" : null),
        new("review_published", "When the review was published on the public pages (YYYY-MM-DD).", r => Date(DateOnly.FromDateTime(r.ReviewPublishedUtc))),
        new("recommendation", "The recommendation's number.", r => r.Recommendation),
        new("recommendation_text", "The recommendation.", r => r.RecommendationText),
        new("executive_response", "The Executive's decision: accepted, partially-accepted, not-accepted; empty while awaited.", r => r.ExecutiveResponse switch
        {
            ExecutiveDecision.Accepted => "accepted",
            ExecutiveDecision.PartiallyAccepted => "partially-accepted",
            ExecutiveDecision.NotAccepted => "not-accepted",
            _ => null,
        }),
        new("executive_response_date", "When the Executive decided (YYYY-MM-DD), where recorded.", r => Date(r.ExecutiveResponseDate)),
        new("part", "The lettered part of the recommendation (a, b, c…) the action belongs to, if any.", r => r.Part),
        new("part_text", "That part's text.", r => r.PartText),
        new("action_id", "The action's number in ScrutinyTracker: unique and stable.", r => r.ActionId),
        new("action", "The action as the council's document names it: \"1\", \"2b\", \"1a (Frontline staff)\".", r => r.ActionLabel),
        new("column_heading", "The heading of the action's column, where the part has several.", r => r.ColumnHeading),
        new("responsibility", "Who is responsible for the action.", r => r.Responsibility),
        new("target_date", "The target date as the action plan words it.", r => r.TargetDate),
        new("agreed_action", "The agreed action.", r => r.AgreedAction),
        new("success_measure", "The agreed success measure.", r => r.SuccessMeasure),
        new("grade", "The latest public Assessment of Progress: 1 to 4; empty when none is accepted yet.", r => r.Grade is { } g ? (int)g : null),
        new("grade_words", "The same grade in words: Fully Achieved, On-Track, Slipped, Not Achieved.", r => r.Grade?.Label()),
        new("grade_round", "The monitoring round of that grade (\"March 2020\").", r => r.GradeRound),
        new("grade_round_id", "That round's number; its page is /public/reviews/{review_id}?round={grade_round_id}.", r => r.GradeRoundId),
        new("grade_round_due_date", "When that round's update was due (YYYY-MM-DD).", r => Date(r.GradeRoundDueDate)),
        new("committee_decision", "The Select Committee's decision on that update: signed-off, grade-changed, continue-monitoring; empty while awaited.", r => r.CommitteeDecision switch
        {
            CommitteeOutcome.SignedOff => "signed-off",
            CommitteeOutcome.GradeChanged => "grade-changed",
            CommitteeOutcome.ContinueMonitoring => "continue-monitoring",
            _ => null,
        }),
        new("committee_meeting_date", "The meeting that considered the round (YYYY-MM-DD), where recorded.", r => Date(r.CommitteeMeetingDate)),
        new("evidence", "The Evidence of Progress of that update.", r => r.Evidence),
        new("explanation", "The explanation given with the grade, if any.", r => r.Explanation),
    ];

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
