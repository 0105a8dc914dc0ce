namespace ScrutinyTracker.Web.Features.Reports;

/// <summary>The fixed wording of the council's progress-update document, kept word for word.</summary>
public static class CouncilDocument
{
    public const string Title = "SCRUTINY MONITORING – PROGRESS UPDATE";

    public const string Introduction =
        "Updates on the progress of actions in relation to agreed recommendations from previous scrutiny reviews are "
        + "required approximately 12 months after the relevant Select Committee has agreed the Action Plan.  Progress "
        + "updates must be detailed, evidencing what has taken place regarding each recommendation – a grade assessing "
        + "progress should then be given (see end of document for grading explanation).";

    public const string GradingsCaption = "Assessment of Progress Gradings";

    public static string EvidenceLabel(string roundLabel) => $"Evidence of Progress ({roundLabel})";

    public static string AssessmentLabel(string roundLabel) => $"Assessment of Progress ({roundLabel})";

    public const string AssessmentHint = "(include explanation if required)";
}
