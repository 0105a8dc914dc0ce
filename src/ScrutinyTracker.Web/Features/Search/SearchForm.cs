using System.Globalization;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Features.Search;

/// <summary>
/// A search from the query string. Every value is read as text and one that cannot be read is ignored,
/// as on the public list: a search box has nothing to refuse.
/// </summary>
public sealed class SearchForm
{
    public string? Q { get; set; }

    public string? Committee { get; set; }

    /// <summary>1 to 4.</summary>
    public string? Grade { get; set; }

    /// <summary>An update's status, by name ("Submitted"); for those who may see updates not yet accepted.</summary>
    public string? Status { get; set; }

    public string? Page { get; set; }

    public SearchTerms Terms => SearchTerms.Parse(Q);

    public int PageNumber => int.TryParse(Page, NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page is >= 1 and <= 10_000 ? page : 1;

    public SearchFilters Filters(bool statusAllowed) => new(
        int.TryParse(Committee, NumberStyles.None, CultureInfo.InvariantCulture, out var committee) ? committee : null,
        int.TryParse(Grade, NumberStyles.None, CultureInfo.InvariantCulture, out var grade) && Enum.IsDefined((Domain.Grade)grade) ? (Domain.Grade)grade : null,
        statusAllowed && Enum.TryParse<UpdateStatus>(Status, ignoreCase: false, out var status) && Enum.IsDefined(status) && !int.TryParse(Status, out _) ? status : null);
}
