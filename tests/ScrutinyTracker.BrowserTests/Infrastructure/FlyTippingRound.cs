using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.BrowserTests.Infrastructure;

/// <summary>One action's answers in the round form.</summary>
public sealed record RoundAnswer(string Action, string Evidence, Grade Grade, string? Explanation = null)
{
    /// <summary>The grade's radio label: "3 – Slipped".</summary>
    public string GradeLabel => Grade.NumberAndLabel();
}

/// <summary>
/// The demo "Tackling Fly-tipping" review's open round (four empty Draft updates) and the answers the
/// journeys give in it, in page order. The text has line breaks, so keeping them is tested too.
/// </summary>
public static class FlyTippingRound
{
    public const string ReviewTitle = "Tackling Fly-tipping";

    public static readonly Regex EvidenceLabel = new("^Evidence of Progress");

    public static IReadOnlyList<RoundAnswer> Answers { get; } =
    [
        new("Recommendation 1", "Two cameras bought in March.\nDeployment starts in May.", Grade.Slipped,
            "The supplier delivered the cameras three months late.\nAll four are now in stock."),
        new("Recommendation 2a (Households)", "The campaign ran for six weeks.\nIt reached 40,000 residents.", Grade.FullyAchieved),
        new("Recommendation 2a (Landlords)", "Letters sent to 1,180 of the 1,240 registered landlords.", Grade.OnTrack),
        new("Recommendation 2b", "Online reports rose to 63% of all reports.\nPosters are up in every library.", Grade.FullyAchieved),
    ];

    /// <summary>The round form's block for the action at <paramref name="index"/> in page order.</summary>
    public static ILocator Block(IPage page, int index) => page.Locator("[data-update]").Nth(index);

    /// <summary>The check page's block for the update at <paramref name="index"/> in page order.</summary>
    public static ILocator CheckedUpdate(IPage page, int index) => page.Locator("[data-checked-update]").Nth(index);

    public static ILocator EvidenceField(ILocator block) => block.GetByLabel(EvidenceLabel);

    public static ILocator GradeRadio(ILocator block, RoundAnswer answer) => block.GetByLabel(answer.GradeLabel, new() { Exact = true });

    public static ILocator ExplanationField(ILocator block) => block.GetByLabel("Explanation", new() { Exact = true });

    /// <summary>The form shows every answer as given: text with its line breaks, and the chosen grade.</summary>
    public static async Task ShouldShowTheAnswersAsync(IPage page)
    {
        for (var i = 0; i < Answers.Count; i++)
        {
            var (block, answer) = (Block(page, i), Answers[i]);
            await Assertions.Expect(block.GetByRole(AriaRole.Heading, new() { Name = answer.Action, Exact = true })).ToBeVisibleAsync();
            (await EvidenceField(block).InputValueAsync()).ShouldBe(answer.Evidence);
            await Assertions.Expect(GradeRadio(block, answer)).ToBeCheckedAsync();
            (await ExplanationField(block).InputValueAsync()).ShouldBe(answer.Explanation ?? "");
        }
    }

    /// <summary>
    /// Arranges the round as the link officer submitted it with <see cref="Answers"/>, for journeys that
    /// start there; the round's id and label.
    /// </summary>
    public static Task<(int Id, string Label)> SubmitAsync(AppServer app) => app.WithDbAsync(async db =>
    {
        var round = await db.Rounds.SingleAsync(r => r.Review!.Title == ReviewTitle && r.Status == RoundStatus.Open);
        var linkOfficer = await db.Users.SingleAsync(u => u.Email == DemoUsers.LinkOfficerEmail);
        var updates = await db.ProgressUpdates
            .Where(u => u.RoundId == round.Id)
            .OrderBy(u => u.PlanAction!.Recommendation!.Position)
            .ThenBy(u => u.PlanAction!.Part == null ? -1 : u.PlanAction.Part.Position)
            .ThenBy(u => u.PlanAction!.Position)
            .ToListAsync();
        updates.Count.ShouldBe(Answers.Count, "the demo round has one update per answer");

        var now = DateTime.UtcNow;
        foreach (var (update, answer) in updates.Zip(Answers))
        {
            update.Evidence = answer.Evidence;
            update.Grade = answer.Grade;
            update.Explanation = answer.Explanation;
            update.Status = UpdateStatus.Submitted;
            update.UpdatedById = update.SubmittedById = linkOfficer.Id;
            update.UpdatedAtUtc = update.SubmittedAtUtc = now;
        }

        await db.SaveChangesAsync();
        return (round.Id, round.Label);
    });
}
