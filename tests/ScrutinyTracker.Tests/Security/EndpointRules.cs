using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Tests.Security;

/// <summary>Who may call an endpoint: the table of the issue "Accounts, roles and access rules", one line per endpoint.</summary>
public sealed record EndpointRule(bool Anonymous, IReadOnlySet<string> AllowedRoles, bool PerReview);

/// <summary>
/// Every endpoint of the app and who may call it. <see cref="AuthorizationMatrixTests"/> fails for an
/// endpoint missing here, so a new page cannot ship without a decision about who may use it.
/// </summary>
public static class EndpointRules
{
    private static readonly string[] Officers = [Roles.Administrator, Roles.ScrutinyOfficer];

    /// <summary>Sign-in, error pages, the accessibility statement, privacy notice, cookies and help pages, published reviews: no account needed.</summary>
    public static EndpointRule Public { get; } = new(true, Roles.All.ToHashSet(), false);

    /// <summary>Any signed-in user, whatever their role (their own account).</summary>
    public static EndpointRule SignedIn { get; } = new(false, Roles.All.ToHashSet(), false);

    public static EndpointRule ManageUsers { get; } = new(false, new HashSet<string> { Roles.Administrator }, false);

    /// <summary>Create/edit reviews, plans, rounds; assign link officers.</summary>
    public static EndpointRule ManagePlans { get; } = new(false, Officers.ToHashSet(), false);

    /// <summary>Enter and submit evidence: officers, and link officers on their own reviews only.</summary>
    public static EndpointRule EnterUpdates { get; } = new(false, Officers.Append(Roles.LinkOfficer).ToHashSet(), true);

    /// <summary>Accept or return submitted updates; read the audit trail.</summary>
    public static EndpointRule CheckUpdates { get; } = new(false, Officers.ToHashSet(), false);

    /// <summary>Reports, dashboard, PDFs: everyone, link officers their own reviews only.</summary>
    public static EndpointRule ReadReports { get; } = new(false, Roles.All.ToHashSet(), true);

    /// <summary>Pages of a link officer's own work (My updates): link officers only.</summary>
    public static EndpointRule LinkOfficerOnly { get; } = new(false, new HashSet<string> { Roles.LinkOfficer }, false);

    public static IReadOnlyDictionary<string, EndpointRule> ByEndpoint { get; } = new Dictionary<string, EndpointRule>
    {
        // Accounts
        ["GET /account/sign-in"] = Public,
        ["POST /account/sign-in"] = Public,
        ["POST /account/sign-out"] = SignedIn,
        ["POST /account/stay-signed-in"] = SignedIn,
        ["GET /account/change-password"] = SignedIn,
        ["POST /account/change-password"] = SignedIn,
        ["GET /account/access-denied"] = Public,
        ["GET /error"] = Public,
        ["POST /error"] = Public,
        ["GET /error/{statusCode:int}"] = Public,
        ["GET /error/needs-https"] = Public,
        ["POST /error/{statusCode:int}"] = Public,

        // The service's own pages, and help for each role (decision 0008: help is public too)
        ["GET /accessibility"] = Public,
        ["GET /privacy"] = Public,
        ["GET /cookies"] = Public,
        ["GET /help"] = Public,
        ["GET /help/link-officers"] = Public,
        ["GET /help/scrutiny-officers"] = Public,
        ["GET /help/committee-members"] = Public,

        // Users
        ["GET /users"] = ManageUsers,
        ["GET /users/new"] = ManageUsers,
        ["POST /users/new"] = ManageUsers,
        ["GET /users/{userId}"] = ManageUsers,
        ["GET /users/{userId}/edit"] = ManageUsers,
        ["POST /users/{userId}/edit"] = ManageUsers,
        ["GET /users/{userId}/deactivate"] = ManageUsers,
        ["POST /users/{userId}/deactivate"] = ManageUsers,
        ["POST /users/{userId}/reactivate"] = ManageUsers,
        ["GET /users/{userId}/password"] = ManageUsers,
        ["POST /users/{userId}/password"] = ManageUsers,
        ["GET /users/{userId}/sessions"] = ManageUsers,
        ["POST /users/{userId}/sessions/{sessionKey}/end"] = ManageUsers,
        ["POST /users/{userId}/sessions/end-all"] = ManageUsers,

        // Reviews
        ["GET /"] = ReadReports,
        ["GET /reviews/{reviewId:int}"] = ReadReports,
        ["GET /reviews/new"] = ManagePlans,
        ["POST /reviews/new"] = ManagePlans,
        ["GET /reviews/{reviewId:int}/edit"] = ManagePlans,
        ["POST /reviews/{reviewId:int}/edit"] = ManagePlans,
        ["GET /reviews/{reviewId:int}/complete"] = ManagePlans,
        ["POST /reviews/{reviewId:int}/complete"] = ManagePlans,
        ["GET /select-committees"] = ManagePlans,
        ["POST /select-committees"] = ManagePlans,
        ["GET /select-committees/{committeeId:int}/rename"] = ManagePlans,
        ["POST /select-committees/{committeeId:int}/rename"] = ManagePlans,
        ["GET /select-committees/{committeeId:int}/intervals"] = ManagePlans,
        ["POST /select-committees/{committeeId:int}/intervals"] = ManagePlans,

        // The monitoring cycle: Executive responses, committee decisions, closing monitoring
        ["GET /reviews/{reviewId:int}/executive-responses"] = ReadReports,
        ["POST /reviews/{reviewId:int}/executive-responses"] = ManagePlans,
        ["GET /rounds/{roundId:int}/committee"] = ManagePlans,
        ["POST /rounds/{roundId:int}/committee"] = ManagePlans,
        ["GET /reviews/{reviewId:int}/close-monitoring"] = ManagePlans,
        ["POST /reviews/{reviewId:int}/close-monitoring"] = ManagePlans,
        ["GET /reviews/{reviewId:int}/recommendations/{recommendationId:int}/close-monitoring"] = ManagePlans,
        ["POST /reviews/{reviewId:int}/recommendations/{recommendationId:int}/close-monitoring"] = ManagePlans,

        // Action plans
        ["GET /reviews/{reviewId:int}/plan"] = ReadReports,
        ["GET /reviews/{reviewId:int}/plan/recommendations/new"] = ManagePlans,
        ["POST /reviews/{reviewId:int}/plan/recommendations/new"] = ManagePlans,
        ["GET /reviews/{reviewId:int}/plan/recommendations/{recommendationId:int}/edit"] = ManagePlans,
        ["POST /reviews/{reviewId:int}/plan/recommendations/{recommendationId:int}/edit"] = ManagePlans,
        ["GET /reviews/{reviewId:int}/plan/recommendations/{recommendationId:int}/delete"] = ManagePlans,
        ["POST /reviews/{reviewId:int}/plan/recommendations/{recommendationId:int}/delete"] = ManagePlans,
        ["POST /reviews/{reviewId:int}/plan/recommendations/{recommendationId:int}/move"] = ManagePlans,
        ["GET /reviews/{reviewId:int}/plan/recommendations/{recommendationId:int}/parts/new"] = ManagePlans,
        ["POST /reviews/{reviewId:int}/plan/recommendations/{recommendationId:int}/parts/new"] = ManagePlans,
        ["GET /reviews/{reviewId:int}/plan/parts/{partId:int}/edit"] = ManagePlans,
        ["POST /reviews/{reviewId:int}/plan/parts/{partId:int}/edit"] = ManagePlans,
        ["GET /reviews/{reviewId:int}/plan/parts/{partId:int}/delete"] = ManagePlans,
        ["POST /reviews/{reviewId:int}/plan/parts/{partId:int}/delete"] = ManagePlans,
        ["POST /reviews/{reviewId:int}/plan/parts/{partId:int}/move"] = ManagePlans,
        ["GET /reviews/{reviewId:int}/plan/recommendations/{recommendationId:int}/actions/new"] = ManagePlans,
        ["POST /reviews/{reviewId:int}/plan/recommendations/{recommendationId:int}/actions/new"] = ManagePlans,
        ["GET /reviews/{reviewId:int}/plan/actions/{actionId:int}/edit"] = ManagePlans,
        ["POST /reviews/{reviewId:int}/plan/actions/{actionId:int}/edit"] = ManagePlans,
        ["GET /reviews/{reviewId:int}/plan/actions/{actionId:int}/delete"] = ManagePlans,
        ["POST /reviews/{reviewId:int}/plan/actions/{actionId:int}/delete"] = ManagePlans,
        ["POST /reviews/{reviewId:int}/plan/actions/{actionId:int}/move"] = ManagePlans,
        ["GET /reviews/{reviewId:int}/plan/import"] = ManagePlans,
        ["POST /reviews/{reviewId:int}/plan/import"] = ManagePlans,
        ["POST /reviews/{reviewId:int}/plan/import/confirm"] = ManagePlans,

        // Rounds
        ["GET /reviews/{reviewId:int}/rounds/open"] = ManagePlans,
        ["POST /reviews/{reviewId:int}/rounds/open"] = ManagePlans,
        ["GET /rounds/{roundId:int}/close"] = ManagePlans,
        ["POST /rounds/{roundId:int}/close"] = ManagePlans,
        ["GET /rounds/due"] = ManagePlans,

        // Reports
        ["GET /reviews/{reviewId:int}/report"] = ReadReports,
        ["GET /reviews/{reviewId:int}/history"] = ReadReports,
        ["GET /dashboard"] = ReadReports,

        // Progress updates
        ["GET /my-updates"] = LinkOfficerOnly,
        ["GET /rounds/{roundId:int}/updates"] = EnterUpdates,
        ["POST /rounds/{roundId:int}/updates"] = EnterUpdates,
        ["POST /rounds/{roundId:int}/updates/{updateId:int}"] = EnterUpdates,
        ["POST /rounds/{roundId:int}/submit"] = EnterUpdates,
        ["GET /rounds/{roundId:int}/check"] = CheckUpdates,
        ["POST /rounds/{roundId:int}/accept-all"] = CheckUpdates,
        ["POST /updates/{updateId:int}/accept"] = CheckUpdates,
        ["GET /updates/{updateId:int}/return"] = CheckUpdates,
        ["POST /updates/{updateId:int}/return"] = CheckUpdates,
        ["GET /updates/{updateId:int}/reopen"] = CheckUpdates,
        ["POST /updates/{updateId:int}/reopen"] = CheckUpdates,
        ["GET /actions/{actionId:int}/history"] = CheckUpdates,

        // Importing the council's Word documents (a pending import is its owner's only)
        ["GET /imports/word"] = ManagePlans,
        ["POST /imports/word"] = ManagePlans,
        ["GET /imports/{importId:guid}"] = ManagePlans,
        ["POST /imports/{importId:guid}/confirm"] = ManagePlans,
        ["POST /imports/{importId:guid}/cancel"] = ManagePlans,

        // PDFs
        ["GET /reviews/{reviewId:int}/report.pdf"] = ReadReports,

        // Exports: Word and spreadsheets with the rights of the page they come from
        ["GET /reviews/{reviewId:int}/report.docx"] = ReadReports,
        ["GET /reviews/{reviewId:int}/actions.xlsx"] = ReadReports,
        ["GET /reviews/{reviewId:int}/actions.csv"] = ReadReports,
        ["GET /dashboard/actions.xlsx"] = ReadReports,
        ["GET /dashboard/actions.csv"] = ReadReports,
        ["GET /committee-packs"] = ManagePlans,
        ["POST /committee-packs"] = ManagePlans,

        // Publishing a review, and the public pages of published reviews (no sign-in; 404 unless published)
        ["POST /reviews/{reviewId:int}/publish"] = ManagePlans,
        ["POST /reviews/{reviewId:int}/withdraw"] = ManagePlans,
        ["GET /public"] = Public,
        ["GET /public/reviews/{reviewId:int}"] = Public,
        ["GET /public/reviews/{reviewId:int}/report.pdf"] = Public,
        ["GET /public/recommendations.csv"] = Public,
        ["GET /public/recommendations.json"] = Public,
        ["GET /public/rounds.atom"] = Public,

        // Search: every signed-in role, within the reviews and updates each may read (the search's own tests);
        // the public search reads published reviews only
        ["GET /search"] = SignedIn,
        ["GET /public/search"] = Public,
    };
}
