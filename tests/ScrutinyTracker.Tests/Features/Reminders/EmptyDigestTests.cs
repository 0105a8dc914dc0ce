using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Tests.Features.Updates;
using ScrutinyTracker.Tests.Infrastructure.Email;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Infrastructure;

namespace ScrutinyTracker.Tests.Features.Reminders;

/// <summary>With nothing due, nothing is sent: no digest, no reminder.</summary>
public sealed class EmptyDigestTests(EmptyDigestTests.NoReviewsFactory app) : IClassFixture<EmptyDigestTests.NoReviewsFactory>
{
    public sealed class NoReviewsFactory : EmailAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Database:SeedDemoData", "false");
        }
    }

    [Fact]
    public async Task A_week_with_nothing_to_report_sends_no_digest_even_when_something_comes_up_later_that_week()
    {
        await app.CreateUserAsync("sol.scrutiny@example.gov.uk", "Sol Scrutiny", Roles.ScrutinyOfficer);
        var today = UkTime.Today(app.Clock);
        var monday = today.AddDays(((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7);
        app.Clock.Advance(TimeSpan.FromDays(monday.DayNumber - today.DayNumber));

        (await app.RunRemindersAsync()).ShouldBe(1, "the week is claimed");
        (await app.WithDbAsync(db => db.OutboxMessages.CountAsync())).ShouldBe(0);

        app.Clock.Advance(TimeSpan.FromDays(2));
        await app.WithDbAsync(async db =>
        {
            db.SelectCommittees.Add(new SelectCommittee { Name = "People", NormalizedName = SelectCommittee.Normalize("People") });
            await db.SaveChangesAsync();
        });
        await app.CreateRoundAsync("Bins Left Out", linkOfficerEmail: "sol.scrutiny@example.gov.uk", dueDate: monday.AddDays(-1));
        await app.RunRemindersAsync();

        (await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.Kind == "WeeklyDigest").CountAsync())).ShouldBe(0, "the digest waits for next Monday");
    }
}
