using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Features.Imports;

namespace ScrutinyTracker.Tests.Features.Imports;

/// <summary>The council's Hate Crime document, as Word, read field by field against the reading the demo data is seeded from.</summary>
public sealed class HateCrimeReadingTests
{
    private static readonly ImportedDocument Read = WordFileCheck.Read("hate-crime.docx", File.ReadAllBytes(TestDocument.HateCrimePath));

    [Fact]
    public void The_header_and_round_are_the_documents()
    {
        var seed = SeedDocument.LoadHateCrime();
        Read.Review.ShouldBe(seed.Review);
        Read.LinkOfficers.ShouldBe(seed.LinkOfficers);
        Read.ActionPlanAgreed.ShouldBe(new YearMonth(2019, 3));
        Read.Round.ShouldBe(seed.Round);
        Read.Problems.ShouldBeEmpty();
        Read.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void Every_recommendation_part_and_action_is_the_seeded_one()
    {
        var seed = SeedDocument.LoadHateCrime();
        Read.Recommendations.Count.ShouldBe(seed.Recommendations.Count);
        foreach (var (expected, actual) in seed.Recommendations.Zip(Read.Recommendations))
        {
            actual.Number.ShouldBe(expected.Number);
            actual.Text.ShouldBe(expected.Text);
            Same(expected.Actions ?? [], actual.Actions, $"{expected.Number}");
            actual.Parts.Count.ShouldBe(expected.Parts?.Count ?? 0);
            foreach (var (expectedPart, actualPart) in (expected.Parts ?? []).Zip(actual.Parts))
            {
                actualPart.Letter.ShouldBe(expectedPart.Letter);
                actualPart.Text.ShouldBe(expectedPart.Text);
                Same(expectedPart.Actions, actualPart.Actions, $"{expected.Number}{expectedPart.Letter}");
            }
        }

        Read.ActionsInOrder.GroupBy(a => a.Grade).ToDictionary(g => g.Key!.Value, g => g.Count())
            .ShouldBe(new Dictionary<Grade, int> { [Grade.FullyAchieved] = 12, [Grade.OnTrack] = 2, [Grade.Slipped] = 1, [Grade.NotAchieved] = 1 }, ignoreOrder: true);
    }

    private static void Same(IReadOnlyList<SeedAction> expected, IReadOnlyList<ImportedAction> actual, string place)
    {
        actual.Count.ShouldBe(expected.Count, place);
        foreach (var (e, a) in expected.Zip(actual))
        {
            a.Heading.ShouldBe(e.Heading, place);
            a.Responsibility.ShouldBe(e.Responsibility, place);
            a.TargetDate.ShouldBe(e.Date, place);
            a.AgreedAction.ShouldBe(e.AgreedAction, place);
            a.SuccessMeasure.ShouldBe(e.SuccessMeasure, place);
            a.Evidence.ShouldBe(e.Evidence, place);
            a.Grade.ShouldBe(e.Grade is { } g ? (Grade)g : null, place);
            a.Explanation.ShouldBeNull(place);
        }
    }
}
