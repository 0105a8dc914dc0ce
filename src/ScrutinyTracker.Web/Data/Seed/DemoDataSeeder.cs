using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Data.Seed;

/// <summary>
/// Development demo data, in every state of the monitoring cycle: the council's Hate Crime review
/// exactly as written (report to Cabinet February 2019, every recommendation accepted, the March 2020
/// round considered by the committee with its grade 1 actions signed off, and the September 2020
/// follow-up round open for the other four), a smaller review whose open round awaits evidence and
/// whose third recommendation's Executive response is overdue, and one account per role.
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
        var hateCrime = HateCrime(SeedDocument.LoadHateCrime(), committees[0], linkOfficer, scrutinyOfficer);
        AddFollowUpRound(hateCrime);
        db.Reviews.Add(hateCrime);
        db.Reviews.Add(FlyTipping(committees[1], linkOfficer, scrutinyOfficer));
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

    /// <summary>
    /// Builds a review from the council's document, with one round holding every graded update, accepted:
    /// the report went to Cabinet in February 2019, which accepted every recommendation a month later, and
    /// the Select Committee considered the round in April 2020, signing off the actions graded 1.
    /// </summary>
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

        round.Consideration = new CommitteeConsideration
        {
            MeetingDate = roundMonth.AddMonths(1).FirstDay.AddDays(14),
            SelectCommittee = committee,
            RecordedById = scrutinyOfficer.Id,
            RecordedAtUtc = roundMonth.AddMonths(1).FirstDay.AddDays(15).ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc),
        };
        var reportToExecutive = agreed.AddMonths(-1).FirstDay.AddDays(11);
        var review = new Review
        {
            Title = document.Review,
            SelectCommittee = committee,
            ReportToExecutive = reportToExecutive,
            ActionPlanAgreed = agreed,
            LinkOfficers = [new ReviewLinkOfficer { UserId = linkOfficer.Id }],
            Rounds = [round],
        };

        foreach (var (seedRecommendation, index) in document.Recommendations.Select((x, i) => (x, i)))
        {
            var recommendation = new Recommendation
            {
                Number = seedRecommendation.Number,
                Text = seedRecommendation.Text,
                Position = index,
                ExecutiveResponse = Accepted(reportToExecutive.AddDays(30), scrutinyOfficer.Id),
            };
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
                    var grade = seed.Grade is { } g ? (Grade)g : (Grade?)null;
                    action.Updates.Add(new ProgressUpdate
                    {
                        Round = round,
                        Evidence = seed.Evidence,
                        Grade = grade,
                        Status = UpdateStatus.Accepted,
                        UpdatedById = linkOfficer.Id,
                        UpdatedAtUtc = submitted,
                        SubmittedById = linkOfficer.Id,
                        SubmittedAtUtc = submitted,
                        ReviewedById = scrutinyOfficer.Id,
                        ReviewedAtUtc = submitted.AddDays(7),
                        CommitteeDecision = new CommitteeDecision
                        {
                            Outcome = grade == Grade.FullyAchieved ? CommitteeOutcome.SignedOff : CommitteeOutcome.ContinueMonitoring,
                        },
                    });
                }
            }
        }
    }

    /// <summary>
    /// The follow-up round six months after the first, open, with a draft for every action the committee
    /// did not sign off (the actions <see cref="Monitoring.NeedsUpdate"/> names).
    /// </summary>
    public static void AddFollowUpRound(Review review)
    {
        var last = review.Rounds.MaxBy(r => r.DueDate)!;
        var month = YearMonth.From(last.DueDate).AddMonths(MonitoringIntervals.DefaultFollowUpMonths);
        var round = new Round
        {
            Label = month.ToString(),
            DueDate = month.LastDay,
            Status = RoundStatus.Open,
            OpenedAtUtc = month.FirstDay.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc),
        };
        review.Rounds.Add(round);
        foreach (var action in review.Recommendations.SelectMany(r => r.Actions)
            .Where(a => !a.Updates.Any(u => u.CommitteeDecision?.Outcome == CommitteeOutcome.SignedOff)))
        {
            action.Updates.Add(new ProgressUpdate { Round = round, Status = UpdateStatus.Draft });
        }
    }

    private static ExecutiveResponse Accepted(DateOnly decidedOn, string recordedById) => new()
    {
        Decision = ExecutiveDecision.Accepted,
        DecidedOn = decidedOn,
        RecordedById = recordedById,
        RecordedAtUtc = decidedOn.AddDays(1).ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc),
    };

    /// <summary>
    /// A smaller review whose first round is open and waiting for the link officer's evidence. Its third
    /// recommendation, added to the plan since, still awaits the Executive's response, long overdue.
    /// </summary>
    private Review FlyTipping(SelectCommittee committee, ApplicationUser linkOfficer, ApplicationUser scrutinyOfficer)
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

        var reportToExecutive = agreed.AddMonths(-3).FirstDay.AddDays(9);
        var cctv = new Recommendation
        {
            Number = 1,
            Position = 0,
            Text = "That the Council extend the use of deployable CCTV cameras at fly-tipping hotspots.",
            ExecutiveResponse = Accepted(reportToExecutive.AddDays(28), scrutinyOfficer.Id),
        };
        cctv.Actions.Add(NewAction(null, "Environmental Enforcement Manager", agreed.AddMonths(6).ToString(),
            "Buy and deploy four additional cameras at the hotspots identified by the enforcement team.",
            "Cameras deployed and a rise in the number of fixed penalty notices issued.", 0));

        var awareness = new Recommendation
        {
            Number = 2,
            Position = 1,
            Text = "That the Council raise awareness of:",
            ExecutiveResponse = new ExecutiveResponse
            {
                Decision = ExecutiveDecision.PartiallyAccepted,
                Text = "The Executive accepts the campaign for householders and the promotion of online reporting. Letters to landlords will be sent once, not every year as the committee proposed.",
                DecidedOn = reportToExecutive.AddDays(28),
                RecordedById = scrutinyOfficer.Id,
                RecordedAtUtc = reportToExecutive.AddDays(29).ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc),
            },
        };
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

        var charges = new Recommendation { Number = 3, Position = 2, Text = "That the Council review the charge for collecting bulky household waste." };
        charges.Actions.Add(NewAction(null, "Waste Services Manager", agreed.AddMonths(9).ToString(),
            "Compare the charge with neighbouring councils and report the options to the Executive.",
            "Options report considered by the Executive.", 0));

        var review = new Review
        {
            Title = "Tackling Fly-tipping",
            SelectCommittee = committee,
            ReportToExecutive = reportToExecutive,
            ActionPlanAgreed = agreed,
            LinkOfficers = [new ReviewLinkOfficer { UserId = linkOfficer.Id }],
            Recommendations = [cctv, awareness, charges],
            Rounds = [round],
        };
        foreach (var action in new[] { cctv, awareness }.SelectMany(x => x.Actions))
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
