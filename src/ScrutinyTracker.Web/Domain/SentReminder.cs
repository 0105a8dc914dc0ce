namespace ScrutinyTracker.Web.Domain;

/// <summary>
/// A scheduled e-mail (a reminder, a chaser, a digest) sent to a person. Its key (person, kind, what it
/// is about) is unique, and the row is written in the same transaction as the e-mail, so however many
/// app instances run the schedule, each is sent once.
/// </summary>
public class SentReminder
{
    public const int KindMaxLength = 50;
    public const int AboutMaxLength = 100;

    public int Id { get; set; }
    public required string UserId { get; set; }
    public ApplicationUser? User { get; set; }

    /// <summary>"DueIn14", "Overdue2", "ExecutiveResponseDue", "WeeklyDigest".</summary>
    public required string Kind { get; set; }

    /// <summary>What it is about: "round 12", "review 5 due 2021-06-10", "week 2026-12-07".</summary>
    public required string About { get; set; }

    public DateTime SentAtUtc { get; set; }
}
