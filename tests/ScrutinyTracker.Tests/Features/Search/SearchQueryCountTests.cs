using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;
using Xunit.Abstractions;

namespace ScrutinyTracker.Tests.Features.Search;

/// <summary>A search sends as many SQL commands, returning as many rows, for 40 matching reviews as for 2.</summary>
public sealed class SearchQueryCountTests(QueryCountingAppFactory app, ITestOutputHelper output) : IClassFixture<QueryCountingAppFactory>
{
    private Task AddReviewsAsync(int count, int from) => app.WithDbAsync(async db =>
    {
        var linkOfficer = await db.Users.SingleAsync(u => u.Email == DemoUsers.LinkOfficerEmail);
        var committee = await db.SelectCommittees.FirstAsync();
        for (var i = from; i < from + count; i++)
        {
            var review = GeneratedReviews.Small($"Counted review {i}", committee, new YearMonth(2024, 1), linkOfficer.Id, Grade.OnTrack, Grade.Slipped);
            foreach (var update in review.Recommendations.SelectMany(r => r.Actions).SelectMany(a => a.Updates))
            {
                update.Evidence = $"Heron nesting survey {i}: {update.Evidence}";
            }

            review.PublishedAtUtc = DateTime.UtcNow;
            db.Reviews.Add(review);
        }

        await db.SaveChangesAsync();
    });

    [Theory]
    [InlineData(DemoUsers.ScrutinyOfficerEmail, "/search?q=heron+nesting")]
    [InlineData(DemoUsers.LinkOfficerEmail, "/search?q=heron+nesting&grade=3")]
    [InlineData(DemoUsers.CommitteeMemberEmail, "/search?q=%22nesting+survey%22")]
    [InlineData(DemoUsers.CommitteeMemberEmail, "/public/search?q=heron")]
    public async Task A_search_sends_the_same_commands_for_40_reviews_as_for_2(string email, string url)
    {
        if (!await app.WithDbAsync(db => db.Reviews.AnyAsync(r => r.Title == "Counted review 0")))
        {
            await AddReviewsAsync(2, 0);
        }

        var small = await app.CommandsForPageAsync(email, url);
        if (!await app.WithDbAsync(db => db.Reviews.AnyAsync(r => r.Title == "Counted review 39")))
        {
            await AddReviewsAsync(38, 2);
        }

        var large = await app.CommandsForPageAsync(email, url);

        output.WriteLine(string.Join("\n---\n", large));
        small.Count.ShouldBeGreaterThan(0);
        large.Count.ShouldBe(small.Count, string.Join("\n---\n", large));
    }
}
