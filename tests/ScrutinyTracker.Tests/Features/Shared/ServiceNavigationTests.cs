using System.Security.Claims;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Features.Shared;
using Shouldly;

namespace ScrutinyTracker.Tests.Features.Shared;

public sealed class ServiceNavigationTests
{
    private static ClaimsPrincipal SignedIn(string role) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, "someone"), new Claim(ClaimTypes.Role, role)], "test"));

    /// <summary>The text of the item marked current, with its aria-current value: "Reviews=true".</summary>
    private static string CurrentItem(string role, string path)
    {
        var items = ServiceNavigation.ItemsFor(SignedIn(role));
        var current = ServiceNavigation.Current(items, path);
        return string.Join(", ", items.Zip(current).Where(x => x.Second is not null).Select(x => $"{x.First.Text}={x.Second}"));
    }

    [Theory]
    [InlineData(Roles.ScrutinyOfficer, "/", "Reviews=page")]
    [InlineData(Roles.ScrutinyOfficer, "/reviews/3/plan", "Reviews=true")]
    [InlineData(Roles.ScrutinyOfficer, "/rounds/4/check", "Reviews=true")]
    [InlineData(Roles.ScrutinyOfficer, "/rounds/4/updates", "Reviews=true")]
    [InlineData(Roles.ScrutinyOfficer, "/updates/9/return", "Reviews=true")]
    [InlineData(Roles.ScrutinyOfficer, "/actions/9/history", "Reviews=true")]
    [InlineData(Roles.ScrutinyOfficer, "/rounds/due", "Due for update=page")]
    [InlineData(Roles.ScrutinyOfficer, "/rounds/due/", "Due for update=page")]
    [InlineData(Roles.Administrator, "/users/abc/edit", "Users=true")]
    [InlineData(Roles.LinkOfficer, "/rounds/4/updates", "My updates=true")]
    [InlineData(Roles.LinkOfficer, "/reviews/3/report", "Reviews=true")]
    [InlineData(Roles.LinkOfficer, "/account/change-password", "")]
    public void A_page_marks_the_one_item_it_belongs_to(string role, string path, string expected) =>
        CurrentItem(role, path).ShouldBe(expected);

    [Fact]
    public void Nobody_signed_in_gets_no_items() =>
        ServiceNavigation.ItemsFor(new ClaimsPrincipal(new ClaimsIdentity())).ShouldBeEmpty();

    [Fact]
    public void An_administrator_gets_every_item_in_order() =>
        ServiceNavigation.ItemsFor(SignedIn(Roles.Administrator)).Select(i => i.Text)
            .ShouldBe(["Reviews", "Due for update", "Committee packs", "Dashboard", "Users"]);
}
