using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Features.Reports;

namespace ScrutinyTracker.Tests.Features.Reports;

public sealed class ReportSummaryTests
{
    private static readonly ReportRound March2020 = new(1, "March 2020", new DateOnly(2020, 3, 31), RoundStatus.Closed);
    private static readonly ReportRound March2021 = new(2, "March 2021", new DateOnly(2021, 3, 31), RoundStatus.Closed);

    /// <summary>A report of one recommendation whose actions went from <paramref name="before"/> to <paramref name="now"/> (null: no grade).</summary>
    private static ReportView Report(ReportRound? previous, Grade?[] before, Grade?[] now)
    {
        var actions = now.Select((_, i) => new ReportAction(i + 1, $"1 ({i + 1})", null, "Someone", "March 2020", "Do", "Done")).ToList();
        return new ReportView(
            1, "Review", "Committee", new YearMonth(2019, 3), [], [March2020, March2021], March2021, previous, false,
            [new ReportRecommendation(1, "Text", actions, [])],
            actions.Where((_, i) => now[i] is not null).ToDictionary(a => a.Id, a => new ReportUpdate("Evidence", now[a.Id - 1], null, UpdateStatus.Accepted)),
            actions.Where((_, i) => before[i] is not null).ToDictionary(a => a.Id, a => before[a.Id - 1]!.Value));
    }

    private static string Labels(IEnumerable<GradeChange> changes) => string.Join(", ", changes.Select(c => c.Action.Label));

    [Fact]
    public void Counts_each_grade_and_the_actions_without_one()
    {
        var summary = ReportSummary.For(Report(null, [null, null, null, null, null], [Grade.FullyAchieved, Grade.FullyAchieved, Grade.Slipped, Grade.NotAchieved, null]));

        summary.Counts[Grade.FullyAchieved].ShouldBe(2);
        summary.Counts[Grade.OnTrack].ShouldBe(0);
        summary.Counts[Grade.Slipped].ShouldBe(1);
        summary.Counts[Grade.NotAchieved].ShouldBe(1);
        summary.Counts.NotGraded.ShouldBe(1);
        summary.Counts.PercentFullyAchieved.ShouldBe(40);
    }

    [Fact]
    public void Improved_means_a_better_grade_than_in_the_round_before()
    {
        var summary = ReportSummary.For(Report(March2020,
            [Grade.NotAchieved, Grade.OnTrack, Grade.OnTrack, null, Grade.FullyAchieved],
            [Grade.OnTrack, Grade.FullyAchieved, Grade.OnTrack, Grade.OnTrack, Grade.FullyAchieved]));

        Labels(summary.Improved).ShouldBe("1 (1), 1 (2)");
    }

    [Fact]
    public void Slipped_means_a_worse_grade_than_in_the_round_before()
    {
        var summary = ReportSummary.For(Report(March2020,
            [Grade.FullyAchieved, Grade.OnTrack, Grade.Slipped, null],
            [Grade.OnTrack, Grade.NotAchieved, Grade.Slipped, Grade.NotAchieved]));

        Labels(summary.Slipped).ShouldBe("1 (1), 1 (2)");
    }

    [Fact]
    public void Newly_achieved_means_fully_achieved_now_and_not_before_even_when_not_graded_before()
    {
        var summary = ReportSummary.For(Report(March2020,
            [Grade.OnTrack, null, Grade.FullyAchieved, Grade.Slipped],
            [Grade.FullyAchieved, Grade.FullyAchieved, Grade.FullyAchieved, null]));

        Labels(summary.NewlyAchieved).ShouldBe("1 (1), 1 (2)");
        Labels(summary.Improved).ShouldBe("1 (1)");
    }

    [Fact]
    public void In_the_first_round_nothing_has_changed()
    {
        var summary = ReportSummary.For(Report(null, [null, null], [Grade.FullyAchieved, Grade.Slipped]));

        summary.PreviousRound.ShouldBeNull();
        summary.Improved.ShouldBeEmpty();
        summary.Slipped.ShouldBeEmpty();
        summary.NewlyAchieved.ShouldBeEmpty();
    }
}
