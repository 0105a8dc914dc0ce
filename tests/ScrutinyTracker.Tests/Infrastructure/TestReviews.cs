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
    /// <summary>Adds a review of the first Select Committee, with the demo link officer, shaped by <paramref name="configure"/>.</summary>
    public static Task<int> AddReviewAsync(this ScrutinyAppFactory app, string title, YearMonth agreed, Action<Review>? configure = null) =>
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

    public static Recommendation Recommendation(int number, string text, params PlanAction[] actions) =>
        new() { Number = number, Position = number - 1, Text = text, Actions = [.. actions] };

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
