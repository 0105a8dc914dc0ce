using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Features.Dashboard;

/// <summary>The dashboard's GET form and paging: /dashboard?committee=1&amp;stage=Monitoring&amp;year=2019&amp;sort=due-date&amp;page=2.</summary>
public sealed class DashboardFilter
{
    public const string SortByTitle = "title";
    public const string SortByDueDate = "due-date";
    public const string SortByAchieved = "achieved";

    public static IReadOnlyList<(string Value, string Text)> SortOptions { get; } =
    [
        (SortByTitle, "Title (A to Z)"),
        (SortByDueDate, "Next update due (soonest first)"),
        (SortByAchieved, "% fully achieved (lowest first)"),
    ];

    public int? Committee { get; set; }

    /// <summary>Where the review is in its monitoring cycle (<see cref="ReviewLife"/>).</summary>
    public ReviewStage? Stage { get; set; }

    public int? Year { get; set; }
    public string? Sort { get; set; }
    public int Page { get; set; } = 1;

    /// <summary>The sort asked for, or by title when the value is unknown.</summary>
    public string SortOrTitle => SortOptions.Any(o => o.Value == Sort) ? Sort! : SortByTitle;
}
