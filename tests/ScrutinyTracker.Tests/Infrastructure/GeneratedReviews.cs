using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Tests.Infrastructure;

/// <summary>Reviews made up for tests that need more data than the demo seed, all with the demo link officer.</summary>
public static class GeneratedReviews
{
    /// <summary>The title of the review <see cref="HateCrimeAndTenTimesAsync"/> makes.</summary>
    public const string TenTimesHateCrime = "Hate Crime ten times over";

    /// <summary>
    /// The ids of Hate Crime and of Hate Crime ten times over (<see cref="AddHateCrimeTimesAsync"/>), made
    /// the first time a test of this database asks: for tests that a page sends as many queries for both.
    /// </summary>
    public static async Task<(int HateCrime, int Larger)> HateCrimeAndTenTimesAsync(ScrutinyDbContext db)
    {
        var ids = await db.Reviews.AsNoTracking().Where(r => r.Title == "Hate Crime" || r.Title == TenTimesHateCrime)
            .ToDictionaryAsync(r => r.Title, r => r.Id);
        if (!ids.ContainsKey(TenTimesHateCrime))
        {
            ids[TenTimesHateCrime] = (await AddHateCrimeTimesAsync(db, 10, TenTimesHateCrime)).Id;
        }

        return (ids["Hate Crime"], ids[TenTimesHateCrime]);
    }

    /// <summary>
    /// The Hate Crime review with its recommendations repeated <paramref name="times"/> times (renumbered),
    /// so with <paramref name="times"/> times the parts, actions and updates, and a second closed round,
    /// six months later, in which every action not signed off in the first is graded again; both considered.
    /// </summary>
    public static async Task<Review> AddHateCrimeTimesAsync(ScrutinyDbContext db, int times, string title)
    {
        var document = SeedDocument.LoadHateCrime();
        var count = document.Recommendations.Count;
        var larger = document with
        {
            Review = title,
            Recommendations = [.. Enumerable.Range(0, times).SelectMany(copy =>
                document.Recommendations.Select(r => r with { Number = copy * count + r.Number }))],
        };
        var linkOfficer = await db.Users.SingleAsync(u => u.Email == DemoUsers.LinkOfficerEmail);
        var scrutinyOfficer = await db.Users.SingleAsync(u => u.Email == DemoUsers.ScrutinyOfficerEmail);
        var review = DemoDataSeeder.HateCrime(larger, await db.SelectCommittees.FirstAsync(), linkOfficer, scrutinyOfficer);

        var first = review.Rounds.Single();
        var second = new Round { Label = "September 2020", DueDate = first.DueDate.AddMonths(6), Status = RoundStatus.Closed };
        review.Rounds.Add(second);
        foreach (var action in review.Recommendations.SelectMany(r => r.Actions).Where(a => a.Updates.Single().Grade != Grade.FullyAchieved))
        {
            action.Updates.Add(new ProgressUpdate { Round = second, Evidence = "Progress continued.", Grade = Grade.FullyAchieved, Status = UpdateStatus.Accepted });
        }

        TestReviews.ConsiderClosedRounds(review, review.SelectCommittee!);

        db.Reviews.Add(review);
        await db.SaveChangesAsync();
        return review;
    }

    /// <summary>
    /// A small review: one accepted recommendation with an action per grade given (null: an action with no
    /// update), and one closed round due 12 months after the plan was agreed, every update accepted, the
    /// committee's decisions on it recorded (grade 1 signed off).
    /// </summary>
    public static Review Small(string title, SelectCommittee committee, YearMonth agreed, string linkOfficerId, params Grade?[] grades)
    {
        var round = new Round { Label = agreed.AddMonths(12).ToString(), DueDate = agreed.AddMonths(12).LastDay, Status = RoundStatus.Closed };
        var recommendation = TestReviews.Recommendation(1, $"That {title} be done.");
        foreach (var (grade, position) in grades.Select((g, i) => (g, i)))
        {
            var action = new PlanAction
            {
                Responsibility = "Service Manager",
                TargetDate = agreed.AddMonths(6).ToString(),
                AgreedAction = $"Action {position + 1}",
                SuccessMeasure = "Done",
                Position = position,
            };
            if (grade is not null)
            {
                action.Updates.Add(new ProgressUpdate { Round = round, Evidence = $"Evidence {position + 1}", Grade = grade, Status = UpdateStatus.Accepted });
            }

            recommendation.Actions.Add(action);
        }

        var review = new Review
        {
            Title = title,
            SelectCommittee = committee,
            ActionPlanAgreed = agreed,
            LinkOfficers = [new ReviewLinkOfficer { UserId = linkOfficerId }],
            Recommendations = [recommendation],
            Rounds = [round],
        };
        TestReviews.ConsiderClosedRounds(review, committee);
        return review;
    }
}
