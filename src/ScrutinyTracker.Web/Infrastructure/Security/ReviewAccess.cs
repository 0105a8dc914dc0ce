using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Infrastructure.Security;

/// <summary>
/// Per-review rules: link officers see and edit only the reviews they are assigned to; officers and
/// administrators see all; committee members read all. Callers answer 404 when a check fails, so a
/// review's existence or title never leaks.
/// </summary>
public sealed class ReviewAccess(ScrutinyDbContext db, IHttpContextAccessor httpContextAccessor)
{
    private ClaimsPrincipal User => httpContextAccessor.HttpContext?.User ?? new ClaimsPrincipal();

    public string? UserId => User.FindFirstValue(ClaimTypes.NameIdentifier);

    public bool SeesAllReviews => User.IsInRole(Roles.Administrator) || User.IsInRole(Roles.ScrutinyOfficer) || User.IsInRole(Roles.CommitteeMember);

    public bool EditsAllReviews => User.IsInRole(Roles.Administrator) || User.IsInRole(Roles.ScrutinyOfficer);

    /// <summary>Reviews this user may read, as a query to compose (no round-trip of its own).</summary>
    public IQueryable<Review> VisibleReviews()
    {
        if (SeesAllReviews)
        {
            return db.Reviews;
        }

        var userId = UserId;
        return User.IsInRole(Roles.LinkOfficer) && userId is not null
            ? db.Reviews.Where(r => r.LinkOfficers.Any(l => l.UserId == userId))
            : db.Reviews.Where(_ => false);
    }

    public Task<bool> CanReadAsync(int reviewId, CancellationToken cancellationToken = default) =>
        VisibleReviews().AnyAsync(r => r.Id == reviewId, cancellationToken);

    /// <summary>May enter and submit evidence on this review.</summary>
    public async Task<bool> CanEnterUpdatesAsync(int reviewId, CancellationToken cancellationToken = default)
    {
        if (EditsAllReviews)
        {
            return await db.Reviews.AnyAsync(r => r.Id == reviewId, cancellationToken);
        }

        var userId = UserId;
        return User.IsInRole(Roles.LinkOfficer) && userId is not null
            && await db.ReviewLinkOfficers.AnyAsync(l => l.ReviewId == reviewId && l.UserId == userId, cancellationToken);
    }
}
