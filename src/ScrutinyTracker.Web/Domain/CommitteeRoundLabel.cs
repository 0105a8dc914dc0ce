namespace ScrutinyTracker.Web.Domain;

/// <summary>
/// A round label used by some of a Select Committee's reviews, with the latest due date of their rounds of
/// that label: the committee-pack form's round choices, kept in the same transaction as every round created,
/// deleted, relabelled or moved and every review moved or deleted, so that the form reads a row per label
/// instead of every round of the committee's reviews (decision 0018).
/// </summary>
public sealed class CommitteeRoundLabel
{
    public int SelectCommitteeId { get; set; }
    public string Label { get; set; } = "";
    public DateOnly LatestDueDate { get; set; }
}
