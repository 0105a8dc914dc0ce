using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Tests.Security;

/// <summary>
/// The demo data plus a review the demo link officer is NOT assigned to, and sample ids for every
/// route parameter: "own" ids belong to a review of the link officer, "other" ids to the other review.
/// </summary>
public sealed class MatrixFactory : ScrutinyAppFactory
{
    public const string OtherReviewTitle = "Other Review Not Assigned";

    public IReadOnlyDictionary<string, string> Own { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> Other { get; private set; } = new Dictionary<string, string>();

    private readonly string _mailFolder = Directory.CreateTempSubdirectory("scrutinytracker-mail-").FullName;

    /// <summary>E-mails go to a folder of the test's own, which holds one message, so the folder's pages have something to show.</summary>
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Email:Provider", "Folder");
        builder.UseSetting("Email:Folder", _mailFolder);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        // WebApplicationFactory.Dispose() runs this override twice (once through its DisposeAsync).
        if (Directory.Exists(_mailFolder))
        {
            Directory.Delete(_mailFolder, recursive: true);
        }
    }
    private readonly Dictionary<string, string> _importIds = [];

    /// <summary><see cref="Own"/>, with the pending Word import of the role's demo user (an import is only its owner's).</summary>
    public IReadOnlyDictionary<string, string> OwnFor(string role) =>
        new Dictionary<string, string>(Own) { ["importId"] = _importIds.GetValueOrDefault(role, Guid.Empty.ToString()) };

    public async Task PrepareAsync()
    {
        if (Own.Count > 0)
        {
            return;
        }

        var sample = new MimeMessage { Subject = "A sample e-mail", MessageId = new string('0', 32) + "@localhost" };
        sample.From.Add(new MailboxAddress("Example Borough Council", "scrutiny@example.gov.uk"));
        sample.To.Add(new MailboxAddress("Lee Link", DemoUsers.LinkOfficerEmail));
        sample.Body = new TextPart("plain") { Text = "A sample." };
        await sample.WriteToAsync(Path.Combine(_mailFolder, new string('0', 32) + ".eml"));

        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var member = await users.FindByEmailAsync(DemoUsers.CommitteeMemberEmail);
        var otherOfficer = new ApplicationUser { UserName = "other.officer@example.gov.uk", Email = "other.officer@example.gov.uk", DisplayName = "Olive Other" };
        (await users.CreateAsync(otherOfficer, DemoUsers.Password)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(otherOfficer, Roles.LinkOfficer)).Succeeded.ShouldBeTrue();

        Own = await SampleIdsAsync("Tackling Fly-tipping", member!.Id);
        await WithDbAsync(async db =>
        {
            var committee = await db.SelectCommittees.FirstAsync();
            var part = new RecommendationPart { Letter = "a", Text = "Part text", Position = 0 };
            var action = new PlanAction { Responsibility = "Someone", TargetDate = "May 2026", AgreedAction = "Do it", SuccessMeasure = "Done", Position = 0, Part = part };
            var round = new Round { Label = "May 2026", DueDate = new DateOnly(2026, 5, 31), Status = RoundStatus.Open };
            action.Updates.Add(new ProgressUpdate { Round = round });
            db.Reviews.Add(new Review
            {
                Title = OtherReviewTitle,
                SelectCommittee = committee,
                ActionPlanAgreed = new YearMonth(2025, 5),
                LinkOfficers = [new ReviewLinkOfficer { UserId = otherOfficer.Id }],
                Recommendations = [new Recommendation { Number = 1, Text = "Recommendation text", Position = 0, Parts = [part], Actions = [action] }],
                Rounds = [round],
            });
            await db.SaveChangesAsync();
        });
        Other = await SampleIdsAsync(OtherReviewTitle, member.Id);
        await KeepPendingImportsAsync(users);
    }

    /// <summary>An uploaded Hate Crime document waiting for its preview's confirmation, for each officer.</summary>
    private async Task KeepPendingImportsAsync(UserManager<ApplicationUser> users)
    {
        var content = await File.ReadAllBytesAsync(Features.Imports.TestDocument.HateCrimePath);
        foreach (var (role, email) in new[] { (Roles.Administrator, DemoUsers.AdministratorEmail), (Roles.ScrutinyOfficer, DemoUsers.ScrutinyOfficerEmail) })
        {
            var owner = await users.FindByEmailAsync(email);
            var id = Guid.NewGuid();
            await WithDbAsync(async db =>
            {
                var committee = await db.SelectCommittees.FirstAsync();
                db.PendingImports.Add(new PendingImport
                {
                    Id = id, OwnerId = owner!.Id, FileName = "hate-crime.docx", Content = content, SelectCommitteeId = committee.Id,
                    CreatedAtUtc = DateTime.UtcNow, ExpiresAtUtc = DateTime.UtcNow.AddHours(1),
                });
                await db.SaveChangesAsync();
            });
            _importIds[role] = id.ToString();
        }

        Own = OwnFor(Roles.Administrator);
    }

    private Task<IReadOnlyDictionary<string, string>> SampleIdsAsync(string reviewTitle, string userId) => WithDbAsync(async db =>
    {
        var review = await db.Reviews.AsNoTracking().SingleAsync(r => r.Title == reviewTitle);
        var round = await db.Rounds.AsNoTracking().Where(r => r.ReviewId == review.Id).OrderByDescending(r => r.DueDate).FirstAsync();
        var part = await db.RecommendationParts.AsNoTracking().FirstAsync(p => p.Recommendation!.ReviewId == review.Id);
        var action = await db.PlanActions.AsNoTracking().FirstAsync(a => a.PartId == part.Id);
        var update = await db.ProgressUpdates.AsNoTracking().FirstAsync(u => u.RoundId == round.Id);
        var committee = await db.SelectCommittees.AsNoTracking().OrderBy(c => c.Id).FirstAsync();
        return (IReadOnlyDictionary<string, string>)new Dictionary<string, string>
        {
            ["reviewId"] = review.Id.ToString(),
            ["roundId"] = round.Id.ToString(),
            ["recommendationId"] = part.RecommendationId.ToString(),
            ["partId"] = part.Id.ToString(),
            ["actionId"] = action.Id.ToString(),
            ["updateId"] = update.Id.ToString(),
            ["userId"] = userId,
            ["committeeId"] = committee.Id.ToString(),
            ["statusCode"] = "404",
            ["sessionKey"] = new string('0', 64),
            ["messageId"] = "1",
            ["fileName"] = new string('0', 32) + ".eml",
        };
    });
}
