using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;
using Shouldly;

namespace ScrutinyTracker.Tests.Infrastructure;

/// <summary>Arranges reviews of a test's own, so tests that change data leave the demo reviews alone.</summary>
public static partial class TestReviews
{
    /// <summary>
    /// Adds a review of the first Select Committee, with the demo link officer, shaped by <paramref name="configure"/>.
    /// Unless <paramref name="considerClosedRounds"/> is false, every closed round the test made without a
    /// committee consideration gets one, as the migration treats rounds closed before considerations were
    /// recorded: accepted grade 1 updates signed off, the others continuing (docs/decisions/0010).
    /// </summary>
    public static Task<int> AddReviewAsync(this ScrutinyAppFactory app, string title, YearMonth? agreed, Action<Review>? configure = null, bool considerClosedRounds = true) =>
        app.WithDbAsync(async db =>
        {
            var committee = await db.SelectCommittees.OrderBy(c => c.Id).FirstAsync();
            var linkOfficer = await db.Users.SingleAsync(u => u.Email == DemoUsers.LinkOfficerEmail);
            var review = new Review
            {
                Title = title,
                SelectCommitteeId = committee.Id,
                ActionPlanAgreed = agreed,
                LinkOfficers = [new ReviewLinkOfficer { UserId = linkOfficer.Id }],
            };
            configure?.Invoke(review);
            if (considerClosedRounds)
            {
                ConsiderClosedRounds(review, committee);
            }

            db.Reviews.Add(review);
            await db.SaveChangesAsync();
            return review.Id;
        });

    /// <summary>Adds a link officer assigned to no review; returns their user id.</summary>
    public static async Task<string> AddLinkOfficerAsync(this ScrutinyAppFactory app, string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var email = $"{name.Replace(' ', '.').ToLowerInvariant()}@example.gov.uk";
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
        (await users.CreateAsync(user, DemoUsers.Password)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, Roles.LinkOfficer)).Succeeded.ShouldBeTrue();
        return user.Id;
    }

    /// <summary>Gives the review's closed rounds without a consideration one, signing off their accepted grade 1 updates.</summary>
    public static void ConsiderClosedRounds(Review review, SelectCommittee committee)
    {
        foreach (var round in review.Rounds.Where(r => r.Status == RoundStatus.Closed && r.Consideration is null))
        {
            round.Consideration = new CommitteeConsideration { MeetingDate = round.DueDate.AddDays(14), SelectCommitteeId = committee.Id };
            var updates = review.Recommendations.SelectMany(r => r.Actions).SelectMany(a => a.Updates).Where(u => u.Round == round);
            foreach (var update in updates.Where(u => u.CommitteeDecision is null))
            {
                update.CommitteeDecision = new CommitteeDecision
                {
                    Outcome = update.Status == UpdateStatus.Accepted && update.Grade == Grade.FullyAchieved ? CommitteeOutcome.SignedOff : CommitteeOutcome.ContinueMonitoring,
                };
            }
        }
    }

    /// <summary>A recommendation the Executive accepted (<paramref name="decision"/> to say otherwise, null for none yet).</summary>
    public static Recommendation Recommendation(int number, string text, params PlanAction[] actions) =>
        Recommendation(number, text, ExecutiveDecision.Accepted, actions);

    public static Recommendation Recommendation(int number, string text, ExecutiveDecision? decision, params PlanAction[] actions) => new()
    {
        Number = number,
        Position = number - 1,
        Text = text,
        Actions = [.. actions],
        ExecutiveResponse = decision is { } d ? new ExecutiveResponse { Decision = d, DecidedOn = new DateOnly(2019, 4, 10), Text = d == ExecutiveDecision.Accepted ? null : "What the Executive said." } : null,
    };

    public static PlanAction Action(string agreedAction, int position = 0, string? heading = null) => new()
    {
        Heading = heading,
        Responsibility = "Someone responsible",
        TargetDate = "October 2019",
        AgreedAction = agreedAction,
        SuccessMeasure = $"Success for {agreedAction}",
        Position = position,
    };

    /// <summary>The id at the end of a redirect to the plan ("/reviews/5/plan#part-12" gives 12).</summary>
    public static int RedirectedAnchorId(this HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var match = AnchorId().Match(response.Headers.Location!.OriginalString);
        match.Success.ShouldBeTrue($"redirected to {response.Headers.Location}");
        return int.Parse(match.Groups[1].Value);
    }

    [GeneratedRegex(@"#[a-z]+-(\d+)$")]
    private static partial Regex AnchorId();
}
