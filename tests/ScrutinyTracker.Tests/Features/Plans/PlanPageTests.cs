using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;
using Shouldly;
using static ScrutinyTracker.Tests.Infrastructure.TestReviews;

namespace ScrutinyTracker.Tests.Features.Plans;

/// <summary>The action plan page at /reviews/{id}/plan; these tests only read the demo data.</summary>
public sealed class PlanPageTests(ScrutinyAppFactory app) : IClassFixture<ScrutinyAppFactory>
{
    private async Task<IDocument> PlanAsync(string email)
    {
        var id = await app.WithDbAsync(db => db.Reviews.Where(r => r.Title == "Hate Crime").Select(r => r.Id).SingleAsync());
        var client = app.CreateBrowser();
        await client.SignInAsync(email);
        return await client.GetDocumentAsync($"/reviews/{id}/plan");
    }

    [Fact]
    public async Task A_parts_actions_stand_side_by_side_under_their_column_headings_as_in_the_councils_document()
    {
        var expected = SeedDocument.LoadHateCrime().Recommendations[0].Parts![0];

        var page = await PlanAsync(DemoUsers.CommitteeMemberEmail);

        var heading = page.QuerySelectorAll("main h3:not(.govuk-summary-card__title)").First();
        heading.TextContent.Trim().ShouldBe($"a) {expected.Text}");
        var table = page.QuerySelector($"table[aria-labelledby='{heading.Id}']")!;
        table.ClassList.ShouldContain("app-plan-table");
        table.QuerySelectorAll("thead th[scope=col]").Select(th => th.TextContent).ShouldBe(expected.Actions.Select(a => a.Heading));
        var rows = table.QuerySelectorAll("tbody tr");
        rows.Select(r => r.QuerySelector("th[scope=row]")!.TextContent).ShouldBe(["Responsibility", "Date", "Agreed Action", "Agreed Success Measure"]);
        rows[0].QuerySelectorAll("td").Select(td => td.TextContent).ShouldBe(expected.Actions.Select(a => a.Responsibility));
        rows[1].QuerySelectorAll("td").Select(td => td.TextContent).ShouldBe(expected.Actions.Select(a => a.Date));
        rows[2].QuerySelectorAll("td").Select(td => td.TextContent).ShouldBe(expected.Actions.Select(a => a.AgreedAction));
        rows[3].QuerySelectorAll("td").Select(td => td.TextContent).ShouldBe(expected.Actions.Select(a => a.SuccessMeasure));
    }

    [Fact]
    public async Task Recommendations_and_their_parts_follow_in_the_documents_order()
    {
        var document = SeedDocument.LoadHateCrime();

        var page = await PlanAsync(DemoUsers.CommitteeMemberEmail);

        page.QuerySelectorAll("main h2").Select(h => h.TextContent).ShouldBe(document.Recommendations.Select(r => $"Recommendation {r.Number}"));
        page.QuerySelectorAll("main h3:not(.govuk-summary-card__title)").Select(h => h.TextContent.Trim())
            .ShouldBe(document.Recommendations.SelectMany(r => r.Parts ?? []).Select(p => $"{p.Letter}) {p.Text}"));
        page.QuerySelectorAll("main table.app-plan-table").Length.ShouldBe(4 + 6);
    }

    [Fact]
    public async Task Readers_see_the_plan_without_anything_to_change_it()
    {
        var page = await PlanAsync(DemoUsers.CommitteeMemberEmail);

        page.QuerySelectorAll("main form").ShouldBeEmpty();
        page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")!).ShouldNotContain(href => href.EndsWith("/edit") || href.Contains("/new"));
    }

    [Fact]
    public async Task Officers_get_edit_and_move_controls_for_every_item_grouped_per_item()
    {
        var page = await PlanAsync(DemoUsers.ScrutinyOfficerEmail);

        // The side-by-side tables; each action's card for phones repeats its own controls.
        var wide = page.QuerySelectorAll("main a").Where(a => a.Closest(".app-narrow-only") is null).Select(a => a.GetAttribute("href")!).ToList();
        wide.Count(h => h.Contains("/plan/recommendations/") && h.EndsWith("/edit")).ShouldBe(4);
        wide.Count(h => h.Contains("/plan/parts/") && h.EndsWith("/edit")).ShouldBe(6);
        wide.Count(h => h.Contains("/plan/actions/") && h.EndsWith("/edit")).ShouldBe(16);
        wide.ShouldContain(h => h.EndsWith("/plan/recommendations/new"));
        page.QuerySelectorAll("main .app-narrow-only a[href$='/edit']").Length.ShouldBe(16);
        page.QuerySelectorAll("main .app-item-actions").ShouldAllBe(list => list.ClassList.Contains("govuk-summary-card__actions"));
        page.QuerySelectorAll("main .app-item-actions a[href$='/edit']").Length.ShouldBe(4 + 6 + 16 + 16, "every edit link is in an item's actions list");
        var moves = page.QuerySelectorAll("main form[action$='/move'] button").Select(b => b.TextContent.Trim()).ToList();
        moves.ShouldContain("Move up recommendation 2");
        moves.ShouldContain("Move down recommendation 1a");
        moves.ShouldContain("Move right action 1a (Frontline staff)");
        moves.ShouldContain("Move down action 1a (Frontline staff)", "on a phone the actions stand one under another");
        moves.ShouldNotContain("Move up recommendation 1");
        moves.ShouldNotContain("Move down recommendation 4");
    }

    [Fact]
    public async Task Delete_is_offered_only_for_what_no_progress_was_reported_on()
    {
        // Every Hate Crime action was graded in March 2020; the Fly-tipping round's updates are untouched drafts.
        var hateCrime = await PlanAsync(DemoUsers.ScrutinyOfficerEmail);
        var flyTippingId = await app.WithDbAsync(db => db.Reviews.Where(r => r.Title == "Tackling Fly-tipping").Select(r => r.Id).SingleAsync());
        var client = await app.SignedInAsync(DemoUsers.ScrutinyOfficerEmail);
        var flyTipping = await client.GetDocumentAsync($"/reviews/{flyTippingId}/plan");

        hateCrime.QuerySelectorAll("main a[href$='/delete']").ShouldBeEmpty();
        hateCrime.TextOf("main").ShouldContain("What progress has been reported on cannot be deleted");
        var deletes = flyTipping.QuerySelectorAll("main a[href$='/delete']").Where(a => a.Closest(".app-narrow-only") is null).Select(a => a.TextContent).ToList();
        deletes.ShouldBe([
            "Delete recommendation 1", "Delete action 1",
            "Delete recommendation 2", "Delete recommendation 2a", "Delete action 2a (Households)", "Delete action 2a (Landlords)",
            "Delete recommendation 2b", "Delete action 2b",
            // Recommendation 3 awaits the Executive's response: no round asked about it.
            "Delete recommendation 3", "Delete action 3",
        ]);
        flyTipping.TextOf("main").ShouldNotContain("What progress has been reported on cannot be deleted");
    }

    [Fact]
    public async Task Progress_on_one_action_takes_delete_away_from_it_its_part_and_its_recommendation_only()
    {
        var id = await app.AddReviewAsync("Allotments", new(2024, 1), r =>
        {
            r.Recommendations.Add(Recommendation(1, "That plots are let.", Action("Let the plots"), Action("Keep a waiting list", position: 1)));
            r.Recommendations.Add(Recommendation(2, "That water is supplied.", Action("Fit taps")));
            var round = new Round { Label = "January 2025", DueDate = new(2025, 1, 31) };
            r.Rounds.Add(round);
            round.Updates.Add(new ProgressUpdate { PlanAction = r.Recommendations[0].Actions[0], Evidence = "Forty plots let." });
            round.Updates.Add(new ProgressUpdate { PlanAction = r.Recommendations[0].Actions[1] });
        });
        var client = await app.SignedInAsync(DemoUsers.ScrutinyOfficerEmail);

        var page = await client.GetDocumentAsync($"/reviews/{id}/plan");

        page.QuerySelectorAll("main a[href$='/delete']").Where(a => a.Closest(".app-narrow-only") is null).Select(a => a.TextContent)
            .ShouldBe(["Delete action 1 (2)", "Delete recommendation 2", "Delete action 2"]);
    }
}
