using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Data;

namespace ScrutinyTracker.Web.Features.Shared;

/// <summary>
/// The link officers of the reviews a list shows, in one query by their ids (sent even for none, so a page's
/// queries do not depend on the data). Joined into the list's own query instead, SQLite materialised every
/// review's link officers and scanned them once per row shown (decision 0018).
/// </summary>
public static class LinkOfficerNames
{
    public static async Task<Func<int, IReadOnlyList<string>>> LinkOfficerNamesAsync(this ScrutinyDbContext db, IEnumerable<int> reviewIds, CancellationToken cancellationToken)
    {
        var ids = reviewIds.Distinct().ToList();
        var rows = await db.ReviewLinkOfficers.AsNoTracking()
            .Where(l => ids.Contains(l.ReviewId))
            .Select(l => new { l.ReviewId, l.User!.DisplayName })
            .ToListAsync(cancellationToken);
        var byReview = rows.ToLookup(r => r.ReviewId, r => r.DisplayName);
        return id => [.. byReview[id].Order(StringComparer.Ordinal)];
    }
}
