namespace ScrutinyTracker.Web.Domain;

public enum ReviewStatus
{
    Monitoring,
    Completed,
}

/// <summary>A scrutiny review whose action plan a Select Committee agreed.</summary>
public class Review : IVersioned
{
    public const int TitleMaxLength = 200;
    public const int ClosedReasonMaxLength = 2000;

    public int Id { get; set; }
    public required string Title { get; set; }
    public int SelectCommitteeId { get; set; }
    public SelectCommittee? SelectCommittee { get; set; }

    /// <summary>The month the Select Committee agreed the action plan ("March 2019"); null until it has.</summary>
    public YearMonth? ActionPlanAgreed { get; set; }

    /// <summary>When the review's report went to the Executive (Cabinet); its response is due two months later.</summary>
    public DateOnly? ReportToExecutive { get; set; }

    /// <summary>This review's own first interval, overriding its committee's (<see cref="MonitoringIntervals"/>).</summary>
    public int? FirstUpdateMonths { get; set; }

    /// <summary>This review's own follow-up interval, overriding its committee's.</summary>
    public int? FollowUpMonths { get; set; }

    /// <summary>Set when the committee ended monitoring before every action was signed off.</summary>
    public DateOnly? MonitoringClosedOn { get; set; }

    public string? MonitoringClosedReason { get; set; }

    public ReviewStatus Status { get; set; } = ReviewStatus.Monitoring;

    /// <summary>
    /// When a scrutiny officer published the review on the public pages (<c>/public</c>); null while it is
    /// not published, which is the default. Withdrawing sets it back to null; both are audited.
    /// </summary>
    public DateTime? PublishedAtUtc { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public List<ReviewLinkOfficer> LinkOfficers { get; set; } = [];
    public List<Recommendation> Recommendations { get; set; } = [];
    public List<Round> Rounds { get; set; } = [];

    /// <summary>Where it stands, kept by the database layer (never set by hand).</summary>
    public ReviewSummary? Summary { get; set; }
}

/// <summary>An officer who reports progress on a review.</summary>
public class ReviewLinkOfficer
{
    public int ReviewId { get; set; }
    public required string UserId { get; set; }
    public ApplicationUser? User { get; set; }
}
