using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ScrutinyTracker.Tests.Infrastructure.Email;

/// <summary>
/// The app sending its e-mails through SMTP to <see cref="Smtp"/>, a real server on loopback that the
/// test starts and stops, on a clock the test moves (<see cref="Clock"/>): retries without sleeping.
/// </summary>
public class EmailAppFactory : ScrutinyAppFactory, IAsyncLifetime
{
    public const string SiteUrl = "https://scrutiny.example.gov.uk";

    public SmtpTestServer Smtp { get; } = new();

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>False for an instance that only writes e-mails (as a web front end beside a separate sender would).</summary>
    protected virtual bool SendsInBackground => true;

    protected virtual bool RemindsInBackground => false;

    /// <summary>Runs the reminder schedule once, now on <see cref="Clock"/>, as the app's scheduler does; returns how many it sent.</summary>
    public async Task<int> RunRemindersAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ScrutinyTracker.Web.Features.Reminders.ReminderRun>().RunAsync(CancellationToken.None);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Email:Provider", "Smtp");
        builder.UseSetting("Email:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Email:Smtp:Port", Smtp.Port.ToString());
        builder.UseSetting("Email:Smtp:Security", "None");
        builder.UseSetting("Email:Smtp:Timeout", "00:00:10");
        builder.UseSetting("Email:SiteUrl", SiteUrl);
        builder.UseSetting("Email:FromAddress", "scrutiny@example.gov.uk");
        builder.UseSetting("Email:SendInBackground", SendsInBackground ? "true" : "false");
        // Reminder tests run the schedule themselves (ReminderRun), on the clock they move.
        builder.UseSetting("Reminders:Enabled", RemindsInBackground ? "true" : "false");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public virtual Task InitializeAsync() => Smtp.StartAsync();

    async Task IAsyncLifetime.DisposeAsync() => await Smtp.DisposeAsync();
}
