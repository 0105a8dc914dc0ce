namespace ScrutinyTracker.Web.Features.Shared;

/// <summary>The current page and page count for <c>_Pagination.cshtml</c>; links keep the request's other query values.</summary>
public sealed record PaginationView(int Page, int Pages);
