using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Features.Imports;

/// <summary>The active users with the Link officer role, and which of them the document's names are.</summary>
public sealed class LinkOfficerMatching(ScrutinyDbContext db)
{
    public sealed record Officer(string Id, string Name);

    public sealed record Matches(IReadOnlyList<Officer> Officers, IReadOnlyDictionary<string, Officer> ByDocumentName, IReadOnlyList<string> Unmatched);

    public async Task<Matches> MatchAsync(IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        var linkOfficerRoleIds = db.Roles.Where(r => r.Name == Roles.LinkOfficer).Select(r => r.Id);
        var officers = await db.Users.AsNoTracking()
            .Where(u => u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && linkOfficerRoleIds.Contains(ur.RoleId)))
            .OrderBy(u => u.DisplayName)
            .Select(u => new Officer(u.Id, u.DisplayName))
            .ToListAsync(cancellationToken);
        var byName = new Dictionary<string, Officer>(StringComparer.OrdinalIgnoreCase);
        var unmatched = new List<string>();
        foreach (var name in names)
        {
            // Only a name that is one officer's: two officers of one name are for the officer to pick.
            var found = officers.Where(o => string.Equals(Normalise(o.Name), Normalise(name), StringComparison.OrdinalIgnoreCase)).ToList();
            if (found.Count == 1)
            {
                byName[name] = found[0];
            }
            else
            {
                unmatched.Add(name);
            }
        }

        return new Matches(officers, byName, unmatched);
    }

    private static string Normalise(string name) => string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
