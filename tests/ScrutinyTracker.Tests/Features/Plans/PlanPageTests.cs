using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;
using Shouldly;

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

        var heading = page.QuerySelectorAll("main h3").First();
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
        page.QuerySelectorAll("main h3").Select(h => h.TextContent.Trim())
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
    public async Task Officers_get_edit_delete_and_move_controls_for_every_item()
    {
        var page = await PlanAsync(DemoUsers.ScrutinyOfficerEmail);

        var hrefs = page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")!).ToList();
        hrefs.Count(h => h.Contains("/plan/recommendations/") && h.EndsWith("/edit")).ShouldBe(4);
        hrefs.Count(h => h.Contains("/plan/parts/") && h.EndsWith("/edit")).ShouldBe(6);
        hrefs.Count(h => h.Contains("/plan/actions/") && h.EndsWith("/edit")).ShouldBe(16);
        hrefs.Count(h => h.EndsWith("/delete")).ShouldBe(4 + 6 + 16);
        hrefs.ShouldContain(h => h.EndsWith("/plan/recommendations/new"));
        var moves = page.QuerySelectorAll("main form[action$='/move'] button").Select(b => b.TextContent.Trim()).ToList();
        moves.ShouldContain("Move up recommendation 2");
        moves.ShouldContain("Move down recommendation 1a");
        moves.ShouldContain("Move right action 1a (Frontline staff)");
        moves.ShouldNotContain("Move up recommendation 1");
        moves.ShouldNotContain("Move down recommendation 4");
    }
}
