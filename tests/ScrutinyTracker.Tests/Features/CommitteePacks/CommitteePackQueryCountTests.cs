using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Tests.Features.CommitteePacks;

/// <summary>A committee pack of three reviews sends as many SQL commands as a pack of one.</summary>
public sealed class CommitteePackQueryCountTests(QueryCountingAppFactory app) : IClassFixture<QueryCountingAppFactory>
{
    private async Task<IReadOnlyList<int>> MarchReviewIdsAsync() => await app.WithDbAsync(async db =>
    {
        if (!await db.Reviews.AnyAsync(r => r.Title == "Parks Maintenance"))
        {
            var committee = await db.Reviews.Where(r => r.Title == "Hate Crime").Select(r => r.SelectCommittee!).SingleAsync();
            var linkOfficer = await db.Users.SingleAsync(u => u.Email == DemoUsers.LinkOfficerEmail);
            db.Reviews.Add(GeneratedReviews.Small("Parks Maintenance", committee, new YearMonth(2019, 3), linkOfficer.Id, Grade.OnTrack, Grade.FullyAchieved));
            db.Reviews.Add(GeneratedReviews.Small("Street Lighting", committee, new YearMonth(2019, 3), linkOfficer.Id, Grade.NotAchieved));
            await db.SaveChangesAsync();
        }

        return (IReadOnlyList<int>)await db.Reviews.Where(r => r.Rounds.Any(x => x.Label == "March 2020")).OrderBy(r => r.Title).Select(r => r.Id).ToListAsync();
    });

    private async Task<IReadOnlyList<string>> CommandsForPackAsync(IEnumerable<int> reviewIds)
    {
        var client = app.CreateBrowser();
        await client.SignInAsync(DemoUsers.ScrutinyOfficerEmail);
        var committee = await app.WithDbAsync(db => db.Reviews.Where(r => r.Title == "Hate Crime").Select(r => r.SelectCommitteeId).SingleAsync());
        var page = await client.GetDocumentAsync($"/committee-packs?committee={committee}&round=March+2020");
        var fields = reviewIds.Select(id => new KeyValuePair<string, string>("Form.ReviewIds", id.ToString()))
            .Concat([new("Form.MeetingDay", "12"), new("Form.MeetingMonth", "3"), new("Form.MeetingYear", "2020")]);
        return await app.Commands.DuringAsync(async () =>
            await (await client.SubmitFormAsync(page, fields, "main form[method=post]")).ShouldBePdfAttachmentAsync(
                "Crime and Disorder Select Committee - Progress Updates - March 2020.pdf"));
    }

    [Fact]
    public async Task A_pack_of_three_reviews_runs_the_same_number_of_queries_as_a_pack_of_one()
    {
        var reviewIds = await MarchReviewIdsAsync();
        reviewIds.Count.ShouldBe(3);

        var one = await CommandsForPackAsync(reviewIds.Take(1));
        var three = await CommandsForPackAsync(reviewIds);

        one.Count.ShouldBeGreaterThan(0, "the counter must see the pack's queries");
        three.Count.ShouldBe(one.Count, string.Join("\n---\n", three));
    }
}
