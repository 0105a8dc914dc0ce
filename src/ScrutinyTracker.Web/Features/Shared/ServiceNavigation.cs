using System.Security.Claims;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Features.Shared;

/// <summary>
/// One item of the service navigation: its own page and the sections (paths) of the pages under it
/// that have no item of their own.
/// </summary>
public sealed record NavigationItem(string Text, string Path, IReadOnlyList<string> Sections);

/// <summary>The service navigation's items for a user (_Navigation.cshtml), and which one a page belongs to.</summary>
public static class ServiceNavigation
{
    public static IReadOnlyList<NavigationItem> ItemsFor(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return [];
        }

        // A round's pages belong to its review for officers, and to My updates for link officers.
        var items = new List<NavigationItem> { new("Reviews", "/", ["/reviews", "/select-committees", "/rounds", "/updates", "/actions", "/imports"]) };
        if (user.IsInRole(Roles.LinkOfficer))
        {
            items.Add(new("My updates", "/my-updates", ["/rounds"]));
        }
        if (user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.ScrutinyOfficer))
        {
            items.Add(new("Due for update", "/rounds/due", []));
            items.Add(new("Committee packs", "/committee-packs", []));
        }
        items.Add(new("Dashboard", "/dashboard", []));
        if (user.IsInRole(Roles.Administrator))
        {
            items.Add(new("Users", "/users", []));
        }

        return items;
    }

    /// <summary>
    /// Each item's aria-current for the page at <paramref name="path"/>: "page" on the item's own page,
    /// "true" on the one item whose section holds the page (the longest section, then the later item),
    /// null otherwise.
    /// </summary>
    public static IReadOnlyList<string?> Current(IReadOnlyList<NavigationItem> items, string path)
    {
        path = path.Length > 1 ? path.TrimEnd('/') : "/";
        var ownPage = items.ToList().FindIndex(i => string.Equals(path, i.Path, StringComparison.OrdinalIgnoreCase));
        if (ownPage >= 0)
        {
            return items.Select((_, index) => index == ownPage ? "page" : null).ToList();
        }

        var section = items
            .Select((item, index) => (index, Length: SectionsOf(item).Where(s => Holds(s, path)).Select(s => s.Length).DefaultIfEmpty(0).Max()))
            .Where(x => x.Length > 0)
            .OrderBy(x => x.Length).ThenBy(x => x.index)
            .Select(x => (int?)x.index)
            .LastOrDefault();
        return items.Select((_, index) => index == section ? "true" : null).ToList();
    }

    private static IEnumerable<string> SectionsOf(NavigationItem item) => item.Path == "/" ? item.Sections : item.Sections.Prepend(item.Path);

    private static bool Holds(string section, string path) =>
        path.StartsWith(section + "/", StringComparison.OrdinalIgnoreCase) || string.Equals(path, section, StringComparison.OrdinalIgnoreCase);
}
