namespace ScrutinyTracker.Web.Domain;

/// <summary>
/// Where one review stands, kept up to date in the same transaction as every change to it
/// (<c>Infrastructure/Summaries/ReviewSummaryInterceptor</c>), so that lists filter, sort, count and page
/// in the database without reading any review's actions or updates (issue 17, decision 0018). Everything
/// here follows from the review's own rows: <see cref="Life"/> is <see cref="ReviewLife.Of"/> of its
/// <see cref="ReviewFacts"/>, the grade counts are those of its monitored actions' latest accepted grades.
/// </summary>
public sealed class ReviewSummary
{
    public int ReviewId { get; set; }

    /// <summary>The review's Select Committee, so that the dashboard's filter and sort walk one index of the summaries.</summary>
    public int SelectCommitteeId { get; set; }

    /// <summary>The title in capitals, to sort A to Z whatever the case, in either database.</summary>
    public string TitleKey { get; set; } = "";

    /// <summary>The year the action plan was agreed, for the dashboard's filter.</summary>
    public int? AgreedYear { get; set; }

    public ReviewStage Stage { get; set; }

    /// <summary>The review's status is Completed: the reviews list puts these after the others.</summary>
    public bool Completed { get; set; }
    public DateOnly? NextUpdateDue { get; set; }

    /// <summary>
    /// <see cref="NextUpdateDue"/>, or <see cref="DateOnly.MaxValue"/> when there is none: the dashboard's sort by
    /// due date (none last) as a plain column, which an index serves; "IS NULL" first is an expression no index does.
    /// </summary>
    public DateOnly DueSortKey { get; set; }
    public DateOnly? ExecutiveResponseDue { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public string? RoundAwaitingCommittee { get; set; }
    public int AwaitingResponses { get; set; }
    public bool HasOpenRound { get; set; }

    /// <summary>The label of the review's latest round, if any.</summary>
    public string? LatestRound { get; set; }

    public int FullyAchieved { get; set; }
    public int OnTrack { get; set; }
    public int Slipped { get; set; }
    public int NotAchieved { get; set; }
    public int NotGraded { get; set; }

    /// <summary>Share of the monitored actions Fully Achieved; null when there are none.</summary>
    public int? PercentFullyAchieved { get; set; }

    /// <summary><see cref="PercentFullyAchieved"/>, or <see cref="NoPercentSortKey"/> when there is none: the sort by it, none last, as a plain column (see <see cref="DueSortKey"/>).</summary>
    public int AchievedSortKey { get; set; }

    /// <summary>Above every percentage, so a review with no monitored actions sorts last.</summary>
    public const int NoPercentSortKey = 101;

    public int SignedOff { get; set; }
    public int AwaitingCommittee { get; set; }

    public ReviewLife Life => new(Stage, NextUpdateDue, ExecutiveResponseDue, ClosedOn, RoundAwaitingCommittee, AwaitingResponses, HasOpenRound);
}
