using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Features.Shared;
using ScrutinyTracker.Web.Infrastructure;

namespace ScrutinyTracker.Web.Features.Public;

/// <summary>
/// The list of published reviews at <c>/public</c>, filtered by Select Committee, stage and the year the
/// action plan was agreed, a page at a time: two queries, however many reviews are published. The
/// stage is worked out in memory (<see cref="ReviewLife"/>), so the filtering and paging are too.
/// </summary>
public sealed class PublicListQuery(PublicReports reports, TimeProvider clock)
{
    public const int PageSize = 20;

    public async Task<PublicListView> LoadAsync(PublicListFilter filter, CancellationToken cancellationToken)
    {
        var published = reports.Published();
        var rows = await published
            .OrderBy(r => r.Title).ThenBy(r => r.Id)
            .Select(r => new PublicListItem(r.Id, r.Title, r.SelectCommitteeId, r.SelectCommittee!.Name, r.ActionPlanAgreed))
            .ToListAsync(cancellationToken);
        var lives = await published.LivesAsync(cancellationToken);

        var matching = rows
            .Where(r => filter.Committee is not { } committee || r.SelectCommitteeId == committee)
            .Where(r => filter.Stage is not { } stage || lives[r.Id].Stage == stage)
            .Where(r => filter.Year is not { } year || r.ActionPlanAgreed?.Year == year)
            .ToList();
        var pages = Math.Max(1, (matching.Count + PageSize - 1) / PageSize);
        var page = Math.Clamp(filter.Page, 1, pages);
        return new PublicListView(
            filter,
            [.. matching.Skip((page - 1) * PageSize).Take(PageSize)],
            lives,
            UkTime.Today(clock),
            matching.Count,
            new PaginationView(page, pages),
            [.. rows.DistinctBy(r => r.SelectCommitteeId).OrderBy(r => r.SelectCommittee).Select(r => (r.SelectCommitteeId, r.SelectCommittee))],
            [.. rows.Select(r => r.ActionPlanAgreed?.Year).OfType<int>().Distinct().OrderDescending()]);
    }
}

/// <summary>The filters of <c>/public</c>, from the query string; a value that cannot be read is ignored.</summary>
public sealed class PublicListFilter
{
    public int? Committee { get; set; }

    /// <summary>The stage's slug ("monitoring", "completed").</summary>
    public string? Status { get; set; }

    public int? Year { get; set; }

    public int Page { get; set; } = 1;

    public ReviewStage? Stage => ReviewStageText.All.Cast<ReviewStage?>().FirstOrDefault(s => s!.Value.Slug() == Status);
}

public sealed record PublicListItem(int Id, string Title, int SelectCommitteeId, string SelectCommittee, YearMonth? ActionPlanAgreed);

public sealed record PublicListView(
    PublicListFilter Filter,
    IReadOnlyList<PublicListItem> Reviews,
    IReadOnlyDictionary<int, ReviewLife> Lives,
    DateOnly Today,
    int Total,
    PaginationView Pagination,
    IReadOnlyList<(int Id, string Name)> Committees,
    IReadOnlyList<int> Years);
