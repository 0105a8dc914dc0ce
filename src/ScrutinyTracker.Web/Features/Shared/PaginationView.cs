using System.ComponentModel.DataAnnotations;

namespace ScrutinyTracker.Web.Features.Shared;

/// <summary>The current page and page count for <c>_Pagination.cshtml</c>; links keep the request's other query values.</summary>
/// <param name="Parameter">The query value that names the page, for a page with several paged lists.</param>
/// <param name="Label">The navigation's accessible name, different for each paged list of a page.</param>
/// <param name="PageSize">How many items a page holds, when known.</param>
public sealed record PaginationView(int Page, int Pages, string Parameter = "page", string Label = "Pages", int PageSize = 0)
{
    /// <summary>The page asked for, kept within the pages there are, for <paramref name="total"/> items.</summary>
    public static PaginationView For(int requested, int total, int pageSize, string parameter = "page", string label = "Pages")
    {
        var pages = Math.Max(1, (int)Math.Ceiling(total / (double)pageSize));
        return new PaginationView(Math.Clamp(requested, 1, pages), pages, parameter, label, pageSize);
    }

    /// <summary>How many items come before this page.</summary>
    public int Skip(int pageSize) => (Page - 1) * pageSize;
}

/// <summary>The "Paging" settings: how many rows a page of a list that grows with the archive shows.</summary>
public sealed class PagingOptions
{
    public const string Section = "Paging";

    [Range(1, 500, ErrorMessage = "Paging:PageSize must be between 1 and 500.")]
    public int PageSize { get; set; } = 25;
}
