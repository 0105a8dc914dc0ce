using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Features.Reports;
using Shouldly;

namespace ScrutinyTracker.Tests.Features.Pdf;

/// <summary>
/// The seeded Hate Crime review printed to PDF and read back with poppler, against the council's
/// document it was seeded from. Needs Chromium at /usr/bin/chromium and poppler-utils; fails without them.
/// </summary>
public sealed class ReportPdfTests(ScrutinyAppFactory app) : IClassFixture<ScrutinyAppFactory>
{
    private const string Title = "Hate Crime – Progress Update – March 2020";
    private static readonly SeedDocument Council = SeedDocument.LoadHateCrime();

    private async Task<string> HateCrimePdfUrlAsync()
    {
        var round = await app.WithDbAsync(db => db.Rounds.SingleAsync(r => r.Review!.Title == "Hate Crime" && r.Label == "March 2020"));
        return $"/reviews/{round.ReviewId}/report.pdf?round={round.Id}";
    }

    private async Task<byte[]> HateCrimePdfAsync(string email = DemoUsers.CommitteeMemberEmail)
    {
        var client = app.CreateBrowser();
        await client.SignInAsync(email);
        return await (await client.GetAsync(await HateCrimePdfUrlAsync())).ShouldBePdfAttachmentAsync("Hate Crime - Progress Update - March 2020.pdf");
    }

    [Fact]
    public async Task Hate_Crime_pdf_is_tagged_A4_titled_in_English()
    {
        var pdf = await HateCrimePdfAsync();

        var info = await Poppler.InfoAsync(pdf);
        info["Tagged"].ShouldBe("yes");
        Poppler.ShouldBeA4(info);
        info["Title"].ShouldBe(Title);
        Encoding.Latin1.GetString(pdf).ShouldContain("/Lang (en-GB)");
    }

    [Fact]
    public async Task Hate_Crime_pdf_tags_its_headings_and_tables_with_header_cells()
    {
        var structure = (await Poppler.StructureAsync(await HateCrimePdfAsync())).Split('\n').Select(line => line.Trim()).ToList();

        structure.Count(line => line == "H1 (block)").ShouldBe(1);
        structure.Count(line => line == "H2 (block)").ShouldBe(Council.Recommendations.Count + 1, "the recommendations and the grading key");
        structure.Count(line => line == "H3 (block)").ShouldBe(Council.Recommendations.Sum(r => r.Parts?.Count ?? 0));
        structure.ShouldContain("Table (block)");
        structure.ShouldContain("/Scope /Row");
        structure.ShouldContain("/Scope /Column");
    }

    [Fact]
    public async Task Hate_Crime_pdf_has_every_evidence_paragraph_and_every_grade_in_document_order()
    {
        var text = Normalise(await Poppler.TextAsync(await HateCrimePdfAsync()));

        // Each table of the document: a recommendation's own actions, then each lettered part's.
        var tables = Council.Recommendations
            .SelectMany(r => new[] { r.Actions ?? [] }.Concat((r.Parts ?? []).Select(p => p.Actions)))
            .Where(actions => actions.Count > 0)
            .ToList();
        tables.Sum(t => t.Count).ShouldBe(16);
        var position = 0;
        foreach (var actions in tables)
        {
            // The evidence row, column by column, then the assessment row.
            foreach (var action in actions)
            {
                position = IndexAfter(text, Normalise(action.Evidence!), position);
            }

            foreach (var action in actions)
            {
                var grade = (Grade)action.Grade!.Value;
                position = IndexAfter(text, $"{(int)grade} {grade.Label()}", position);
            }
        }
    }

    /// <summary>Each table of the council's document: a recommendation's own actions, then each lettered part's.</summary>
    private static List<List<SeedAction>> SeedTables() => Council.Recommendations
        .SelectMany(r => new[] { r.Actions ?? [] }.Concat((r.Parts ?? []).Select(p => p.Actions)))
        .Where(actions => actions.Count > 0)
        .Select(actions => actions.ToList())
        .ToList();

    [Fact]
    public async Task Hate_Crime_pdf_tags_every_evidence_paragraph_and_every_grade_in_reading_order()
    {
        var tagged = await Poppler.TaggedTextAsync(await HateCrimePdfAsync());
        var text = Normalise(tagged.Joined);

        tagged.Errors.ShouldBeEmpty("pdfinfo reads the whole tag tree");
        var tables = SeedTables();
        tables.Sum(t => t.Count).ShouldBe(16);
        var position = 0;
        foreach (var actions in tables)
        {
            // Each paragraph whole (a screen reader must get the spaces where lines wrap), column by column, then the grades.
            foreach (var paragraph in actions.SelectMany(a => a.Evidence!.Split("\n\n")))
            {
                position = IndexAfter(text, Normalise(paragraph), position);
            }

            foreach (var action in actions)
            {
                var grade = (Grade)action.Grade!.Value;
                position = IndexAfter(text, $"{(int)grade} {grade.Label()}", position);
            }
        }

        text.ShouldContain(Normalise(CouncilDocument.Introduction));
    }

    [Fact]
    public async Task Hate_Crime_pdf_is_tagged_with_pdf_1_7_types_only()
    {
        var tagged = await Poppler.TaggedTextAsync(await HateCrimePdfAsync());

        tagged.Errors.ShouldBeEmpty();
        tagged.Types.Distinct().Where(type => !Poppler.Pdf17StructureTypes.Contains(type)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Hate_Crime_pdf_tags_its_header_block_as_a_table_of_row_headers()
    {
        var lines = (await Poppler.TaggedTextAsync(await HateCrimePdfAsync())).Tree;

        // Document, Art, H1, then the header block: a Table whose rows start with a row header.
        var afterTitle = lines.SkipWhile(line => line != "H1 (block)").Skip(1).SkipWhile(line => line.StartsWith('"') || line == "NonStruct").ToList();
        afterTitle[0].ShouldBe("Table (block)");
        var block = string.Join("\n", afterTitle.TakeWhile(line => line != "P (block)"));
        block.ShouldContain("\"Review:\"");
        block.ShouldContain("\"Link Officer/s:\"");
        block.ShouldContain("\"Action Plan Agreed:\"");
        System.Text.RegularExpressions.Regex.Matches(block, "/Scope /Row").Count.ShouldBe(3);
    }

    [Fact]
    public async Task The_page_where_each_heading_is_printed_also_holds_the_first_row_of_its_table()
    {
        var pages = (await Poppler.PagesAsync(await HateCrimePdfAsync())).Select(Normalise).ToList();

        // Every table's first body row is Responsibility; a recommendation without actions of its own is followed by its first part.
        var headings = Council.Recommendations.SelectMany(r =>
            new[] { (Heading: $"Recommendation {r.Number}: {r.Text}", Next: (r.Actions ?? []).Count > 0 ? "Responsibility:" : $"{r.Parts![0].Letter}) {r.Parts[0].Text}") }
                .Concat((r.Parts ?? []).Select(p => (Heading: $"{p.Letter}) {p.Text}", Next: "Responsibility:"))));
        foreach (var (heading, next) in headings)
        {
            var expected = Normalise(heading);
            var page = pages.FindIndex(text => text.Contains(expected, StringComparison.Ordinal));
            page.ShouldBeGreaterThanOrEqualTo(0, $"'{expected}' is printed on one page");
            var after = pages[page][(pages[page].IndexOf(expected, StringComparison.Ordinal) + expected.Length)..];
            after.ShouldContain(Normalise(next), customMessage: $"page {page + 1} ends with '{expected}'");
        }

        var key = pages.FindIndex(text => text.Contains(CouncilDocument.GradingsCaption + " 1 2 3 4", StringComparison.Ordinal));
        key.ShouldBeGreaterThanOrEqualTo(0, "the grading key's heading is on the page of its table");
    }

    [Fact]
    public async Task No_page_starts_with_an_assessment_row_alone()
    {
        var pages = (await Poppler.PagesAsync(await HateCrimePdfAsync())).Select(Normalise).ToList();
        string[] rows = ["Responsibility:", "Date:", "Agreed Action:", "Agreed Success Measure:", "Evidence of Progress (", "Assessment of Progress ("];

        pages.Count.ShouldBeGreaterThan(1);
        for (var n = 2; n <= pages.Count; n++)
        {
            var first = rows.Select(row => (Row: row, At: pages[n - 1].IndexOf(row, StringComparison.Ordinal)))
                .Where(found => found.At >= 0).OrderBy(found => found.At).Select(found => found.Row).FirstOrDefault();
            first.ShouldNotBe("Assessment of Progress (", $"page {n} starts with an Assessment row whose table is on page {n - 1}");
        }
    }

    [Fact]
    public async Task Hate_Crime_pdf_has_the_grading_key_in_its_outline_after_the_recommendations()
    {
        var bookmarks = await Poppler.BookmarksAsync(await HateCrimePdfAsync());

        bookmarks[0].ShouldBe(CouncilDocument.Title);
        bookmarks[^1].ShouldBe(CouncilDocument.GradingsCaption);
    }

    [Fact]
    public async Task Hate_Crime_pdf_ends_with_the_grading_key()
    {
        var text = await Poppler.TextAsync(await HateCrimePdfAsync());

        var key = text[text.LastIndexOf(CouncilDocument.GradingsCaption, StringComparison.Ordinal)..];
        var position = 0;
        foreach (var grade in GradeText.All)
        {
            position = IndexAfter(key, ((int)grade).ToString(), position);
        }

        foreach (var grade in GradeText.All)
        {
            position = IndexAfter(key, grade.Label(), position);
        }
    }

    [Fact]
    public async Task Every_page_of_the_Hate_Crime_pdf_has_the_footer()
    {
        var pages = await Poppler.PagesAsync(await HateCrimePdfAsync());

        pages.Count.ShouldBeGreaterThan(1);
        for (var n = 1; n <= pages.Count; n++)
        {
            pages[n - 1].ShouldContain($"{Title} · Page {n} of {pages.Count}");
        }
    }

    [Fact]
    public async Task Hate_Crime_pdf_has_a_bookmark_for_each_recommendation()
    {
        var bookmarks = await Poppler.BookmarksAsync(await HateCrimePdfAsync());

        bookmarks.Where(b => b.StartsWith("Recommendation ", StringComparison.Ordinal))
            .ShouldBe(Council.Recommendations.Select(r => Poppler.Squash($"Recommendation {r.Number}: {r.Text}")));
    }

    [Fact]
    public async Task A_committee_member_gets_accepted_updates_only_even_when_asking_for_drafts()
    {
        var url = await FlyTippingWithOneSubmittedUpdateAsync("Cameras bought, waiting for installation.");
        var member = app.CreateBrowser();
        await member.SignInAsync(DemoUsers.CommitteeMemberEmail);
        var officer = app.CreateBrowser();
        await officer.SignInAsync(DemoUsers.ScrutinyOfficerEmail);

        var forMember = await member.GetAsync(url + "&drafts=true");
        var forOfficer = await officer.GetAsync(url + "&drafts=true");

        var round = await app.WithDbAsync(db => db.Rounds.Where(r => r.Review!.Title == "Tackling Fly-tipping").Select(r => r.Label).SingleAsync());
        (await Poppler.TextAsync(await forMember.ShouldBePdfAttachmentAsync($"Tackling Fly-tipping - Progress Update - {round}.pdf")))
            .ShouldNotContain("Cameras bought");
        var draft = await forOfficer.ShouldBePdfAttachmentAsync($"Tackling Fly-tipping - Progress Update - {round} - Draft.pdf");
        (await Poppler.TextAsync(draft)).ShouldContain("Cameras bought, waiting for installation.");
        var tagged = await Poppler.TaggedTextAsync(draft);
        tagged.Errors.ShouldBeEmpty("the Draft tags are tagged as PDF 1.7 types too");
        tagged.Joined.ShouldContain("Draft Submitted, waiting to be checked by a scrutiny officer. Cameras bought, waiting for installation.");
    }

    [Fact]
    public async Task A_review_the_user_may_not_see_is_not_found_without_its_title()
    {
        const string title = "Licensing Enforcement Review";
        var reviewId = await app.WithDbAsync(async db =>
        {
            var review = GeneratedReviews.Small(title, await db.SelectCommittees.FirstAsync(), new YearMonth(2019, 3),
                (await db.Users.SingleAsync(u => u.Email == DemoUsers.AdministratorEmail)).Id, Grade.OnTrack);
            db.Reviews.Add(review);
            await db.SaveChangesAsync();
            return review.Id;
        });
        var linkOfficer = app.CreateBrowser();
        await linkOfficer.SignInAsync(DemoUsers.LinkOfficerEmail);

        var response = await linkOfficer.GetAsync($"/reviews/{reviewId}/report.pdf");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain(title);
    }

    [Fact]
    public async Task A_round_of_another_review_is_not_found()
    {
        var flyTippingRound = await app.WithDbAsync(db => db.Rounds.Where(r => r.Review!.Title == "Tackling Fly-tipping").Select(r => r.Id).SingleAsync());
        var hateCrime = await app.WithDbAsync(db => db.Reviews.Where(r => r.Title == "Hate Crime").Select(r => r.Id).SingleAsync());
        var client = app.CreateBrowser();
        await client.SignInAsync(DemoUsers.ScrutinyOfficerEmail);

        var response = await client.GetAsync($"/reviews/{hateCrime}/report.pdf?round={flyTippingRound}");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_report_page_links_to_its_pdf()
    {
        var url = await HateCrimePdfUrlAsync();
        var client = app.CreateBrowser();
        await client.SignInAsync(DemoUsers.CommitteeMemberEmail);

        var page = await client.GetDocumentAsync(url.Replace("report.pdf", "report", StringComparison.Ordinal));

        page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ShouldContain(url);
    }

    /// <summary>Submits (without accepting) the first update of Tackling Fly-tipping's open round; answers the review's PDF address for that round.</summary>
    private Task<string> FlyTippingWithOneSubmittedUpdateAsync(string evidence) => app.WithDbAsync(async db =>
    {
        var update = await db.ProgressUpdates.Include(u => u.Round)
            .Where(u => u.Round!.Review!.Title == "Tackling Fly-tipping")
            .OrderBy(u => u.Id).FirstAsync();
        update.Evidence = evidence;
        update.Grade = Grade.OnTrack;
        update.Status = UpdateStatus.Submitted;
        await db.SaveChangesAsync();
        return $"/reviews/{update.Round!.ReviewId}/report.pdf?round={update.RoundId}";
    });

    private static int IndexAfter(string text, string expected, int start)
    {
        var index = text.IndexOf(expected, start, StringComparison.Ordinal);
        index.ShouldBeGreaterThanOrEqualTo(0, $"'{expected}' should follow, in document order, after: …{text[Math.Max(0, start - 80)..start]}");
        return index + expected.Length;
    }

    /// <summary>Squashed whitespace and ligatures (ﬁ) written out, as in the PDF's text.</summary>
    private static string Normalise(string text) => Poppler.Squash(text.Normalize(NormalizationForm.FormKC));
}
