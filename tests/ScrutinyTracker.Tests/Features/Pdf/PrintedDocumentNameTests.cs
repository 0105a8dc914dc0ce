using ScrutinyTracker.Web.Features.Pdf;
using Shouldly;

namespace ScrutinyTracker.Tests.Features.Pdf;

public sealed class PrintedDocumentNameTests
{
    [Fact]
    public void A_report_is_named_after_its_review_and_round()
    {
        var name = PrintedDocumentName.ForReport("Hate Crime", "March 2020", withDrafts: false);

        name.Title.ShouldBe("Hate Crime – Progress Update – March 2020");
        name.FileName.ShouldBe("Hate Crime - Progress Update - March 2020.pdf");
    }

    [Fact]
    public void A_report_with_drafts_says_so_in_its_name()
    {
        PrintedDocumentName.ForReport("Hate Crime", "March 2020", withDrafts: true).FileName
            .ShouldBe("Hate Crime - Progress Update - March 2020 - Draft.pdf");
    }

    [Theory]
    [InlineData("Roads/Paths: \"Potholes\" <2020>?", "Roads Paths Potholes 2020 - Progress Update - March 2020.pdf")]
    [InlineData("..\\..\\etc\\passwd", "etc passwd - Progress Update - March 2020.pdf")]
    [InlineData("Tabs\tand\nnew lines", "Tabs and new lines - Progress Update - March 2020.pdf")]
    public void A_file_name_has_nothing_a_file_system_refuses(string title, string fileName)
    {
        PrintedDocumentName.ForReport(title, "March 2020", withDrafts: false).FileName.ShouldBe(fileName);
    }

    [Fact]
    public void A_very_long_title_gives_a_file_name_of_at_most_150_characters_before_the_extension()
    {
        var fileName = PrintedDocumentName.ForReport(new string('x', 300), "March 2020", withDrafts: false).FileName;

        fileName.Length.ShouldBe(154);
        fileName.ShouldEndWith("x.pdf");
    }

    [Fact]
    public void A_committee_pack_is_named_after_the_committee_and_round()
    {
        PrintedDocumentName.ForCommitteePack("Crime and Disorder Select Committee", "March 2020").FileName
            .ShouldBe("Crime and Disorder Select Committee - Progress Updates - March 2020.pdf");
    }
}
