using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Tests.Infrastructure.Email;
using ScrutinyTracker.Web.Infrastructure.Email;

namespace ScrutinyTracker.Tests.Features.Emails;

/// <summary>
/// The sender is killed (SIGKILL) after the server has a message and before it has answered: after a
/// restart every message is delivered, the one in flight again with the same Message-Id, so each
/// recipient's mailbox, which keeps one message per Message-Id, holds each message exactly once.
/// </summary>
public sealed class SenderCrashTests(SenderCrashTests.WritingOnlyFactory app) : IClassFixture<SenderCrashTests.WritingOnlyFactory>
{
    /// <summary>The web front end writes the e-mails; the sender runs in processes of its own that the test kills.</summary>
    public sealed class WritingOnlyFactory : EmailAppFactory
    {
        protected override bool SendsInBackground => false;
    }

    private static readonly Dictionary<string, string> QuickClaims = new()
    {
        // A killed sender's claim lapses after a second, so the restarted one takes the message over at once.
        ["Email__ClaimDuration"] = "00:00:01",
        ["Email__PollInterval"] = "00:00:00.200",
        // The held reply must not time out before the test kills the sender, however loaded the machine.
        ["Email__Smtp__Timeout"] = "00:10:00",
        // Only the sender runs: no reminder of the round's may join the messages counted.
        ["Reminders__Enabled"] = "false",
    };

    /// <summary>Generous: a process of the whole app starts, under whatever load the machine has. Each wait ends as soon as its condition holds.</summary>
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task A_sender_killed_mid_send_delivers_every_message_once_per_message_id_after_a_restart()
    {
        var reviewId = await app.ReviewReadyToOpenAsync("Noisy Neighbours", "Ash Second", "Bea Third");
        await app.OpenRoundAsync(reviewId);
        var written = await app.OutboxAboutAsync("Noisy Neighbours");
        written.Count.ShouldBe(3);
        written.ShouldAllBe(m => m.Status == OutboxStatus.Waiting);
        app.Smtp.HoldReplies(answered: 1);

        using (var first = new AppProcess(app.ConnectionString, app.Smtp.Port, QuickClaims))
        {
            await WhileRunningAsync(first, () => app.Smtp.WaitForAsync(2, Deadline));
            first.Kill();
        }

        app.Smtp.Release();
        var afterCrash = await app.OutboxAboutAsync("Noisy Neighbours");
        afterCrash.Count(m => m.Status == OutboxStatus.Sent).ShouldBe(1, "the first was answered and marked");
        var inFlight = afterCrash.Single(m => m.MessageId == app.Smtp.Received[1].MessageId);
        inFlight.Status.ShouldBe(OutboxStatus.Waiting, "the server had it, but the sender died before it heard back");
        inFlight.ClaimedUntilUtc.ShouldNotBeNull();

        using (var restarted = new AppProcess(app.ConnectionString, app.Smtp.Port, QuickClaims))
        {
            await WhileRunningAsync(restarted, () => Eventually.ReturnsAsync(() => app.OutboxAboutAsync("Noisy Neighbours"), m => m.All(x => x.Status == OutboxStatus.Sent),
                "every message marked sent after the restart", Deadline));
        }

        var received = app.Smtp.Received;
        received.Count.ShouldBe(4, "the message in flight was sent twice: at least once");
        received.Select(m => m.MessageId).Distinct().Order().ShouldBe(written.Select(m => m.MessageId).Order());
        received.Count(m => m.MessageId == inFlight.MessageId).ShouldBe(2);
        foreach (var mailbox in received.GroupBy(m => m.EnvelopeTo.Single()))
        {
            mailbox.Select(m => m.MessageId).Distinct().Count().ShouldBe(1, $"{mailbox.Key}'s mailbox holds one message");
        }

        received.GroupBy(m => m.EnvelopeTo.Single()).Count().ShouldBe(3);
    }

    /// <summary>Says what the app process wrote when it does not do what the test waits for.</summary>
    private static async Task WhileRunningAsync(AppProcess process, Func<Task> wait)
    {
        try
        {
            await wait();
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}\nThe app process {(process.HasExited ? "exited" : "ran")} and wrote:\n{process.Output}", e);
        }
    }
}
