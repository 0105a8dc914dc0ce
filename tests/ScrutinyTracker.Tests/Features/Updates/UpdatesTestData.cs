using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;
using Shouldly;

namespace ScrutinyTracker.Tests.Features.Updates;

/// <summary>A review of the test's own with an open round, so tests that change updates never meet each other.</summary>
/// <param name="UpdateIds">The open round's updates, in document order.</param>
/// <param name="ActionIds">The actions, in the same order.</param>
public sealed record TestRound(int ReviewId, int RoundId, IReadOnlyList<int> UpdateIds, IReadOnlyList<int> ActionIds)
{
    public string FormUrl => $"/rounds/{RoundId}/updates";
}

public static class UpdatesTestData
{
    /// <summary>
    /// A review like the council's: Recommendation 1 with one action, Recommendation 2 whose part a) has
    /// actions headed "Households" and "Landlords". With <paramref name="previousRound"/>, a closed
    /// "March 2020" round whose accepted updates were graded 2 – On-Track comes before the open one.
    /// </summary>
    public static async Task<TestRound> CreateRoundAsync(
        this ScrutinyAppFactory app,
        string title,
        string linkOfficerEmail = DemoUsers.LinkOfficerEmail,
        bool previousRound = false,
        DateOnly? dueDate = null)
    {
        var linkOfficerId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == linkOfficerEmail).Select(u => u.Id).SingleAsync());
        return await app.WithDbAsync(async db =>
        {
            var first = new Recommendation { Number = 1, Position = 0, Text = $"That {title} be tackled.", ExecutiveResponse = Accepted() };
            first.Actions.Add(Action(null, 0, "Write the strategy."));
            var second = new Recommendation { Number = 2, Position = 1, Text = "That awareness be raised among:", ExecutiveResponse = Accepted() };
            var part = new RecommendationPart { Letter = "a", Position = 0, Text = "residents" };
            second.Parts.Add(part);
            second.Actions.Add(WithPart(Action("Households", 0, "Run a campaign for households."), part));
            second.Actions.Add(WithPart(Action("Landlords", 1, "Write to every landlord."), part));

            var open = new Round { Label = "March 2021", DueDate = dueDate ?? new DateOnly(2099, 3, 31), OpenedAtUtc = DateTime.UtcNow };
            var review = new Review
            {
                Title = title,
                SelectCommitteeId = await db.SelectCommittees.Select(c => c.Id).FirstAsync(),
                ActionPlanAgreed = new YearMonth(2019, 3),
                LinkOfficers = [new ReviewLinkOfficer { UserId = linkOfficerId }],
                Recommendations = [first, second],
                Rounds = [open],
            };
            var actions = review.Recommendations.SelectMany(r => r.Actions).ToList();
            var updates = actions.Select(a => new ProgressUpdate { PlanAction = a, Round = open }).ToList();
            db.ProgressUpdates.AddRange(updates);

            if (previousRound)
            {
                var closed = new Round { Label = "March 2020", DueDate = new DateOnly(2020, 3, 31), Status = RoundStatus.Closed, OpenedAtUtc = new DateTime(2020, 2, 1, 0, 0, 0, DateTimeKind.Utc) };
                review.Rounds.Add(closed);
                db.ProgressUpdates.AddRange(actions.Select(a => new ProgressUpdate
                {
                    PlanAction = a,
                    Round = closed,
                    Evidence = $"Last year: {a.AgreedAction}",
                    Grade = Grade.OnTrack,
                    Status = UpdateStatus.Accepted,
                }));
            }

            TestReviews.ConsiderClosedRounds(review, await db.SelectCommittees.OrderBy(c => c.Id).FirstAsync());
            db.Reviews.Add(review);
            await db.SaveChangesAsync();
            return new TestRound(review.Id, open.Id, updates.Select(u => u.Id).ToList(), actions.Select(a => a.Id).ToList());
        });

        static PlanAction Action(string? heading, int position, string agreedAction) => new()
        {
            Heading = heading,
            Position = position,
            Responsibility = "Community Safety Manager",
            TargetDate = "October 2020",
            DueMonth = new YearMonth(2020, 10),
            AgreedAction = agreedAction,
            SuccessMeasure = "Reported to the Select Committee.",
        };

        static ExecutiveResponse Accepted() => new() { Decision = ExecutiveDecision.Accepted, DecidedOn = new DateOnly(2019, 2, 20) };

        static PlanAction WithPart(PlanAction action, RecommendationPart part)
        {
            action.Part = part;
            return action;
        }
    }

    /// <summary>A user who can sign in with <see cref="DemoUsers.Password"/>.</summary>
    public static async Task CreateUserAsync(this ScrutinyAppFactory app, string email, string displayName, string role)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName };
        (await users.CreateAsync(user, DemoUsers.Password)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, role)).Succeeded.ShouldBeTrue();
    }

    public static Task<ProgressUpdate> UpdateAsync(this ScrutinyAppFactory app, int updateId) =>
        app.WithDbAsync(db => db.ProgressUpdates.AsNoTracking().SingleAsync(u => u.Id == updateId));

    /// <summary>Gives updates answers directly, as if the link officer had saved them.</summary>
    public static Task SetAnswersAsync(this ScrutinyAppFactory app, IEnumerable<int> updateIds, Grade grade = Grade.OnTrack, UpdateStatus status = UpdateStatus.Draft) =>
        app.WithDbAsync(async db =>
        {
            var ids = updateIds.ToList();
            foreach (var update in await db.ProgressUpdates.Where(u => ids.Contains(u.Id)).ToListAsync())
            {
                update.Evidence = $"Evidence for update {update.Id}.";
                update.Grade = grade;
                update.Explanation = grade.InvitesExplanation() ? "Because." : null;
                update.Status = status;
            }

            await db.SaveChangesAsync();
        });

    public static string Field(int updateId, string field) => $"Updates[{updateId}].{field}";
}
