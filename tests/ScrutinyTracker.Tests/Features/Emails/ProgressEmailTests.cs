using System.Net;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Tests.Features.Updates;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Tests.Infrastructure.Email;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Infrastructure.Email;
using static ScrutinyTracker.Tests.Infrastructure.TestReviews;

namespace ScrutinyTracker.Tests.Features.Emails;

/// <summary>Each e-mail of a round's life, as a real SMTP server on loopback receives it.</summary>
public sealed class ProgressEmailTests(EmailAppFactory app) : IClassFixture<EmailAppFactory>
{
    private const string Evidence = "Confidential: the victim at 12 Acacia Avenue was visited";

    private async Task<IReadOnlyList<ReceivedEmail>> ReceivedAboutAsync(string title, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var about = app.Smtp.Received.Where(m => (m.Message.Subject ?? "").Contains(title, StringComparison.Ordinal)).ToList();
            if (about.Count >= count || DateTime.UtcNow > deadline)
            {
                about.Count.ShouldBe(count, $"e-mails about {title}");
                return about;
            }

            await Task.Delay(25);
        }
    }

    private static void ShouldCarryNoEvidence(ReceivedEmail mail, string evidence = Evidence)
    {
        mail.Text.ShouldNotContain(evidence);
        mail.Html.ShouldNotContain(evidence);
        mail.Message.ToString().ShouldNotContain(evidence);
    }

    [Fact]
    public async Task Opening_a_round_mails_each_link_officer_what_is_asked_the_due_date_and_the_round_form()
    {
        var second = await app.AddLinkOfficerAsync("Rowan Second");
        var reviewId = await app.AddReviewAsync("Fly Grazing", new YearMonth(2019, 3), r =>
        {
            var last = new Round { Label = "March 2020", DueDate = new(2020, 3, 31), Status = RoundStatus.Closed };
            var first = Action("Impound the horses", 0);
            var other = Action("Fence the common", 1);
            first.Updates.Add(new ProgressUpdate { Round = last, Evidence = Evidence, Grade = Grade.OnTrack, Status = UpdateStatus.Accepted });
            other.Updates.Add(new ProgressUpdate { Round = last, Evidence = Evidence, Grade = Grade.Slipped, Status = UpdateStatus.Accepted });
            r.Rounds.Add(last);
            r.Recommendations.Add(Recommendation(1, "That horses be kept off the verges.", first, other));
            r.LinkOfficers.Add(new ReviewLinkOfficer { UserId = second });
        });
        var officer = await app.SignedInAsync(DemoUsers.ScrutinyOfficerEmail);

        var opened = await officer.SubmitFormAsync($"/reviews/{reviewId}/rounds/open", [new("Label", "March 2021"), new("DueDay", "30"), new("DueMonth", "4"), new("DueYear", "2021")]);

        opened.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var roundId = await app.WithDbAsync(db => db.Rounds.Where(r => r.ReviewId == reviewId && r.Status == RoundStatus.Open).Select(r => r.Id).SingleAsync());
        var mails = await ReceivedAboutAsync("Fly Grazing", 2);
        mails.SelectMany(m => m.EnvelopeTo).Order().ShouldBe([DemoUsers.LinkOfficerEmail, "rowan.second@example.gov.uk"]);
        foreach (var mail in mails)
        {
            mail.Message.To.Count.ShouldBe(1, "each link officer gets a message of their own");
            mail.Message.From.ToString().ShouldBe("\"Example Borough Council\" <scrutiny@example.gov.uk>");
            mail.Message.Subject.ShouldBe("Fly Grazing: progress updates due by 30 April 2021");
            mail.Text.ShouldContain("Example Borough Council");
            mail.Text.ShouldContain("The March 2021 round of Fly Grazing is open");
            mail.Text.ShouldContain("a progress update on 2 actions of Fly Grazing");
            mail.Text.ShouldContain("due by 30 April 2021");
            mail.Text.ShouldContain($"{EmailAppFactory.SiteUrl}/rounds/{roundId}/updates");
            mail.Html.ShouldContain($"<a href=\"{EmailAppFactory.SiteUrl}/rounds/{roundId}/updates\"");
            mail.Html.ShouldContain("<h1");
            mail.Message.Headers["Auto-Submitted"].ShouldBe("auto-generated");
            ShouldCarryNoEvidence(mail);
        }

        mails.Select(m => m.Text).ShouldContain(t => t.Contains("Dear Rowan Second,"));
        var stored = await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.Subject.Contains("Fly Grazing")).ToListAsync());
        stored.Select(m => m.Status).ShouldBe([OutboxStatus.Sent, OutboxStatus.Sent]);
        stored.Select(m => m.MessageId).Order().ShouldBe(mails.Select(m => m.MessageId).Order());
    }

    [Fact]
    public async Task Submitting_every_update_mails_the_scrutiny_officers_and_returning_one_mails_the_link_officer_the_comment()
    {
        var round = await app.CreateRoundAsync("Hedge Disputes");
        await app.SetAnswersAsync(round.UpdateIds);
        var evidence = $"Evidence for update {round.UpdateIds[1]}.";
        var linkOfficer = await app.SignedInAsync(DemoUsers.LinkOfficerEmail);

        var submitted = await linkOfficer.SubmitRoundAsync(await linkOfficer.GetDocumentAsync(round.FormUrl));

        submitted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var ready = (await ReceivedAboutAsync("Hedge Disputes", 1)).Single();
        ready.EnvelopeTo.ShouldBe([DemoUsers.ScrutinyOfficerEmail]);
        ready.Message.Subject.ShouldBe("Hedge Disputes: the March 2021 updates are ready to check");
        ready.Text.ShouldContain("submitted 3 updates of the March 2021 round of Hedge Disputes");
        ready.Text.ShouldContain($"{EmailAppFactory.SiteUrl}/rounds/{round.RoundId}/check");
        ShouldCarryNoEvidence(ready, evidence);

        var officer = await app.SignedInAsync(DemoUsers.ScrutinyOfficerEmail);
        var returned = await officer.SubmitFormAsync($"/updates/{round.UpdateIds[1]}/return", [new("Comment", "Say how many households\nthe campaign reached.")]);

        returned.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var back = (await ReceivedAboutAsync("Hedge Disputes", 2)).Single(m => m.MessageId != ready.MessageId);
        back.EnvelopeTo.ShouldBe([DemoUsers.LinkOfficerEmail]);
        back.Message.Subject.ShouldBe("Hedge Disputes: your update on Recommendation 2a (Households) was returned");
        back.Text.ShouldContain("Say how many households\nthe campaign reached.");
        back.Html.ShouldContain("Say how many households<br>the campaign reached.");
        back.Text.ShouldContain($"{EmailAppFactory.SiteUrl}/rounds/{round.RoundId}/updates#action-{round.UpdateIds[1]}");
        ShouldCarryNoEvidence(back, evidence);
    }

    [Fact]
    public async Task A_returned_update_whose_submitter_is_no_longer_on_the_review_goes_to_the_reviews_link_officers()
    {
        var round = await app.CreateRoundAsync("Noise Nuisance");
        var successor = await app.AddLinkOfficerAsync("Robin Successor");
        await app.SetAnswersAsync(round.UpdateIds, status: UpdateStatus.Submitted);
        await app.WithDbAsync(async db =>
        {
            var former = await db.Users.Where(u => u.Email == DemoUsers.LinkOfficerEmail).Select(u => u.Id).SingleAsync();
            await db.ProgressUpdates.Where(u => round.UpdateIds.Contains(u.Id)).ExecuteUpdateAsync(u => u.SetProperty(x => x.SubmittedById, former));
            var review = await db.Rounds.Where(r => r.Id == round.RoundId).Select(r => r.ReviewId).SingleAsync();
            await db.ReviewLinkOfficers.Where(l => l.ReviewId == review && l.UserId == former).ExecuteDeleteAsync();
            db.ReviewLinkOfficers.Add(new ReviewLinkOfficer { ReviewId = review, UserId = successor });
            await db.SaveChangesAsync();
        });
        var officer = await app.SignedInAsync(DemoUsers.ScrutinyOfficerEmail);

        await officer.SubmitFormAsync($"/updates/{round.UpdateIds[0]}/return", [new("Comment", "Add the number of complaints.")]);

        var mail = (await ReceivedAboutAsync("Noise Nuisance", 1)).Single();
        mail.EnvelopeTo.ShouldBe(["robin.successor@example.gov.uk"], "the former link officer may no longer open the review, so is not sent its comment");
    }

    [Fact]
    public async Task Text_typed_into_a_comment_is_encoded_in_the_html_e_mail()
    {
        var round = await app.CreateRoundAsync("Kerb Crawling");
        await app.SetAnswersAsync(round.UpdateIds, status: UpdateStatus.Submitted);
        var officer = await app.SignedInAsync(DemoUsers.ScrutinyOfficerEmail);

        await officer.SubmitFormAsync($"/updates/{round.UpdateIds[0]}/return", [new("Comment", "<script>alert(1)</script> & more")]);

        var mail = (await ReceivedAboutAsync("Kerb Crawling", 1)).Single();
        mail.Html.ShouldNotContain("<script>");
        mail.Html.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more");
        mail.Text.ShouldContain("<script>alert(1)</script> & more");
    }
}
