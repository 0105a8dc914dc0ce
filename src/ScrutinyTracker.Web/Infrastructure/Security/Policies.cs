using Microsoft.AspNetCore.Authorization;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Infrastructure.Security;

/// <summary>
/// What each role may do (issue: accounts, roles and access rules). Per-review limits for link
/// officers are checked by <see cref="ReviewAccess"/> on top of these.
/// </summary>
public static class Policies
{
    public const string ManageUsers = nameof(ManageUsers);
    public const string ManagePlans = nameof(ManagePlans);
    public const string EnterUpdates = nameof(EnterUpdates);
    public const string CheckUpdates = nameof(CheckUpdates);
    public const string ReadReports = nameof(ReadReports);
    public const string ReadAudit = nameof(ReadAudit);

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(ManageUsers, p => p.RequireRole(Roles.Administrator));
        options.AddPolicy(ManagePlans, p => p.RequireRole(Roles.Administrator, Roles.ScrutinyOfficer));
        options.AddPolicy(EnterUpdates, p => p.RequireRole(Roles.Administrator, Roles.ScrutinyOfficer, Roles.LinkOfficer));
        options.AddPolicy(CheckUpdates, p => p.RequireRole(Roles.Administrator, Roles.ScrutinyOfficer));
        options.AddPolicy(ReadReports, p => p.RequireRole(Roles.All.ToArray()));
        options.AddPolicy(ReadAudit, p => p.RequireRole(Roles.Administrator, Roles.ScrutinyOfficer));

        // Anything without its own rule still needs a signed-in user.
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
    }
}
