using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using ScrutinyTracker.BrowserTests.Infrastructure;
using ScrutinyTracker.Tests.Security;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.BrowserTests.Journeys;

/// <summary>
/// Journey 3: a committee member finds the Hate Crime report through the dashboard, reads its grades and
/// downloads it, and is refused every page that would let them change anything.
/// </summary>
public sealed partial class CommitteeMemberReadsTheReports(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string CommitteeMember = "committee.member@example.gov.uk";

    [Fact]
    public async Task A_committee_member_filters_the_dashboard_by_committee_and_reads_the_hate_crime_report()
    {
        await using var journey = await Journey.StartAsync(browser);
        await journey.RunAsync(async j =>
        {
            await j.SignInAsync(CommitteeMember);
            await j.Page.GetByRole(AriaRole.Link, new() { Name = "Dashboard" }).ClickAsync();
            await j.CheckAccessibilityAsync();
            await j.Page.GetByLabel("Select Committee").SelectOptionAsync(new SelectOptionValue { Label = "Crime and Disorder Select Committee" });
            await j.Page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
            await j.CheckAccessibilityAsync();
            var reviews = j.Page.GetByRole(AriaRole.Table, new() { Name = "Reviews, 1 in all" });
            await Assertions.Expect(reviews.GetByRole(AriaRole.Rowheader)).ToHaveTextAsync(["Hate Crime"]);
            await Assertions.Expect(reviews.GetByRole(AriaRole.Img, new() { Name = "Grades: 12 Fully Achieved, 2 On-Track, 1 Slipped, 1 Not Achieved, 0 not graded" })).ToBeVisibleAsync();

            await reviews.GetByRole(AriaRole.Link, new() { Name = "Hate Crime", Exact = true }).ClickAsync();
            await j.CheckAccessibilityAsync();
            var summary = j.Page.GetByRole(AriaRole.Table, new() { Name = "Summary of March 2020: actions by grade" });
            await Assertions.Expect(summary.GetByRole(AriaRole.Rowheader)).ToHaveTextAsync(["1 Fully Achieved", "2 On-Track", "3 Slipped", "4 Not Achieved", "Not graded"]);
            await Assertions.Expect(summary.GetByRole(AriaRole.Cell)).ToHaveTextAsync(["12", "2", "1", "1", "0"]);
            await Assertions.Expect(j.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Hate Crime: progress update, March 2020");
            await Assertions.Expect(j.Page.GetByRole(AriaRole.Heading, new() { Name = "SCRUTINY MONITORING – PROGRESS UPDATE", Level = 2 })).ToBeVisibleAsync();
            await Assertions.Expect(j.Page.GetByRole(AriaRole.Table, new() { Name = "Recommendation 1b: agreed actions and progress" })
                .GetByRole(AriaRole.Columnheader, new() { Name = "Greater publicity for successful prosecutions" })).ToBeAttachedAsync();

            var download = await j.Page.RunAndWaitForDownloadAsync(() =>
                j.Page.GetByRole(AriaRole.Link, new() { Name = "Download this report as a PDF" }).ClickAsync());
            download.SuggestedFilename.ShouldBe("Hate Crime - Progress Update - March 2020.pdf");
            (await download.FailureAsync()).ShouldBeNull();

            await j.Page.GetByRole(AriaRole.Link, new() { Name = "Grades and committee decisions of every action, round by round" }).ClickAsync();
            await j.CheckAccessibilityAsync();
            await Assertions.Expect(j.Page.GetByRole(AriaRole.Rowheader, new() { Name = "1a (Frontline staff)" })).ToBeVisibleAsync();
        });
    }

    /// <summary>
    /// Every page the rules of <see cref="EndpointRules"/> keep from committee members, opened by typing
    /// its address, for the Hate Crime review they can read: the answer is the "no access" page.
    /// </summary>
    [Fact]
    public async Task A_committee_member_is_refused_every_edit_page_and_every_other_page_kept_from_them()
    {
        var ids = await HateCrimeIdsAsync();
        var refused = EndpointRules.ByEndpoint
            .Where(rule => rule.Key.StartsWith("GET ", StringComparison.Ordinal) && !rule.Value.Anonymous && !rule.Value.AllowedRoles.Contains(Roles.CommitteeMember))
            .Select(rule => Address(rule.Key["GET ".Length..], ids))
            .ToList();
        refused.ShouldContain("/users", "the rules table lists the pages committee members may not reach");

        await using var journey = await Journey.StartAsync(browser);
        await journey.RunAsync(async j =>
        {
            await j.SignInAsync(CommitteeMember);
            var reached = new List<string>();
            foreach (var address in refused)
            {
                var response = await j.Page.GotoAsync(j.Url(address));
                await j.CheckAccessibilityAsync();
                var heading = await j.Page.Locator("h1").First.InnerTextAsync();
                if (response?.Status != 403 || heading != "You do not have access to this page")
                {
                    reached.Add($"{address}: {response?.Status} \"{heading}\"");
                }
            }

            reached.ShouldBeEmpty("a committee member reached these pages");
        });
    }

    /// <summary>"/reviews/{reviewId:int}/edit" with the review's id filled in.</summary>
    private static string Address(string template, IReadOnlyDictionary<string, string> ids) =>
        RouteParameter().Replace(template, match => ids.TryGetValue(match.Groups[1].Value, out var id)
            ? id
            : throw new InvalidOperationException($"{template}: add a sample value for the route parameter '{match.Groups[1].Value}'"));

    /// <summary>Ids of the Hate Crime review, which committee members may read, so that only their role can refuse them.</summary>
    private Task<IReadOnlyDictionary<string, string>> HateCrimeIdsAsync() => browser.App.WithDbAsync(async db =>
    {
        var update = await db.ProgressUpdates.AsNoTracking()
            .Where(u => u.Round!.Review!.Title == "Hate Crime" && u.PlanAction!.PartId != null)
            .Select(u => new
            {
                u.Id,
                u.RoundId,
                u.PlanActionId,
                u.Round!.ReviewId,
                u.PlanAction!.RecommendationId,
                PartId = u.PlanAction.PartId!.Value,
                u.Round.Review!.SelectCommitteeId,
            })
            .FirstAsync();
        var user = await db.Users.AsNoTracking().Where(u => u.Email == CommitteeMember).Select(u => u.Id).SingleAsync();
        return (IReadOnlyDictionary<string, string>)new Dictionary<string, string>
        {
            ["reviewId"] = update.ReviewId.ToString(),
            ["roundId"] = update.RoundId.ToString(),
            ["recommendationId"] = update.RecommendationId.ToString(),
            ["partId"] = update.PartId.ToString(),
            ["actionId"] = update.PlanActionId.ToString(),
            ["updateId"] = update.Id.ToString(),
            ["committeeId"] = update.SelectCommitteeId.ToString(),
            ["userId"] = user,
            ["importId"] = Guid.NewGuid().ToString(),
        };
    });

    [GeneratedRegex(@"\{(\w+)(:[^}]*)?\}")]
    private static partial Regex RouteParameter();
}
