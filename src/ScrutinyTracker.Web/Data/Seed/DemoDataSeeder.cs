using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Data.Seed;

/// <summary>
/// Development demo data: the council's Hate Crime review exactly as written (March 2020 round, all
/// accepted), a smaller review whose open round awaits evidence, and one account per role.
/// </summary>
public sealed class DemoDataSeeder(ScrutinyDbContext db, UserManager<ApplicationUser> users, TimeProvider clock, ILogger<DemoDataSeeder> logger)
{
    public static IReadOnlyList<string> SelectCommittees { get; } =
    [
        "Crime and Disorder Select Committee",
        "Place Select Committee",
        "People Select Committee",
        "Adult Social Care and Health Select Committee",
        "Children and Young People Select Committee",
    ];

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        var accounts = await EnsureDemoUsersAsync();
        if (await db.Reviews.AnyAsync(cancellationToken))
        {
            return;
        }

        var committees = SelectCommittees
            .Select(name => new SelectCommittee { Name = name, NormalizedName = SelectCommittee.Normalize(name) })
            .ToList();
        db.SelectCommittees.AddRange(committees);

        var linkOfficer = accounts[DemoUsers.LinkOfficerEmail];
        var scrutinyOfficer = accounts[DemoUsers.ScrutinyOfficerEmail];
        db.Reviews.Add(HateCrime(SeedDocument.LoadHateCrime(), committees[0], linkOfficer, scrutinyOfficer));
        db.Reviews.Add(FlyTipping(committees[1], linkOfficer));
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Seeded the demo reviews and accounts");
    }

    private async Task<Dictionary<string, ApplicationUser>> EnsureDemoUsersAsync()
    {
        var accounts = new Dictionary<string, ApplicationUser>();
        foreach (var (email, name, role) in DemoUsers.All)
        {
            var user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAtUtc = clock.GetUtcNow().UtcDateTime };
                Check(await users.CreateAsync(user, DemoUsers.Password), email);
                Check(await users.AddToRoleAsync(user, role), email);
            }

            accounts[email] = user;
        }

        return accounts;
    }

    private static void Check(IdentityResult result, string email)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not seed the demo account {email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }

    /// <summary>Builds a review from the council's document, with one round holding every graded update, accepted.</summary>
    public static Review HateCrime(SeedDocument document, SelectCommittee committee, ApplicationUser linkOfficer, ApplicationUser scrutinyOfficer)
    {
        var agreed = YearMonth.TryParse(document.ActionPlanAgreed, out var month)
            ? month
            : throw new InvalidOperationException($"'{document.ActionPlanAgreed}' is not a month and year.");
        var roundMonth = YearMonth.TryParse(document.Round, out var r) ? r : agreed.AddMonths(12);
        var submitted = roundMonth.FirstDay.AddDays(14).ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);
        var round = new Round
        {
            Label = document.Round,
            DueDate = roundMonth.LastDay,
            Status = RoundStatus.Closed,
            OpenedAtUtc = roundMonth.AddMonths(-1).FirstDay.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            ClosedAtUtc = roundMonth.LastDay.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
        };

        var review = new Review
        {
            Title = document.Review,
            SelectCommittee = committee,
            ActionPlanAgreed = agreed,
            LinkOfficers = [new ReviewLinkOfficer { UserId = linkOfficer.Id }],
            Rounds = [round],
        };

        foreach (var (seedRecommendation, index) in document.Recommendations.Select((x, i) => (x, i)))
        {
            var recommendation = new Recommendation { Number = seedRecommendation.Number, Text = seedRecommendation.Text, Position = index };
            review.Recommendations.Add(recommendation);
            AddActions(recommendation, null, seedRecommendation.Actions ?? []);
            foreach (var (seedPart, partIndex) in (seedRecommendation.Parts ?? []).Select((x, i) => (x, i)))
            {
                var part = new RecommendationPart { Letter = seedPart.Letter, Text = seedPart.Text, Position = partIndex };
                recommendation.Parts.Add(part);
                AddActions(recommendation, part, seedPart.Actions);
            }
        }

        return review;

        void AddActions(Recommendation recommendation, RecommendationPart? part, IReadOnlyList<SeedAction> actions)
        {
            foreach (var (seed, position) in actions.Select((x, i) => (x, i)))
            {
                var action = NewAction(seed.Heading, seed.Responsibility, seed.Date, seed.AgreedAction, seed.SuccessMeasure, position);
                action.Part = part;
                recommendation.Actions.Add(action);
                if (seed.Evidence is not null)
                {
                    action.Updates.Add(new ProgressUpdate
                    {
                        Round = round,
                        Evidence = seed.Evidence,
                        Grade = seed.Grade is { } g ? (Grade)g : null,
                        Status = UpdateStatus.Accepted,
                        UpdatedById = linkOfficer.Id,
                        UpdatedAtUtc = submitted,
                        SubmittedById = linkOfficer.Id,
                        SubmittedAtUtc = submitted,
                        ReviewedById = scrutinyOfficer.Id,
                        ReviewedAtUtc = submitted.AddDays(7),
                    });
                }
            }
        }
    }

    /// <summary>A smaller review whose first round is open and waiting for the link officer's evidence.</summary>
    private Review FlyTipping(SelectCommittee committee, ApplicationUser linkOfficer)
    {
        var today = Infrastructure.UkTime.Today(clock);
        var agreed = YearMonth.From(today).AddMonths(-12);
        var roundMonth = agreed.AddMonths(12);
        var round = new Round
        {
            Label = roundMonth.ToString(),
            DueDate = roundMonth.LastDay,
            Status = RoundStatus.Open,
            OpenedAtUtc = clock.GetUtcNow().UtcDateTime,
        };

        var cctv = new Recommendation { Number = 1, Position = 0, Text = "That the Council extend the use of deployable CCTV cameras at fly-tipping hotspots." };
        cctv.Actions.Add(NewAction(null, "Environmental Enforcement Manager", agreed.AddMonths(6).ToString(),
            "Buy and deploy four additional cameras at the hotspots identified by the enforcement team.",
            "Cameras deployed and a rise in the number of fixed penalty notices issued.", 0));

        var awareness = new Recommendation { Number = 2, Position = 1, Text = "That the Council raise awareness of:" };
        var dutyOfCare = new RecommendationPart { Letter = "a", Position = 0, Text = "householders' duty of care when disposing of waste" };
        var reporting = new RecommendationPart { Letter = "b", Position = 1, Text = "how to report fly-tipping" };
        awareness.Parts.AddRange([dutyOfCare, reporting]);
        awareness.Actions.Add(WithPart(NewAction("Households", "Communications Team", agreed.AddMonths(3).ToString(),
            "Run a 'Scrap the fly-tipper' social media campaign on the householder's duty of care.",
            "Campaign delivered and reach reported to the Select Committee.", 0), dutyOfCare));
        awareness.Actions.Add(WithPart(NewAction("Landlords", "Private Sector Housing Manager", agreed.AddMonths(4).ToString(),
            "Write to all registered landlords about their responsibilities for tenants' waste.",
            "Letters sent to every registered landlord.", 1), dutyOfCare));
        awareness.Actions.Add(WithPart(NewAction(null, "Customer Services Manager", "Throughout the year",
            "Promote the online fly-tipping report form on the Council's website and in libraries.",
            "More reports made online than by telephone.", 0), reporting));

        var review = new Review
        {
            Title = "Tackling Fly-tipping",
            SelectCommittee = committee,
            ActionPlanAgreed = agreed,
            LinkOfficers = [new ReviewLinkOfficer { UserId = linkOfficer.Id }],
            Recommendations = [cctv, awareness],
            Rounds = [round],
        };
        foreach (var action in review.Recommendations.SelectMany(x => x.Actions))
        {
            action.Updates.Add(new ProgressUpdate { Round = round, Status = UpdateStatus.Draft });
        }

        return review;

        static PlanAction WithPart(PlanAction action, RecommendationPart part)
        {
            action.Part = part;
            return action;
        }
    }

    private static PlanAction NewAction(string? heading, string responsibility, string date, string agreedAction, string successMeasure, int position)
    {
        var action = new PlanAction
        {
            Heading = heading,
            Responsibility = responsibility,
            TargetDate = date,
            AgreedAction = agreedAction,
            SuccessMeasure = successMeasure,
            Position = position,
        };
        action.SetTargetDate(date);
        return action;
    }
}
