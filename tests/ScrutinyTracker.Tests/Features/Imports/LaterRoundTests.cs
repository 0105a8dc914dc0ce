using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Tests.Features.Imports;

/// <summary>
/// A later round's document for a review already here: matched by number, letter and column heading,
/// shown in the preview with what did not match, and updates only for actions not yet signed off.
/// </summary>
public sealed class LaterRoundTests(ScrutinyAppFactory app) : IClassFixture<ScrutinyAppFactory>
{
    private const string Committee = "Crime and Disorder Select Committee";
    private const string Round = "September 2020";

    [Fact]
    public async Task The_September_round_updates_only_actions_not_signed_off_matched_by_number_letter_and_heading()
    {
        var client = await app.SignedInAsync(DemoUsers.ScrutinyOfficerEmail);
        var reviewId = await ImportMarchAsync(client, "Hate Crime Imported");

        var preview = await PreviewLaterAsync(client, reviewId, September("Hate Crime Imported"));
        preview.QuerySelector("#import-problems").ShouldBeNull(preview.QuerySelector("#import-problems")?.TextContent);
        var matches = preview.QuerySelectorAll("#import-matches tbody tr")
            .Select(r => string.Join(" | ", r.Children.Select(c => c.TextContent.Trim()))).ToList();
        matches.ShouldBe(
        [
            "1 | 1 | Signed off before: no update",
            "1a (Frontline staff) | 1a (Frontline staff) | Signed off before: no update",
            "1a (Schools, Colleges and Universities) | 1a (Schools, Colleges and Universities) | Update added",
            "1b (Working towards reducing the barriers to reporting) | 1b (Working towards reducing the barriers to reporting) | Signed off before: no update",
            "1b (The development of an on-line form, which would enable users to report hate crime from any location) | 1b (The development of an on-line form, which would enable users to report hate crime from any location) | Update added",
            "1c | 1c | Update added",
        ]);
        Items(preview, "#only-in-document").ShouldBe(["Action 1b (A hate crime app)", "Recommendation 5: That the Council do something new."]);
        Items(preview, "#only-in-review").ShouldBe(["Action 1f"]);
        preview.TextOf("#import-outcome").ShouldContain("3 accepted updates");
        (await app.WithDbAsync(db => db.Rounds.CountAsync(r => r.ReviewId == reviewId))).ShouldBe(1, "nothing is written before confirming");

        var response = await client.SubmitFormAsync(preview, [], "#confirm-import");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var round = await app.WithDbAsync(db => db.Rounds.AsNoTracking().Include(r => r.Updates).ThenInclude(u => u.PlanAction).Include(r => r.Consideration)
            .SingleAsync(r => r.ReviewId == reviewId && r.Label == Round));
        round.Status.ShouldBe(RoundStatus.Closed);
        round.Consideration.ShouldNotBeNull();
        round.Updates.Select(u => (u.PlanAction!.Heading, u.Grade, u.Evidence, u.Status)).ShouldBe(
        [
            ("Schools, Colleges and Universities", Grade.FullyAchieved, "Every school took part.", UpdateStatus.Accepted),
            ("The development of an on-line form, which would enable users to report hate crime from any location", Grade.Slipped, "The form is delayed.", UpdateStatus.Accepted),
            (null, Grade.OnTrack, "Advocates recruited.", UpdateStatus.Accepted),
        ], ignoreOrder: true);
        (await app.WithDbAsync(db => db.DocumentImports.CountAsync(i => i.RoundId == round.Id && i.FileName == "september.docx"))).ShouldBe(1);

        var report = await client.GetDocumentAsync(response.Headers.Location!.OriginalString);
        report.QuerySelector("h1")!.TextContent.ShouldBe($"Hate Crime Imported: progress update, {Round}");
    }

    [Fact]
    public async Task A_round_already_here_or_a_review_with_an_open_round_is_refused_in_the_preview()
    {
        var client = await app.SignedInAsync(DemoUsers.ScrutinyOfficerEmail);
        var reviewId = await ImportMarchAsync(client, "Hate Crime Twice");
        var march = await PreviewLaterAsync(client, reviewId, File.ReadAllBytes(TestDocument.HateCrimePath));
        march.TextOf("#import-problems").ShouldContain("already has a March 2020 round");
        march.QuerySelector("#confirm-import").ShouldBeNull();

        var seeded = await app.WithDbAsync(db => db.Reviews.Where(r => r.Title == "Hate Crime").MinAsync(r => r.Id));
        var open = await PreviewLaterAsync(client, seeded, September("Hate Crime"));
        open.TextOf("#import-problems").ShouldContain("September 2020 round is open in ScrutinyTracker");
        open.QuerySelector("#confirm-import").ShouldBeNull();
    }

    [Fact]
    public async Task A_completed_review_gets_no_later_round_and_is_not_offered()
    {
        var client = await app.SignedInAsync(DemoUsers.ScrutinyOfficerEmail);
        var reviewId = await ImportMarchAsync(client, "Hate Crime Completed");
        var preview = await PreviewLaterAsync(client, reviewId, September("Hate Crime Completed"));
        await app.WithDbAsync(async db =>
        {
            (await db.Reviews.SingleAsync(r => r.Id == reviewId)).Status = ReviewStatus.Completed;
            await db.SaveChangesAsync();
        });

        var completed = await client.GetDocumentAsync(new Uri(preview.Url).PathAndQuery);
        completed.TextOf("#import-problems").ShouldContain("Hate Crime Completed is completed: its plan and rounds can no longer change.");
        completed.QuerySelector("#confirm-import").ShouldBeNull();
        var upload = await client.GetDocumentAsync("/imports/word");
        upload.QuerySelectorAll("select[name='ReviewId'] option").Select(o => o.GetAttribute("value")).ShouldNotContain(reviewId.ToString(), "a completed review is not offered");
    }

    [Fact]
    public async Task A_review_whose_monitoring_has_ended_gets_no_later_round_and_is_not_offered()
    {
        var client = await app.SignedInAsync(DemoUsers.ScrutinyOfficerEmail);
        var reviewId = await ImportMarchAsync(client, "Hate Crime Closed");
        var preview = await PreviewLaterAsync(client, reviewId, September("Hate Crime Closed"));
        await app.WithDbAsync(async db =>
        {
            (await db.Reviews.SingleAsync(r => r.Id == reviewId)).MonitoringClosedOn = new DateOnly(2020, 6, 1);
            await db.SaveChangesAsync();
        });

        var closed = await client.GetDocumentAsync(new Uri(preview.Url).PathAndQuery);
        closed.TextOf("#import-problems").ShouldContain("Monitoring of Hate Crime Closed has ended, so no round can be added to it.");
        closed.QuerySelector("#confirm-import").ShouldBeNull();
        var upload = await client.GetDocumentAsync("/imports/word");
        upload.QuerySelectorAll("select[name='ReviewId'] option").Select(o => o.GetAttribute("value")).ShouldNotContain(reviewId.ToString(), "a review whose monitoring ended is not offered");
    }

    private static List<string> Items(AngleSharp.Dom.IDocument page, string list) =>
        page.QuerySelectorAll($"{list} li").Select(li => li.TextContent.Trim()).ToList();

    private async Task<int> ImportMarchAsync(HttpClient client, string title)
    {
        var bytes = File.ReadAllBytes(TestDocument.HateCrimePath);
        var preview = await client.PreviewAsync($"{title}.docx", bytes, Committee);
        var response = await client.SubmitFormAsync(preview, [], "#confirm-import");
        var reviewId = int.Parse(response.Headers.Location!.OriginalString.Split('/')[2]);
        await app.WithDbAsync(async db =>
        {
            var review = await db.Reviews.SingleAsync(r => r.Id == reviewId);
            review.Title = title;
            await db.SaveChangesAsync();
        });
        return reviewId;
    }

    private async Task<AngleSharp.Dom.IDocument> PreviewLaterAsync(HttpClient client, int reviewId, byte[] document)
    {
        var page = await client.GetDocumentAsync("/imports/word");
        var form = page.QuerySelector<IHtmlFormElement>("main form[enctype='multipart/form-data']")!;
        var body = new MultipartFormDataContent
        {
            { new StringContent(form.QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value), "__RequestVerificationToken" },
            { new StringContent(reviewId.ToString()), "ReviewId" },
            { new StringContent(""), "SelectCommitteeId" },
            { new ByteArrayContent(document), "Document", "september.docx" },
        };
        var response = await client.PostAsync("/imports/word", body);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return await client.GetDocumentAsync(response.Headers.Location!.OriginalString);
    }

    /// <summary>
    /// The September 2020 document: recommendation 1's own action and part a narrower than in March (two
    /// of its four columns), part b wider (a new column), part c, and a recommendation 5 the review lacks.
    /// </summary>
    private static byte[] September(string title) => new TestDocument()
        .HeaderLines(review: title)
        .Paragraph("Recommendation 1: That the Stockton Hate Crime Group be recommended to incorporate the following actions into the Hate Crime Action Plan:")
        .ActionTable("Satnam Singh", "March 2019", "Proposed new recommendations.", "Plan includes them.", "Still in the plan.", "1", Round)
        .Paragraph("a) targeted awareness raising and promotion of the support available for:")
        .Table(
            TestRow.Of("", "Frontline staff", "Schools, Colleges and Universities"),
            TestRow.Of("Responsibility:", "All members", "Vanessa Housley"),
            TestRow.Of($"Evidence of Progress ({Round}):", "Training continues.", "Every school took part."),
            TestRow.Of($"Assessment of Progress ({Round}):", "1", "1"))
        .Paragraph("b) encouraging reporting through:")
        .Table(
            TestRow.Of("", "Working towards reducing the barriers to reporting", "The development of an on-line form, which would enable users to report hate crime from any location", "A hate crime app"),
            TestRow.Of("Responsibility:", "Satnam Singh", "Neil Mitchell", "Neil Mitchell"),
            TestRow.Of($"Evidence of Progress ({Round}):", "Done.", "The form is delayed.", "Started."),
            TestRow.Of($"Assessment of Progress ({Round}):", "1", "3", "2"))
        .Paragraph("c) recruiting and developing capacity of community advocates")
        .ActionTable("All members", "October 2019", "Explore advocates.", "A pool of advocates.", "Advocates recruited.", "2 - On Track", Round)
        .Paragraph("Recommendation 5: That the Council do something new.")
        .ActionTable("Someone", "May 2021", "Do it.", "Done.", "Begun.", "2", Round)
        .ToBytes();
}
