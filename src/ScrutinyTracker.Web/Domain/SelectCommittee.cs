namespace ScrutinyTracker.Web.Domain;

/// <summary>The committee that carried out a review and agreed its action plan.</summary>
public class SelectCommittee : IVersioned
{
    public const int NameMaxLength = 150;

    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>Upper-cased name that keeps names unique whatever the database's collation.</summary>
    public string NormalizedName { get; set; } = "";

    /// <summary>Months from the plan's agreement to the first progress update of its reviews (3, 6 or 12).</summary>
    public int FirstUpdateMonths { get; set; } = MonitoringIntervals.DefaultFirstUpdateMonths;

    /// <summary>Months between later progress updates (3, 6 or 12).</summary>
    public int FollowUpMonths { get; set; } = MonitoringIntervals.DefaultFollowUpMonths;

    public Guid Version { get; set; } = Guid.NewGuid();

    public static string Normalize(string name) => name.Trim().ToUpperInvariant();
}
