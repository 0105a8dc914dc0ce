using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Features.Reviews;

/// <summary>The choices a review's form offers: Select Committees, and users with the Link Officer role.</summary>
public sealed class ReviewFormOptions(ScrutinyDbContext db)
{
    /// <summary>Fills the form's lists. A deactivated officer stays listed on the reviews already assigned to them.</summary>
    public async Task FillAsync(ReviewForm form, int? reviewId, CancellationToken cancellationToken)
    {
        form.SelectCommittees = await db.SelectCommittees.AsNoTracking()
            .OrderBy(c => c.Name)
            .Select(c => new SelectListItem(c.Name, c.Id.ToString()))
            .ToListAsync(cancellationToken);

        var linkOfficerRoleIds = db.Roles.Where(r => r.Name == Roles.LinkOfficer).Select(r => r.Id);
        var officers = await db.Users.AsNoTracking()
            .Where(u => (u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && linkOfficerRoleIds.Contains(ur.RoleId)))
                || db.ReviewLinkOfficers.Any(l => l.ReviewId == reviewId && l.UserId == u.Id))
            .OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName, u.IsActive })
            .ToListAsync(cancellationToken);
        form.HasRounds = reviewId is not null && await db.Rounds.AnyAsync(r => r.ReviewId == reviewId, cancellationToken);
        form.LinkOfficers = officers
            .Select(u => new SelectListItem(u.IsActive ? u.DisplayName : $"{u.DisplayName} (deactivated)", u.Id))
            .ToList();
    }

    /// <summary>Refuses choices that are not in the lists (a tampered post, or a committee or officer gone meanwhile).</summary>
    public static void CheckChoices(ReviewForm form, ModelStateDictionary modelState)
    {
        if (form.SelectCommitteeId is { } committeeId && form.SelectCommittees.All(c => c.Value != committeeId.ToString()))
        {
            modelState.AddModelError(nameof(ReviewForm.SelectCommitteeId), "Select the Select Committee from the list");
        }

        if (form.HasRounds && string.IsNullOrWhiteSpace(form.ActionPlanAgreed))
        {
            modelState.AddModelError(nameof(ReviewForm.ActionPlanAgreed), "Enter the month the action plan was agreed: the review's rounds are scheduled from it");
        }

        if (form.LinkOfficerIds.Any(id => form.LinkOfficers.All(o => o.Value != id)))
        {
            modelState.AddModelError(nameof(ReviewForm.LinkOfficerIds), "Select link officers from the list");
        }
    }
}
