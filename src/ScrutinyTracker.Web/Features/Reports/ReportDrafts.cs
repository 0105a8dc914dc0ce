using System.Security.Claims;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Features.Reports;

/// <summary>
/// Who may see updates that are not yet accepted. Committee members only ever read accepted
/// updates. Administrators and scrutiny officers may include drafts, and so may link officers,
/// who can open the reports of their own reviews only. Drafts are never shown unless asked for.
/// A user holding an officer role as well as the committee member role counts as an officer.
/// </summary>
public static class ReportDrafts
{
    public static bool MayInclude(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.ScrutinyOfficer) || user.IsInRole(Roles.LinkOfficer);
}
