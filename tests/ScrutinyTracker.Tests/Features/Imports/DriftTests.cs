using DocumentFormat.OpenXml.Wordprocessing;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Features.Imports;

namespace ScrutinyTracker.Tests.Features.Imports;

/// <summary>Real documents drift from the council's layout: each drift is read as the document means it.</summary>
public sealed class DriftTests
{
    private const string Rec1 = "Recommendation 1: That the Council raise awareness.";

    private static ImportedDocument Read(TestDocument document) => WordFileCheck.Read("drift.docx", document.ToBytes());

    [Fact]
    public void A_header_laid_out_as_a_table_of_labels_and_values_is_read()
    {
        var document = Read(new TestDocument()
            .Paragraph("SCRUTINY MONITORING – PROGRESS UPDATE")
            .Table(TestRow.Of("Review:", "Fly-tipping"), TestRow.Of("Link Officer/s:", "Marc Stephenson / Ann Other"), TestRow.Of("Action Plan Agreed:", "June 2021"))
            .Paragraph(Rec1).ActionTable("Someone", "May 2022", "Do it", "Done"));

        document.Review.ShouldBe("Fly-tipping");
        document.LinkOfficers.ShouldBe(["Marc Stephenson", "Ann Other"]);
        document.ActionPlanAgreed.ShouldBe(new YearMonth(2021, 6));
        document.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void A_header_table_of_cells_holding_label_and_value_is_read()
    {
        var document = Read(new TestDocument()
            .Table(TestRow.Of("Review: Fly-tipping", "Action Plan Agreed: June 2021"), TestRow.Of("Link Officer(s): Marc Stephenson"))
            .Paragraph(Rec1).ActionTable("Someone", "May 2022", "Do it", "Done"));

        (document.Review, document.ActionPlanAgreed).ShouldBe(("Fly-tipping", new YearMonth(2021, 6)));
        document.LinkOfficers.ShouldBe(["Marc Stephenson"]);
    }

    [Theory]
    [InlineData("Link Officer/s")]
    [InlineData("Link Officer(s)")]
    [InlineData("Link Officers")]
    public void Both_spellings_of_the_link_officers_label_are_read(string label)
    {
        var document = Read(new TestDocument().HeaderLines(linkOfficers: "Marc Stephenson and Ann Other", linkLabel: label)
            .Paragraph(Rec1).ActionTable("Someone", "May 2022", "Do it", "Done"));

        document.LinkOfficers.ShouldBe(["Marc Stephenson", "Ann Other"]);
        document.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void A_label_cell_merged_down_over_several_rows_carries_on_into_them()
    {
        var document = Read(new TestDocument().HeaderLines().Paragraph(Rec1).Table(
            TestRow.Of("Responsibility:", "Someone"),
            TestRow.Of("Date:", "May 2022"),
            TestRow.Of("Agreed Action:", "Do it"),
            TestRow.Of("Agreed Success Measure:", "Done"),
            new TestRow(new TestCell("Evidence of Progress (March 2020):") { Merge = MergedCellValues.Restart }, new TestCell("The first paragraph.")),
            new TestRow(new TestCell { Merge = MergedCellValues.Continue }, new TestCell("The second paragraph.")),
            new TestRow(new TestCell("Assessment of Progress (March 2020):") { Merge = MergedCellValues.Restart }, new TestCell("2")),
            new TestRow(new TestCell { Merge = MergedCellValues.Continue }, new TestCell("Waiting for the new strategy."))));

        var action = document.ActionsInOrder.ShouldHaveSingleItem();
        action.Evidence.ShouldBe("The first paragraph.\n\nThe second paragraph.");
        (action.Grade, action.Explanation).ShouldBe((Grade.OnTrack, "Waiting for the new strategy."));
        document.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void Empty_spacer_rows_are_skipped()
    {
        var document = Read(new TestDocument().HeaderLines().Paragraph(Rec1).Table(
            TestRow.Of("", ""),
            TestRow.Of("Responsibility:", "Someone"),
            TestRow.Of("", ""),
            TestRow.Of("Date:", "May 2022"),
            TestRow.Of("Agreed Action:", "Do it"),
            TestRow.Of("  ", ""),
            TestRow.Of("Agreed Success Measure:", "Done")));

        var action = document.ActionsInOrder.ShouldHaveSingleItem();
        (action.Responsibility, action.TargetDate, action.AgreedAction, action.SuccessMeasure).ShouldBe(("Someone", "May 2022", "Do it", "Done"));
        document.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void Bullets_typed_as_a_dot_and_a_tab_and_Word_list_bullets_are_both_kept_as_bullet_lines()
    {
        var document = Read(new TestDocument().HeaderLines().Paragraph(Rec1).Table(
            TestRow.Of("Responsibility:", "Someone"),
            TestRow.Of("Date:", "May 2022"),
            new TestRow(new TestCell("Agreed Action:"), new TestCell("Run:", "•\tcampaigns", "•\tsessions")),
            new TestRow(new TestCell("Agreed Success Measure:"), new TestCell("posters", "leaflets") { WordList = true })));

        var action = document.ActionsInOrder.ShouldHaveSingleItem();
        action.AgreedAction.ShouldBe("Run:\n\n• campaigns\n• sessions");
        action.SuccessMeasure.ShouldBe("• posters\n• leaflets");
    }

    [Theory]
    [InlineData("2", Grade.OnTrack, null)]
    [InlineData("2 ", Grade.OnTrack, null)]
    [InlineData("2 - On Track", Grade.OnTrack, null)]
    [InlineData("On-Track", Grade.OnTrack, null)]
    [InlineData("1 – Fully Achieved", Grade.FullyAchieved, null)]
    [InlineData("3 Slipped: the contract was delayed", Grade.Slipped, "the contract was delayed")]
    [InlineData("4\n\nNo funding was found.", Grade.NotAchieved, "No funding was found.")]
    public void Grade_cells_are_read_as_people_type_them(string cell, Grade grade, string? explanation)
    {
        var document = Read(new TestDocument().HeaderLines().Paragraph(Rec1).Table(
            TestRow.Of("Responsibility:", "Someone"),
            TestRow.Of("Evidence of Progress (March 2020):", "Progress."),
            new TestRow(new TestCell("Assessment of Progress (March 2020):"), new TestCell(cell.Split("\n\n")))));

        var action = document.ActionsInOrder.ShouldHaveSingleItem();
        (action.Grade, action.Explanation).ShouldBe((grade, explanation));
        document.Warnings.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("5", "could not be read")]
    [InlineData("2 - Slipped", "could not be read")]
    [InlineData("", "has no grade for March 2020")]
    public void A_grade_that_cannot_be_read_or_is_missing_is_a_warning(string cell, string warning)
    {
        var document = Read(new TestDocument().HeaderLines().Paragraph(Rec1).Table(
            TestRow.Of("Responsibility:", "Someone"),
            TestRow.Of("Evidence of Progress (March 2020):", "Progress."),
            TestRow.Of("Assessment of Progress (March 2020):", cell)));

        document.ActionsInOrder.ShouldHaveSingleItem().Grade.ShouldBeNull();
        document.Warnings.ShouldContain(w => w.StartsWith("Action 1", StringComparison.Ordinal) && w.Contains(warning));
    }

    [Fact]
    public void A_responsibility_in_one_cell_spanning_several_action_columns_belongs_to_each()
    {
        var document = Read(new TestDocument().HeaderLines().Paragraph(Rec1).Paragraph("a) encouraging reporting through:").Table(
            TestRow.Of("", "Publicity", "Online form", "Centres"),
            new TestRow(new TestCell("Responsibility:"), new TestCell("Community Safety Team") { Span = 3 }),
            TestRow.Of("Date:", "October 2019", "November 2019", "December 2019"),
            TestRow.Of("Agreed Action:", "Promote", "Build", "Audit"),
            TestRow.Of("Agreed Success Measure:", "Seen", "Used", "Audited")));

        var actions = document.Recommendations.Single().Parts.Single().Actions;
        actions.Select(a => a.Heading).ShouldBe(["Publicity", "Online form", "Centres"]);
        actions.ShouldAllBe(a => a.Responsibility == "Community Safety Team");
        actions.Select(a => a.TargetDate).ShouldBe(["October 2019", "November 2019", "December 2019"]);
    }

    [Fact]
    public void Parts_narrower_and_wider_than_others_each_get_their_own_columns()
    {
        var document = Read(new TestDocument().HeaderLines().Paragraph(Rec1)
            .Paragraph("a) first part").Table(
                TestRow.Of("", "Households", "Landlords"),
                TestRow.Of("Responsibility:", "A", "B"),
                TestRow.Of("Agreed Action:", "Campaign", "Letters"))
            .Paragraph("b) second part").Table(
                TestRow.Of("", "One", "Two", "Three", "Four"),
                TestRow.Of("Responsibility:", "C", "D", "E", "F"),
                TestRow.Of("Agreed Action:", "1", "2", "3", "4"))
            .Paragraph("c) third part").Table(
                // One column that Word split in two on its grid: every row spans both.
                new TestRow(new TestCell("Responsibility:"), new TestCell("G") { Span = 2 }),
                new TestRow(new TestCell("Agreed Action:"), new TestCell("Alone") { Span = 2 })));

        var parts = document.Recommendations.Single().Parts;
        parts.Select(p => p.Actions.Count).ShouldBe([2, 4, 1]);
        parts[1].Actions.Select(a => a.Responsibility).ShouldBe(["C", "D", "E", "F"]);
        parts[2].Actions.Single().AgreedAction.ShouldBe("Alone");
        document.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void Unrecognised_rows_parts_without_tables_and_text_outside_tables_are_warnings_with_their_text()
    {
        var document = Read(new TestDocument().HeaderLines().Paragraph(Rec1)
            .Table(TestRow.Of("Responsibility:", "Someone"), TestRow.Of("Budget:", "£5,000"))
            .Paragraph("a) a part with no table")
            .Paragraph("Members asked for a briefing on this.")
            .Paragraph("Recommendation 2: That the Council do more.")
            .ActionTable("Someone", "May 2022", "Do it", "Done"));

        document.Warnings.ShouldBe(
        [
            "Recommendation 1: a row was not recognised and was not imported: “Budget: | £5,000”.",
            "Text outside any table was not imported: “Members asked for a briefing on this.”.",
            "Part 1a) has no table: it was imported without actions.",
        ]);
        document.Recommendations.Select(r => r.Number).ShouldBe([1, 2]);
    }

    [Fact]
    public void Text_longer_than_the_app_keeps_stops_the_import_with_what_to_shorten()
    {
        var document = Read(new TestDocument().HeaderLines().Paragraph(Rec1)
            .ActionTable("Someone", "May 2022", "Do it", "Done", evidence: new string('x', ProgressUpdate.EvidenceMaxLength + 1), grade: "2"));

        document.CanBeImported.ShouldBeFalse();
        document.Problems.ShouldHaveSingleItem().ShouldStartWith("The Evidence of Progress of an action of recommendation 1 is 10,001 characters long");
    }
}
