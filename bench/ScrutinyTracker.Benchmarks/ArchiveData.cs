using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Infrastructure.Summaries;

namespace ScrutinyTracker.Benchmarks;

/// <summary>
/// A council's whole archive for the page benchmark (issue 17): <c>reviews</c> copies of the Hate Crime
/// review (16 actions), each with 10 closed, considered rounds six months apart (160 updates a review),
/// spread over the Select Committees and 25 link officers, written through the app's own model and
/// DbContext in batches. The audit trail is left out (as for data brought in from elsewhere); the
/// reviews' summaries are then made by the app's own code, as at start-up.
/// </summary>
public static class ArchiveData
{
    public const int Rounds = 10;

    public static async Task<TimeSpan> AddAsync(string connectionString, int reviews)
    {
        var watch = Stopwatch.StartNew();
        var options = new DbContextOptionsBuilder<SqliteScrutinyDbContext>().UseSqlite(connectionString).Options;
        var document = SeedDocument.LoadHateCrime();
        List<SelectCommittee> committees;
        List<string> officers;
        string scrutinyOfficerId;
        await using (var db = new SqliteScrutinyDbContext(options))
        {
            committees = await db.SelectCommittees.OrderBy(c => c.Id).ToListAsync();
            scrutinyOfficerId = await db.Users.Where(u => u.Email == DemoUsers.ScrutinyOfficerEmail).Select(u => u.Id).SingleAsync();
            officers = [.. Enumerable.Range(1, 25).Select(n => $"archive-officer-{n:00}")];
            db.Users.AddRange(officers.Select(id => new ApplicationUser
            {
                Id = id, UserName = $"{id}@example.gov.uk", Email = $"{id}@example.gov.uk", DisplayName = $"Archive Officer {id[^2..]}",
                NormalizedEmail = $"{id}@EXAMPLE.GOV.UK".ToUpperInvariant(), NormalizedUserName = $"{id}@EXAMPLE.GOV.UK".ToUpperInvariant(),
            }));
            await db.SaveChangesAsync();
        }

        for (var first = 0; first < reviews; first += 50)
        {
            await using var db = new SqliteScrutinyDbContext(options);
            var scrutinyOfficer = await db.Users.SingleAsync(u => u.Id == scrutinyOfficerId);
            var batchCommittees = await db.SelectCommittees.OrderBy(c => c.Id).ToListAsync();
            for (var n = first; n < Math.Min(reviews, first + 50); n++)
            {
                var officer = await db.Users.FindAsync(officers[n % officers.Count]);
                var review = DemoDataSeeder.HateCrime(document, batchCommittees[n % batchCommittees.Count], officer!, scrutinyOfficer);
                review.Title = $"Archive review {n + 1:0000}";
                AddLaterRounds(review, n);
                db.Reviews.Add(review);
            }

            await db.SaveChangesAsync();
        }

        await using (var db = new SqliteScrutinyDbContext(options))
        {
            await ReviewSummaries.FillMissingAsync(db, CancellationToken.None);
        }

        return watch.Elapsed;
    }

    /// <summary>Rounds 2 to 10, each six months after the last, every action graded; every round considered, nothing signed off.</summary>
    private static void AddLaterRounds(Review review, int seed)
    {
        var actions = review.Recommendations.SelectMany(r => r.Actions).ToList();
        var first = review.Rounds.Single();
        first.Status = RoundStatus.Closed;
        for (var number = 2; number <= Rounds; number++)
        {
            var due = first.DueDate.AddMonths(6 * (number - 1));
            var round = new Round { Label = YearMonth.From(due).ToString(), DueDate = due, Status = RoundStatus.Closed };
            review.Rounds.Add(round);
            foreach (var (action, index) in actions.Select((a, i) => (a, i)))
            {
                action.Updates.Add(new ProgressUpdate
                {
                    Round = round,
                    Evidence = $"Progress in {round.Label}: the service continued the work agreed, as reported to the committee.",
                    Grade = (Grade)(1 + (seed + index + number) % 4),
                    Status = UpdateStatus.Accepted,
                });
            }
        }

        foreach (var round in review.Rounds)
        {
            round.Consideration ??= new CommitteeConsideration { MeetingDate = round.DueDate.AddDays(14), SelectCommitteeId = review.SelectCommittee!.Id };
        }

        foreach (var update in actions.SelectMany(a => a.Updates))
        {
            update.Status = UpdateStatus.Accepted;
            update.Grade ??= Grade.OnTrack;
            update.CommitteeDecision ??= new CommitteeDecision { Outcome = CommitteeOutcome.ContinueMonitoring };
            if (update.CommitteeDecision.Outcome == CommitteeOutcome.SignedOff)
            {
                update.CommitteeDecision.Outcome = CommitteeOutcome.ContinueMonitoring;
            }
        }
    }
}
