using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Features.Shared;

namespace ScrutinyTracker.Web.Features.Dashboard;

/// <param name="Totals">Every matching review's actions together.</param>
public sealed record DashboardView(
    DashboardFilter Filter,
    DateOnly Today,
    IReadOnlyList<DashboardItem> Reviews,
    int Matching,
    DashboardTotals Totals,
    PaginationView Pagination,
    IReadOnlyList<(int Id, string Name)> Committees,
    IReadOnlyList<int> Years,
    int PageSize);

/// <summary>
/// One review on the dashboard. <see cref="Grades"/> counts each monitored action by its latest accepted
/// grade, the committee's where it changed the self-assessment (never graded: not graded).
/// <see cref="SignedOff"/> counts actions the committee signed off; <see cref="AwaitingCommittee"/> those
/// whose latest grade is in a closed round the committee has not considered yet.
/// </summary>
public sealed record DashboardItem(
    int Id,
    string Title,
    int SelectCommitteeId,
    string SelectCommittee,
    YearMonth? ActionPlanAgreed,
    ReviewLife Life,
    string? LatestRound,
    bool HasOpenRound,
    GradeCounts Grades,
    int SignedOff,
    int AwaitingCommittee,
    IReadOnlyList<RoundTrend> Trend)
{
    public int? PercentFullyAchieved => Grades.PercentFullyAchieved;

    public DateOnly? NextDue => Life.NextUpdateDue;
}

/// <summary>How many of a review's accepted updates in one round had each grade (the committee's where it changed one).</summary>
public sealed record RoundTrend(string Label, GradeCounts Grades);

public sealed record DashboardTotals(GradeCounts Grades, int SignedOff, int AwaitingCommittee);
