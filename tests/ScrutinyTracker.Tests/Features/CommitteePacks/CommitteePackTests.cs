using System.Net;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Features.CommitteePacks;
using ScrutinyTracker.Web.Infrastructure.Pdf;
using Shouldly;

namespace ScrutinyTracker.Tests.Features.CommitteePacks;

/// <summary>The demo data plus two more reviews of Hate Crime's committee with a March 2020 round, so a pack can hold three.</summary>
public sealed class CommitteePackAppFactory : ScrutinyAppFactory
{
    public static readonly string[] PackTitles = ["Domestic Abuse Support", "Hate Crime", "Youth Services"];

    public const string PlaceCommittee = "Place Select Committee";

    public const string UncheckedReview = "Library Opening Hours";

    public async Task ArrangeAsync()
    {
        await WithDbAsync(async db =>
        {
            if (await db.Reviews.AnyAsync(r => r.Title == "Youth Services"))
            {
                return;
            }

            var committee = await db.Reviews.Where(r => r.Title == "Hate Crime").Select(r => r.SelectCommittee!).SingleAsync();
            var linkOfficer = await db.Users.SingleAsync(u => u.Email == DemoUsers.LinkOfficerEmail);
            var agreed = new YearMonth(2019, 3);
            db.Reviews.Add(GeneratedReviews.Small("Domestic Abuse Support", committee, agreed, linkOfficer.Id, Grade.OnTrack, Grade.Slipped, null));
            db.Reviews.Add(GeneratedReviews.Small("Youth Services", committee, agreed, linkOfficer.Id, Grade.FullyAchieved));

            // Another committee's review whose March 2020 round has no accepted update.
            var place = await db.SelectCommittees.SingleAsync(c => c.Name == PlaceCommittee);
            db.Reviews.Add(GeneratedReviews.Small(UncheckedReview, place, agreed, linkOfficer.Id, null, null));
            await db.SaveChangesAsync();
        });
    }
}

/// <summary>Committee packs, printed and read back with poppler. Needs Chromium at /usr/bin/chromium and poppler-utils.</summary>
public sealed class CommitteePackTests(CommitteePackAppFactory app) : IClassFixture<CommitteePackAppFactory>
{
    private const string Committee = "Crime and Disorder Select Committee";

    private async Task<HttpClient> OfficerAsync()
    {
        await app.ArrangeAsync();
        return await app.SignedInAsync(DemoUsers.ScrutinyOfficerEmail);
    }

    private Task<int> CommitteeIdAsync(string name = Committee) => app.WithDbAsync(db => db.SelectCommittees.Where(c => c.Name == name).Select(c => c.Id).SingleAsync());

    private async Task<string> PackPageUrlAsync(string name = Committee) => $"/committee-packs?committee={await CommitteeIdAsync(name)}&round=March+2020";

    private async Task<byte[]> PackOfThreeAsync()
    {
        var client = await OfficerAsync();
        var response = await client.SubmitFormAsync(await PackPageUrlAsync(), [
            new("Form.MeetingDay", "12"),
            new("Form.MeetingMonth", "3"),
            new("Form.MeetingYear", "2020"),
        ], "main form[method=post]");
        return await response.ShouldBePdfAttachmentAsync("Crime and Disorder Select Committee - Progress Updates - March 2020.pdf");
    }

    [Fact]
    public async Task The_pack_page_lists_the_reviews_of_the_round_all_ticked()
    {
        var client = await OfficerAsync();

        var page = await client.GetDocumentAsync(await PackPageUrlAsync());

        var ticked = page.QuerySelectorAll("input[name='Form.ReviewIds'][checked]")
            .Select(i => page.QuerySelector($"label[for='{i.Id}']")!.TextContent.Trim());
        ticked.ShouldBe(CommitteePackAppFactory.PackTitles, "only the committee's reviews, not the other committee's March 2020 review");
        page.QuerySelector("#committee option[selected]")!.TextContent.ShouldBe(Committee);
        page.QuerySelector("input[type=hidden][name='Form.SelectCommitteeId']")!.GetAttribute("value").ShouldBe((await CommitteeIdAsync()).ToString());
    }

    [Fact]
    public async Task The_committee_is_chosen_first_and_then_only_its_reviews_are_offered()
    {
        var client = await OfficerAsync();

        var first = await client.GetDocumentAsync("/committee-packs");
        first.QuerySelectorAll("input[name='Form.ReviewIds']").ShouldBeEmpty("no review is offered before the committee is chosen");
        first.QuerySelector("main form[method=post]").ShouldBeNull();
        first.QuerySelector("main form[method=get] select#committee").ShouldNotBeNull();

        var place = await client.GetDocumentAsync(await PackPageUrlAsync(CommitteePackAppFactory.PlaceCommittee));
        place.QuerySelectorAll("input[name='Form.ReviewIds']").Select(i => place.QuerySelector($"label[for='{i.Id}']")!.TextContent.Trim())
            .ShouldBe([CommitteePackAppFactory.UncheckedReview]);
        place.QuerySelectorAll("#round option").Select(o => o.TextContent).ShouldContain("March 2020");
    }

    [Fact]
    public async Task A_review_of_another_committee_cannot_be_slipped_into_a_pack()
    {
        var client = await OfficerAsync();
        var page = await client.GetDocumentAsync(await PackPageUrlAsync());
        var other = await app.WithDbAsync(db => db.Reviews.Where(r => r.Title == CommitteePackAppFactory.UncheckedReview).Select(r => r.Id).SingleAsync());

        var response = await client.SubmitFormAsync(page, [
            new("Form.ReviewIds", other.ToString()),
            new("Form.MeetingDay", "12"), new("Form.MeetingMonth", "3"), new("Form.MeetingYear", "2020"),
        ], "main form[method=post]");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HttpClientExtensions.ParseAsync(response)).TextOf(".govuk-error-summary__list").ShouldBe($"Select only reviews of the {Committee}");
    }

    [Fact]
    public async Task A_pack_whose_round_has_no_accepted_updates_is_made_only_after_a_warning()
    {
        var client = await OfficerAsync();
        var fields = new List<KeyValuePair<string, string>> { new("Form.MeetingDay", "12"), new("Form.MeetingMonth", "3"), new("Form.MeetingYear", "2020") };

        var response = await client.SubmitFormAsync(await PackPageUrlAsync(CommitteePackAppFactory.PlaceCommittee), fields, "main form[method=post]");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html", "a warning, not a silent empty pack");
        var warning = await HttpClientExtensions.ParseAsync(response);
        warning.TextOf("h1").ShouldBe("The review has no accepted updates in this round");
        warning.TextOf("main ul").ShouldContain(CommitteePackAppFactory.UncheckedReview);
        warning.QuerySelector("main a[href^='/rounds/'][href$='/check']").ShouldNotBeNull("a way to go and check the updates");

        var confirmed = await client.SubmitFormAsync(warning, [], "main form[method=post]");

        var pdf = await confirmed.ShouldBePdfAttachmentAsync($"{CommitteePackAppFactory.PlaceCommittee} - Progress Updates - March 2020.pdf");
        (await Poppler.TextAsync(pdf)).ShouldContain(CommitteePackAppFactory.UncheckedReview);
    }

    [Fact]
    public async Task A_pack_whose_reviews_all_have_accepted_updates_needs_no_warning() =>
        (await PackOfThreeAsync()).ShouldNotBeEmpty();

    [Fact]
    public async Task The_cover_gives_the_page_each_review_starts_on()
    {
        var pdf = await PackOfThreeAsync();
        var pages = await Poppler.PagesAsync(pdf);

        var listed = CommitteePackAppFactory.PackTitles.Select(title =>
        {
            var row = System.Text.RegularExpressions.Regex.Match(pages[0], $@"{title} (?:\d+ ){{5}}(\d+)");
            row.Success.ShouldBeTrue($"the cover lists {title} with its page: {pages[0]}");
            return (Title: title, Page: int.Parse(row.Groups[1].Value));
        }).ToList();

        listed.Select(l => l.Page).ShouldBe(listed.Select(l => l.Page).Order(), "in the order printed");
        listed[2].Page.ShouldBeGreaterThan(listed[1].Page + 1, "Hate Crime runs over several pages, so the numbers are counted, not assumed");
        foreach (var (title, page) in listed)
        {
            // A review's section starts with its name above the council's heading (the name is printed once).
            pages[page - 1].ShouldContain($"{title} SCRUTINY MONITORING – PROGRESS UPDATE", customMessage: $"{title} should start on page {page}");
            pages[page - 2].ShouldNotContain($"{title} SCRUTINY MONITORING – PROGRESS UPDATE", customMessage: $"{title} should not start before page {page}");
        }

        CommitteePackPrinter.ReviewStarts(PdfLinkTargets.Pages(pdf), 3).ShouldBe(listed.Select(l => l.Page), "each title on the cover links to its review's first page");
    }

    [Fact]
    public async Task A_pack_of_three_reviews_has_a_cover_page_then_each_review_from_the_top_of_a_new_page()
    {
        var pages = await Poppler.PagesAsync(await PackOfThreeAsync());

        var cover = pages[0];
        cover.ShouldStartWith($"Example Borough Council Scrutiny monitoring – progress updates {Committee} Meeting date 12 March 2020 Monitoring round March 2020");
        cover.ShouldContain("Domestic Abuse Support 0 1 1 0 1 ");
        cover.ShouldContain("Hate Crime 12 2 1 1 0 ");
        cover.ShouldContain("Youth Services 1 0 0 0 0 ");
        var sectionStarts = pages
            .Select((text, index) => (text, index))
            .Where(p => p.text.Contains(" SCRUTINY MONITORING – PROGRESS UPDATE Link Officer/s: ", StringComparison.Ordinal))
            .ToList();
        sectionStarts.Count.ShouldBe(3);
        sectionStarts[0].index.ShouldBe(1, "the first review starts on the page after the cover");
        // The review's name heads its section once; the council's "Review:" row would print it again.
        sectionStarts.Select(p => p.text).Zip(CommitteePackAppFactory.PackTitles)
            .ShouldAllBe(pair => pair.First.StartsWith($"{pair.Second} SCRUTINY MONITORING – PROGRESS UPDATE Link Officer/s: ", StringComparison.Ordinal));
        pages.ShouldAllBe(page => !page.Contains("Review: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_pack_is_tagged_with_pdf_1_7_types_only_its_cover_details_a_table()
    {
        var pdf = await PackOfThreeAsync();
        var tagged = await Poppler.TaggedTextAsync(pdf);

        tagged.Errors.ShouldBeEmpty();
        tagged.Types.Distinct().Where(type => !Poppler.Pdf17StructureTypes.Contains(type)).ShouldBeEmpty();
        var structure = tagged.Tree.ToList();
        foreach (var header in new[] { "\"Meeting date\"", "\"Monitoring round\"" })
        {
            var at = structure.IndexOf(header);
            at.ShouldBeGreaterThan(4);
            structure[(at - 5)..at].ShouldContain("/Scope /Row", $"{header} is a row header of the cover's table");
        }
    }

    [Fact]
    public async Task A_pack_has_a_bookmark_for_each_review_and_its_recommendations()
    {
        var bookmarks = await Poppler.BookmarksAsync(await PackOfThreeAsync());

        bookmarks.Where(b => CommitteePackAppFactory.PackTitles.Contains(b)).ShouldBe(CommitteePackAppFactory.PackTitles);
        bookmarks.ShouldContain(b => b.StartsWith("Recommendation 1: That Youth Services be done.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_pack_is_tagged_A4_and_titled()
    {
        var info = await Poppler.InfoAsync(await PackOfThreeAsync());

        info["Tagged"].ShouldBe("yes");
        Poppler.ShouldBeA4(info);
        info["Title"].ShouldBe($"{Committee} – Progress Updates – March 2020");
    }

    [Fact]
    public async Task Every_page_of_a_pack_has_its_footer()
    {
        var pages = await Poppler.PagesAsync(await PackOfThreeAsync());

        for (var n = 1; n <= pages.Count; n++)
        {
            pages[n - 1].ShouldContain($"{Committee} – Progress Updates – March 2020 · Page {n} of {pages.Count}");
        }
    }

    [Fact]
    public async Task A_pack_without_reviews_or_meeting_date_shows_what_to_correct()
    {
        var client = await OfficerAsync();
        var page = await client.GetDocumentAsync(await PackPageUrlAsync());
        foreach (var box in page.QuerySelectorAll("input[name='Form.ReviewIds']"))
        {
            box.RemoveAttribute("checked");
        }

        var response = await client.SubmitFormAsync(page, [], "main form[method=post]");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var errors = (await HttpClientExtensions.ParseAsync(response)).QuerySelectorAll(".govuk-error-summary__list a")
            .Select(a => (a.TextContent.Trim(), a.GetAttribute("href"))).ToList();
        errors.ShouldBe([
            ("Select at least one review", "#Form_ReviewIds"),
            ("Enter the meeting date", "#Form_MeetingDate"),
        ]);
    }

    [Theory]
    [InlineData("31", "2", "2020", "Meeting date must be a real date")]
    [InlineData("12", "", "2020", "Meeting date must include a month")]
    [InlineData("", "", "2020", "Meeting date must include a day and month")]
    public async Task A_meeting_date_must_be_a_real_date(string day, string month, string year, string message)
    {
        var client = await OfficerAsync();

        var response = await client.SubmitFormAsync(await PackPageUrlAsync(), [
            new("Form.MeetingDay", day),
            new("Form.MeetingMonth", month),
            new("Form.MeetingYear", year),
        ], "main form[method=post]");

        var page = await HttpClientExtensions.ParseAsync(response);
        page.TextOf(".govuk-error-summary__list").ShouldBe(message);
        page.TextOf("#Form_MeetingDate-error").ShouldBe($"Error: {message}");
    }

    [Fact]
    public async Task Reviews_can_be_narrowed_to_one_select_committee()
    {
        var client = await OfficerAsync();
        var otherCommittee = await app.WithDbAsync(db => db.SelectCommittees.Where(c => c.Name == "People Select Committee").Select(c => c.Id).SingleAsync());

        var page = await client.GetDocumentAsync($"/committee-packs?round=March+2020&committee={otherCommittee}");

        page.QuerySelectorAll("input[name='Form.ReviewIds']").ShouldBeEmpty();
        page.TextOf("main").ShouldContain("has a monitoring round yet");
    }
}
