namespace ScrutinyTracker.Web.Domain;

/// <summary>
/// The accepted grades of one round, the committee's where it changed one: the dashboard's trend of a
/// review, kept with its <see cref="ReviewSummary"/> in the same transaction as every change, so that the
/// dashboard reads a few rows per review shown instead of every update of those reviews (decision 0018).
/// Only rounds with at least one graded, accepted update have one.
/// </summary>
public sealed class RoundSummary
{
    public int RoundId { get; set; }
    public int FullyAchieved { get; set; }
    public int OnTrack { get; set; }
    public int Slipped { get; set; }
    public int NotAchieved { get; set; }
}
