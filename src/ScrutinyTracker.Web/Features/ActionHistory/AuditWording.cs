using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Features.ActionHistory;

/// <summary>
/// Audit rows in the council's words: field names as the document writes them and values as people
/// read them ("2 – On-Track"). Bookkeeping fields (ids, positions, who/when stamps) are left out,
/// because every row of the history already says who changed what and when.
/// </summary>
public static class AuditWording
{
    private static readonly Dictionary<(string EntityType, string Field), string> FieldNames = new()
    {
        [(nameof(ProgressUpdate), nameof(ProgressUpdate.Evidence))] = "Evidence of Progress",
        [(nameof(ProgressUpdate), nameof(ProgressUpdate.Grade))] = "Assessment of Progress",
        [(nameof(ProgressUpdate), nameof(ProgressUpdate.Explanation))] = "Explanation",
        [(nameof(ProgressUpdate), nameof(ProgressUpdate.Status))] = "Status",
        [(nameof(ProgressUpdate), nameof(ProgressUpdate.ReturnComment))] = "Scrutiny officer's comment",
        [(nameof(ProgressUpdate), nameof(ProgressUpdate.ExpectedBy))] = "Expected to be achieved by",
        [(nameof(ProgressUpdate), nameof(ProgressUpdate.DelayReason))] = "Reason for the delay",
        [(nameof(CommitteeDecision), nameof(CommitteeDecision.Outcome))] = "Committee's decision",
        [(nameof(CommitteeDecision), nameof(CommitteeDecision.Grade))] = "Committee's grade",
        [(nameof(CommitteeDecision), nameof(CommitteeDecision.Reason))] = "Committee's reason",
        [(nameof(PlanAction), nameof(PlanAction.Heading))] = "Heading",
        [(nameof(PlanAction), nameof(PlanAction.Responsibility))] = "Responsibility",
        [(nameof(PlanAction), nameof(PlanAction.TargetDate))] = "Date",
        [(nameof(PlanAction), nameof(PlanAction.AgreedAction))] = "Agreed Action",
        [(nameof(PlanAction), nameof(PlanAction.SuccessMeasure))] = "Agreed Success Measure",
    };

    public static IReadOnlyCollection<string> EntityTypes { get; } = [nameof(ProgressUpdate), nameof(PlanAction), nameof(CommitteeDecision)];

    public static IReadOnlyCollection<string> ShownFields { get; } = FieldNames.Keys.Select(k => k.Field).Distinct().ToList();

    public static string? FieldName(string entityType, string field) => FieldNames.GetValueOrDefault((entityType, field));

    public static string Value(string field, string? stored) => stored switch
    {
        null or "" => "",
        _ when field == nameof(ProgressUpdate.Grade) && Enum.TryParse<Grade>(stored, out var grade) && Enum.IsDefined(grade) => grade.NumberAndLabel(),
        _ when field == nameof(CommitteeDecision.Outcome) && Enum.TryParse<CommitteeOutcome>(stored, out var outcome) && Enum.IsDefined(outcome) => outcome.Label(),
        _ => stored,
    };

    public static string Change(AuditKind kind) => kind switch
    {
        AuditKind.Added => "Created",
        AuditKind.Deleted => "Deleted",
        _ => "Changed",
    };
}
