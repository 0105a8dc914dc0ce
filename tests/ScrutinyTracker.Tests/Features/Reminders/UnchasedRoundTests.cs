using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Tests.Features.Updates;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Tests.Infrastructure.Email;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Infrastructure;

namespace ScrutinyTracker.Tests.Features.Reminders;

/// <summary>An overdue round whose link officers get no reminders still reaches the scrutiny officers (an app of its own: it moves the clock).</summary>
public sealed class UnchasedRoundTests(EmailAppFactory app) : IClassFixture<EmailAppFactory>
{
    [Fact]
    public async Task Scrutiny_officers_are_told_of_an_overdue_round_even_when_no_link_officer_is_being_chased()
    {
        var today = UkTime.Today(app.Clock);
        var round = await app.CreateRoundAsync("Abandoned Trolleys", dueDate: today.AddDays(2));
        await app.WithDbAsync(async db => await db.Users.Where(u => u.Email == DemoUsers.LinkOfficerEmail).ExecuteUpdateAsync(u => u.SetProperty(x => x.RemindersOff, true)));

        app.Clock.Advance(TimeSpan.FromDays(2 + 8));
        await app.RunRemindersAsync();

        var told = (await Eventually.ReturnsAsync(() => Task.FromResult(About()), m => m.Count >= 1, "the scrutiny officer's chaser")).ShouldHaveSingleItem();
        told.EnvelopeTo.ShouldBe([DemoUsers.ScrutinyOfficerEmail]);
        told.Message.Subject.ShouldBe($"Overdue: Abandoned Trolleys progress updates were due by {UkTime.Date(today.AddDays(2))}");
        told.Text.ShouldContain("No link officer of the review is being sent reminders: none is active, or they have turned reminders off.");
        told.Text.ShouldContain($"/rounds/{round.RoundId}/check");
    }

    private List<ReceivedEmail> About() =>
        [.. app.Smtp.Received.Where(m => (m.Message.Subject ?? "").Contains("Abandoned Trolleys", StringComparison.Ordinal))];
}
