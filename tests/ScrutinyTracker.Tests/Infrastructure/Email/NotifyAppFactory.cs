using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ScrutinyTracker.Web.Infrastructure.Email;

namespace ScrutinyTracker.Tests.Infrastructure.Email;

/// <summary>
/// The app sending its e-mails through GOV.UK Notify's real .NET client to <see cref="Notify"/>, a
/// loopback stand-in for Notify's API that the test starts and stops, on a clock the test moves.
/// </summary>
public class NotifyAppFactory : ScrutinyAppFactory, IAsyncLifetime
{
    public const string TemplateId = "f33517ff-2a88-4f6e-b855-c550268ce08a";
    public const string ReplyToId = "a1b2c3d4-0000-4000-8000-123456789abc";

    public NotifyTestServer Notify { get; } = new();

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected virtual bool SendsInBackground => true;

    /// <summary>Runs the sender once, as the background sender does; returns how many messages it attempted.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxDelivery>().SendDueAsync(cancellationToken);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Email:Provider", "Notify");
        builder.UseSetting("Email:Notify:ApiKey", NotifyTestServer.ApiKey);
        builder.UseSetting("Email:Notify:TemplateId", TemplateId);
        builder.UseSetting("Email:Notify:ReplyToId", ReplyToId);
        builder.UseSetting("Email:Notify:BaseUrl", Notify.BaseUrl);
        builder.UseSetting("Email:Notify:Timeout", "00:00:20");
        builder.UseSetting("Email:SiteUrl", EmailAppFactory.SiteUrl);
        builder.UseSetting("Email:SendInBackground", SendsInBackground ? "true" : "false");
        builder.UseSetting("Reminders:Enabled", "false");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public virtual Task InitializeAsync() => Notify.StartAsync();

    async Task IAsyncLifetime.DisposeAsync() => await Notify.DisposeAsync();
}
