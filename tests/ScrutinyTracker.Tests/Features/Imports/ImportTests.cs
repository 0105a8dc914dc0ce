using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Tests.Features.Imports;

/// <summary>Importing the council's Hate Crime document through the pages: preview, confirm, and what is created.</summary>
public sealed class ImportTests(ScrutinyAppFactory app) : IClassFixture<ScrutinyAppFactory>
{
    private static readonly byte[] HateCrime = File.ReadAllBytes(TestDocument.HateCrimePath);

    [Fact]
    public async Task Importing_the_Hate_Crime_document_creates_the_seeded_review_field_by_field()
    {
        var client = await app.SignedInAsync(DemoUsers.ScrutinyOfficerEmail);
        var preview = await client.PreviewAsync("hate-crime-progress-update-march-2020.docx", HateCrime, "Crime and Disorder Select Committee");
        var response = await client.SubmitFormAsync(preview, [], "#confirm-import");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var importedId = int.Parse(response.Headers.Location!.OriginalString.Split('/')[2]);

        var (seeded, imported) = await app.WithDbAsync(async db =>
            (await LoadAsync(db, await db.Reviews.Where(r => r.Title == "Hate Crime").MinAsync(r => r.Id)), await LoadAsync(db, importedId)));
        imported.Id.ShouldNotBe(seeded.Id);
        imported.Title.ShouldBe(seeded.Title);
        imported.SelectCommitteeId.ShouldBe(seeded.SelectCommitteeId);
        imported.ActionPlanAgreed.ShouldBe(seeded.ActionPlanAgreed);
        imported.LinkOfficers.Select(l => l.UserId).ShouldBe(seeded.LinkOfficers.Select(l => l.UserId));
        SamePlan(seeded, imported);

        var seededRound = seeded.Rounds.Single(r => r.Label == "March 2020");
        var round = imported.Rounds.ShouldHaveSingleItem();
        round.Label.ShouldBe("March 2020");
        round.DueDate.ShouldBe(seededRound.DueDate);
        round.Status.ShouldBe(RoundStatus.Closed);
        round.Consideration.ShouldNotBeNull().SelectCommitteeId.ShouldBe(seeded.SelectCommitteeId);
        round.Consideration.MeetingDate.ShouldBeNull("the document does not say when the committee met");

        var grades = imported.Recommendations.SelectMany(r => r.Actions).SelectMany(a => a.Updates).GroupBy(u => u.Grade!.Value).ToDictionary(g => g.Key, g => g.Count());
        grades.ShouldBe(new Dictionary<Grade, int> { [Grade.FullyAchieved] = 12, [Grade.OnTrack] = 2, [Grade.Slipped] = 1, [Grade.NotAchieved] = 1 }, ignoreOrder: true);
    }

    [Fact]
    public async Task Grade_1_is_signed_off_so_a_new_round_asks_only_about_the_other_four()
    {
        var client = await app.SignedInAsync(DemoUsers.ScrutinyOfficerEmail);
        var preview = await client.PreviewAsync("hate-crime.docx", HateCrime, "Crime and Disorder Select Committee");
        var response = await client.SubmitFormAsync(preview, [], "#confirm-import");
        var reviewId = int.Parse(response.Headers.Location!.OriginalString.Split('/')[2]);

        var needing = await app.WithDbAsync(db => db.PlanActions.Where(a => a.Recommendation!.ReviewId == reviewId).Where(Monitoring.NeedsUpdate).CountAsync());
        needing.ShouldBe(4);
        var report = await client.GetDocumentAsync(response.Headers.Location.OriginalString);
        report.TextOf("#consideration").ShouldContain("March 2020 update was considered by the Crime and Disorder Select Committee");
    }

    [Fact]
    public async Task Nothing_is_written_before_confirming_and_cancelling_deletes_the_upload()
    {
        var client = await app.SignedInAsync(DemoUsers.AdministratorEmail);
        var before = await CountsAsync();
        var preview = await client.PreviewAsync("cancelled.docx", HateCrime);
        preview.QuerySelector("article.app-report").ShouldNotBeNull("the preview shows the report's document");
        preview.TextOf("#import-outcome").ShouldContain("Nothing has been saved yet");
        preview.Warnings().ShouldContain(w => w.StartsWith("A review named Hate Crime is already here: confirming creates a second one.", StringComparison.Ordinal));
        (await CountsAsync()).ShouldBe(before);
        (await app.WithDbAsync(db => db.PendingImports.CountAsync(p => p.FileName == "cancelled.docx"))).ShouldBe(1);

        var cancelled = await client.SubmitFormAsync(preview, [], "#cancel-import");
        cancelled.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.PendingImports.CountAsync(p => p.FileName == "cancelled.docx"))).ShouldBe(0);
        (await CountsAsync()).ShouldBe(before);
        (await client.GetAsync(new Uri(preview.Url).PathAndQuery)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_import_is_audited_with_the_files_name_and_cannot_be_confirmed_twice()
    {
        var client = await app.SignedInAsync(DemoUsers.ScrutinyOfficerEmail);
        var preview = await client.PreviewAsync("Hate Crime March 2020.docx", HateCrime);
        var response = await client.SubmitFormAsync(preview, [], "#confirm-import");
        var reviewId = int.Parse(response.Headers.Location!.OriginalString.Split('/')[2]);

        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.ReviewId == reviewId).ToListAsync());
        audit.ShouldContain(e => e.EntityType == nameof(DocumentImport) && e.Field == nameof(DocumentImport.FileName) && e.NewValue == "Hate Crime March 2020.docx");
        audit.ShouldContain(e => e.EntityType == nameof(PlanAction) && e.Kind == AuditKind.Added);
        audit.ShouldAllBe(e => e.UserName == DemoUsers.ScrutinyOfficerEmail);

        var again = await client.SubmitFormAsync(preview, [], "#confirm-import");
        again.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.WithDbAsync(db => db.DocumentImports.CountAsync(i => i.FileName == "Hate Crime March 2020.docx"))).ShouldBe(1);
    }

    [Fact]
    public async Task Another_officer_cannot_see_or_confirm_someone_elses_upload()
    {
        var owner = await app.SignedInAsync(DemoUsers.ScrutinyOfficerEmail);
        var preview = await owner.PreviewAsync("hate-crime.docx", HateCrime);
        var other = await app.SignedInAsync(DemoUsers.AdministratorEmail);
        (await other.GetAsync(new Uri(preview.Url).PathAndQuery)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var before = await CountsAsync();
        var signedOut = await other.GetDocumentAsync("/imports/word");
        var token = signedOut.QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value;
        var confirm = await other.PostAsync(new Uri(preview.Url).PathAndQuery + "/confirm", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        confirm.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Link_officers_the_document_names_are_matched_and_others_are_for_the_officer_to_pick()
    {
        var client = await app.SignedInAsync(DemoUsers.ScrutinyOfficerEmail);
        var document = new TestDocument().HeaderLines(review: "Officers", linkOfficers: "Marc Stephenson, Nobody Known")
            .Paragraph("Recommendation 1: That something is done.").ActionTable("Someone", "May 2020", "Do it", "Done").ToBytes();
        var preview = await client.PreviewAsync("officers.docx", document);
        preview.Warnings().ShouldContain(w => w.Contains("“Nobody Known” is not a user with the Link officer role"));
        var marc = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == DemoUsers.LinkOfficerEmail));
        var boxes = preview.QuerySelectorAll<IHtmlInputElement>("input[name='LinkOfficerIds']").ToList();
        boxes.Single(b => b.Value == marc.Id).IsChecked.ShouldBeTrue();

        var other = await app.WithDbAsync(async db =>
        {
            var user = new ApplicationUser { UserName = "known@example.gov.uk", Email = "known@example.gov.uk", DisplayName = "Known Person" };
            db.Users.Add(user);
            var role = await db.Roles.SingleAsync(r => r.Name == Roles.LinkOfficer);
            db.UserRoles.Add(new() { UserId = user.Id, RoleId = role.Id });
            await db.SaveChangesAsync();
            return user.Id;
        });
        preview = await client.GetDocumentAsync(new Uri(preview.Url).PathAndQuery);
        var response = await client.SubmitFormAsync(preview, [new("LinkOfficerIds", marc.Id), new("LinkOfficerIds", other)], "#confirm-import");
        var reviewId = int.Parse(response.Headers.Location!.OriginalString.Split('/')[2]);
        var officers = await app.WithDbAsync(db => db.ReviewLinkOfficers.Where(l => l.ReviewId == reviewId).Select(l => l.UserId).ToListAsync());
        officers.ShouldBe([marc.Id, other], ignoreOrder: true);
    }

    [Fact]
    public async Task A_document_with_a_problem_shows_what_to_change_and_cannot_be_confirmed()
    {
        var client = await app.SignedInAsync(DemoUsers.ScrutinyOfficerEmail);
        var document = new TestDocument().HeaderLines(review: "Too Long")
            .Paragraph("Recommendation 1: That something is done.").ActionTable("Someone", "May 2020", "Do it", "Done")
            .Paragraph("Recommendation 1: That it is done again.").ActionTable("Someone", "May 2020", "Do it", "Done").ToBytes();
        var preview = await client.PreviewAsync("problem.docx", document);
        preview.TextOf("#import-problems").ShouldContain("There are two recommendations numbered 1");
        preview.QuerySelector("#confirm-import").ShouldBeNull();
        preview.QuerySelector("article.app-report").ShouldBeNull();
        preview.QuerySelector("#cancel-import").ShouldNotBeNull();
    }

    [Fact]
    public async Task A_pending_spreadsheet_plan_import_is_not_shown_as_a_Word_import()
    {
        var client = await app.SignedInAsync(DemoUsers.ScrutinyOfficerEmail);
        var id = await app.WithDbAsync(async db =>
        {
            var owner = await db.Users.SingleAsync(u => u.Email == DemoUsers.ScrutinyOfficerEmail);
            var pending = new PendingImport
            {
                Id = Guid.NewGuid(), OwnerId = owner.Id, FileName = "plan.xlsx", Content = new TestDocument().ToBytes(), ReviewId = await db.Reviews.MinAsync(r => r.Id),
                CreatedAtUtc = DateTime.UtcNow, ExpiresAtUtc = DateTime.UtcNow.AddHours(1),
            };
            db.PendingImports.Add(pending);
            await db.SaveChangesAsync();
            return pending.Id;
        });

        (await client.GetAsync($"/imports/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private Task<(int Reviews, int Rounds, int Updates, int Audit, int Imports)> CountsAsync() => app.WithDbAsync(async db =>
        (await db.Reviews.CountAsync(), await db.Rounds.CountAsync(), await db.ProgressUpdates.CountAsync(), await db.AuditEntries.CountAsync(), await db.DocumentImports.CountAsync()));

    private static Task<Review> LoadAsync(ScrutinyDbContext db, int id) => db.Reviews.AsNoTracking().AsSplitQuery()
        .Include(r => r.LinkOfficers)
        .Include(r => r.Rounds).ThenInclude(r => r.Consideration)
        .Include(r => r.Recommendations).ThenInclude(r => r.Parts)
        .Include(r => r.Recommendations).ThenInclude(r => r.Actions).ThenInclude(a => a.Updates).ThenInclude(u => u.CommitteeDecision)
        .Include(r => r.Recommendations).ThenInclude(r => r.Actions).ThenInclude(a => a.Updates).ThenInclude(u => u.Round)
        .SingleAsync(r => r.Id == id);

    private static void SamePlan(Review seeded, Review imported)
    {
        var expected = seeded.Recommendations.OrderBy(r => r.Position).ToList();
        var actual = imported.Recommendations.OrderBy(r => r.Position).ToList();
        actual.Count.ShouldBe(expected.Count);
        foreach (var (e, a) in expected.Zip(actual))
        {
            (a.Number, a.Text, a.Position).ShouldBe((e.Number, e.Text, e.Position));
            a.Parts.OrderBy(p => p.Position).Select(p => (p.Letter, p.Text, p.Position))
                .ShouldBe(e.Parts.OrderBy(p => p.Position).Select(p => (p.Letter, p.Text, p.Position)));
            var expectedActions = e.Actions.OrderBy(x => x.Part?.Position ?? -1).ThenBy(x => x.Position).ToList();
            var actualActions = a.Actions.OrderBy(x => x.Part?.Position ?? -1).ThenBy(x => x.Position).ToList();
            actualActions.Count.ShouldBe(expectedActions.Count);
            foreach (var (ea, aa) in expectedActions.Zip(actualActions))
            {
                var place = $"{e.Number}{ea.Part?.Letter} {ea.Heading}";
                (aa.Part?.Letter, aa.Heading, aa.Responsibility, aa.TargetDate, aa.DueMonth, aa.Position)
                    .ShouldBe((ea.Part?.Letter, ea.Heading, ea.Responsibility, ea.TargetDate, ea.DueMonth, ea.Position), place);
                (aa.AgreedAction, aa.SuccessMeasure).ShouldBe((ea.AgreedAction, ea.SuccessMeasure), place);
                var seededUpdate = ea.Updates.Single(u => u.Round!.Label == "March 2020");
                var update = aa.Updates.ShouldHaveSingleItem(place);
                (update.Evidence, update.Grade, update.Explanation, update.Status).ShouldBe((seededUpdate.Evidence, seededUpdate.Grade, seededUpdate.Explanation, seededUpdate.Status), place);
                update.CommitteeDecision!.Outcome.ShouldBe(seededUpdate.CommitteeDecision!.Outcome, place);
            }
        }
    }
}
