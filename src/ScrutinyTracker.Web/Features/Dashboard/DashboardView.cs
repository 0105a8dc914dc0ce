using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Features.Shared;

namespace ScrutinyTracker.Web.Features.Dashboard;

public sealed record DashboardView(
    DashboardFilter Filter,
    IReadOnlyList<DashboardItem> Reviews,
    int Matching,
    PaginationView Pagination,
    IReadOnlyList<(int Id, string Name)> Committees,
    IReadOnlyList<int> Years);

/// <summary>
/// One review on the dashboard. <see cref="Grades"/> counts each action by its latest accepted grade
/// (an action never graded and accepted counts as not graded).
/// </summary>
public sealed record DashboardItem(
    int Id,
    string Title,
    int SelectCommitteeId,
    string SelectCommittee,
    YearMonth ActionPlanAgreed,
    ReviewStatus Status,
    string? LatestRound,
    bool HasOpenRound,
    GradeCounts Grades,
    DateOnly? NextDue,
    bool IsOverdue)
{
    public int? PercentFullyAchieved => Grades.PercentFullyAchieved;
}
