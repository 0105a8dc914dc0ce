using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Features.Reports;

/// <summary>
/// What the document says in an action's cells when it has no evidence to show, and the notes under a
/// grade: one wording for the report page and its PDF (<c>_Evidence</c>, <c>_AssessmentNotes</c>), the Word
/// document and the spreadsheets of actions.
/// </summary>
public static class ReportCellWording
{
    public const string NoProgressYet = "No progress reported yet.";
    public const string NoEvidenceYet = "No evidence entered yet.";

    public static string SignedOffEarlier(SignOff signOff) => $"{signOff.Sentence}. No further update needed.";

    public static string CommitteeGrade(Grade? selfAssessed) => $"The committee's grade. The service's self-assessment: {selfAssessed?.NumberAndLabel() ?? "none"}.";

    public static string CommitteeReason(string reason) => $"The committee's reason: {reason}";

    public static string ExpectedBy(YearMonth month) => $"Expected to be achieved by {month}.";

    public static string DelayReason(string reason) => $"Reason for the delay: {reason}";
}
