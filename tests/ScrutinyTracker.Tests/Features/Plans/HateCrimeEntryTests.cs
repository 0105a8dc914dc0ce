using System.Net;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;
using Shouldly;

namespace ScrutinyTracker.Tests.Features.Plans;

/// <summary>A scrutiny officer types the council's Hate Crime action plan in through the pages, as the committee agreed it.</summary>
public sealed class HateCrimeEntryTests(ScrutinyAppFactory app) : IClassFixture<ScrutinyAppFactory>
{
    private const string Title = "Hate Crime (typed in)";

    [Fact]
    public async Task Entering_the_Hate_Crime_plan_through_the_pages_reproduces_the_seeded_plan()
    {
        var document = SeedDocument.LoadHateCrime();
        var client = app.CreateBrowser();
        await client.SignInAsync(DemoUsers.ScrutinyOfficerEmail);

        var reviewId = await AddReviewAsync(client, document);
        foreach (var recommendation in document.Recommendations)
        {
            var recommendationId = (await client.SubmitFormAsync($"/reviews/{reviewId}/plan/recommendations/new",
                [new("Text", recommendation.Text)])).RedirectedAnchorId();
            foreach (var action in recommendation.Actions ?? [])
            {
                await AddActionAsync(client, $"/reviews/{reviewId}/plan/recommendations/{recommendationId}/actions/new", action);
            }

            foreach (var part in recommendation.Parts ?? [])
            {
                var partId = (await client.SubmitFormAsync($"/reviews/{reviewId}/plan/recommendations/{recommendationId}/parts/new",
                    [new("Text", part.Text)])).RedirectedAnchorId();
                foreach (var action in part.Actions)
                {
                    await AddActionAsync(client, $"/reviews/{reviewId}/plan/recommendations/{recommendationId}/actions/new?partId={partId}", action);
                }
            }
        }

        var typed = await PlanLinesAsync(Title);
        typed.ShouldBe(await PlanLinesAsync(document.Review));
        typed.Count(line => line.StartsWith("part ", StringComparison.Ordinal)).ShouldBe(6);
        typed.Count(line => line.StartsWith("action ", StringComparison.Ordinal)).ShouldBe(16);

        const string shown = "section h2, section p.app-preserve-lines, section h3, section table thead, section table tbody tr:not(.app-no-print)";
        var typedPage = await client.GetDocumentAsync($"/reviews/{reviewId}/plan");
        var seededPage = await client.GetDocumentAsync($"/reviews/{await ReviewIdAsync(document.Review)}/plan");
        typedPage.QuerySelectorAll(shown).Select(e => e.TextContent).ShouldBe(seededPage.QuerySelectorAll(shown).Select(e => e.TextContent));
    }

    private async Task<int> AddReviewAsync(HttpClient client, SeedDocument document)
    {
        var form = await client.GetDocumentAsync("/reviews/new");
        var committee = form.QuerySelectorAll("#SelectCommitteeId option").Single(o => o.TextContent == "Crime and Disorder Select Committee").GetAttribute("value")!;
        var officer = form.QuerySelectorAll("input[name=LinkOfficerIds]")
            .Single(i => i.NextElementSibling!.TextContent == document.LinkOfficers.Single()).GetAttribute("value")!;
        var response = await client.SubmitFormAsync(form,
            [new("Title", Title), new("SelectCommitteeId", committee), new("LinkOfficerIds", officer), new("ActionPlanAgreed", document.ActionPlanAgreed)]);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return await ReviewIdAsync(Title);
    }

    private static async Task AddActionAsync(HttpClient client, string url, SeedAction action)
    {
        var response = await client.SubmitFormAsync(url,
        [
            new("Heading", action.Heading ?? ""),
            new("Responsibility", action.Responsibility),
            new("TargetDate", action.Date),
            new("AgreedAction", action.AgreedAction),
            new("SuccessMeasure", action.SuccessMeasure),
        ]);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"adding {action.AgreedAction}");
    }

    private Task<int> ReviewIdAsync(string title) => app.WithDbAsync(db => db.Reviews.Where(r => r.Title == title).Select(r => r.Id).SingleAsync());

    /// <summary>The plan as lines of text in document order, without ids, so that two reviews' plans compare.</summary>
    private Task<List<string>> PlanLinesAsync(string title) => app.WithDbAsync(async db =>
    {
        var review = await db.Reviews.AsNoTracking()
            .Include(r => r.SelectCommittee)
            .Include(r => r.LinkOfficers).ThenInclude(l => l.User)
            .Include(r => r.Recommendations).ThenInclude(x => x.Parts)
            .Include(r => r.Recommendations).ThenInclude(x => x.Actions)
            .AsSplitQuery()
            .SingleAsync(r => r.Title == title);
        var lines = new List<string>
        {
            $"review | {review.SelectCommittee!.Name} | {review.ActionPlanAgreed} | {string.Join(", ", review.LinkOfficers.Select(l => l.User!.DisplayName))}",
        };
        foreach (var (recommendation, index) in review.Recommendations.OrderBy(r => r.Position).Select((r, i) => (r, i)))
        {
            lines.Add($"recommendation {recommendation.Number} at {index} | {recommendation.Text}");
            lines.AddRange(Actions(recommendation.Actions.Where(a => a.PartId is null)));
            foreach (var (part, partIndex) in recommendation.Parts.OrderBy(p => p.Position).Select((p, i) => (p, i)))
            {
                lines.Add($"part {part.Letter} at {partIndex} | {part.Text}");
                lines.AddRange(Actions(recommendation.Actions.Where(a => a.PartId == part.Id)));
            }
        }

        return lines;

        static IEnumerable<string> Actions(IEnumerable<PlanAction> actions) => actions.OrderBy(a => a.Position).Select((a, i) =>
            $"action {i} | {a.Heading} | {a.Responsibility} | {a.TargetDate} | {a.DueMonth} | {a.AgreedAction} | {a.SuccessMeasure}");
    });
}
